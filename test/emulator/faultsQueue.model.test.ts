/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- runs in Node (tests, emulator, scripts), never inside n8n */
// Model test for the emulator's queue-past-the-limit mode: random arrivals and hold times,
// fixed seeds. Against a model that only counts, every request is admitted exactly once,
// never more than the limit are in flight, none is refused, and none waits forever (a lost
// wake-up shows as 'stuck' with its seed).
import { Random } from '../nodes/trigger/model/random';
import { Faults } from './faults';

const yieldTimes = async (n: number) => {
	for (let i = 0; i < n; i++) await Promise.resolve();
};

async function runSchedule(seed: number): Promise<void> {
	const random = new Random(seed);
	const limit = random.int(1, 6);
	const requests = random.int(1, 60);
	const faults = new Faults(limit, 0, 0, undefined);
	faults.overLimit = 'queue';
	let inFlight = 0;
	let peak = 0;
	const admitted: number[] = [];
	const request = async (id: number, hold: number) => {
		const refused = await faults.admit();
		if (refused) throw new Error(`request ${id} refused with ${refused.status}`);
		inFlight++;
		peak = Math.max(peak, inFlight);
		if (inFlight > limit) throw new Error(`${inFlight} in flight over a limit of ${limit}`);
		admitted.push(id);
		await yieldTimes(hold);
		inFlight--;
		faults.leave();
	};
	const all: Array<Promise<void>> = [];
	for (let id = 0; id < requests; id++) {
		all.push(request(id, random.int(0, 8)));
		// Arrivals in bursts and in gaps, so slots free up while others arrive.
		if (random.chance(0.4)) await yieldTimes(random.int(1, 10));
	}
	let stuck: ReturnType<typeof setTimeout> | undefined;
	await Promise.race([
		Promise.all(all),
		new Promise((_, reject) => (stuck = setTimeout(() => reject(new Error(`stuck: ${admitted.length} of ${requests} admitted`)), 2000))),
	]);
	clearTimeout(stuck);
	expect([...admitted].sort((a, b) => a - b)).toEqual(Array.from({ length: requests }, (_, i) => i));
	expect(faults.inFlight).toBe(0);
	expect(faults.rejected429).toBe(0);
	expect(faults.inFlightPeak).toBe(peak);
	expect(peak).toBeLessThanOrEqual(limit);
}

describe('emulator queue mode (model)', () => {
	it.each([1, 7, 42, 1125, 4242, 31337, 90210, 123456])(
		'seed %i: each request admitted once, never over the limit, none refused, none stuck',
		async (seed) => {
			try {
				await runSchedule(seed);
			} catch (error) {
				throw new Error(`seed ${seed}: ${(error as Error).message}`);
			}
		},
	);
});
