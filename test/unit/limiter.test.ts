/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests, emulator, scripts), never inside n8n */
// The limiter holds its size even when tasks arrive while others finish (the paging slots of a
// run take new requests at any moment), and grows, never shrinks, when a width is learned late.
import { Limiter, withSharedLimiter } from '../../nodes/shared/api/limiter';
import { Random } from '../nodes/trigger/model/random';

const tick = async () => await new Promise((resolve) => setImmediate(resolve));
/** A promise that settles after `count` microtask hops. */
const hops = (count: number): Promise<unknown> =>
	count > 0 ? Promise.resolve().then(async () => await hops(count - 1)) : Promise.resolve();

describe('Limiter', () => {
	it('a task arriving just as one finishes waits behind the task already waiting', async () => {
		// The newcomer comes a few microtask hops after the first task is let go, so for some hop
		// count it lands between the slot being freed and the waiting task taking it.
		for (let hops = 0; hops <= 8; hops++) {
			const limiter = new Limiter(1);
			let running = 0;
			let peak = 0;
			const task = async (wait: Promise<unknown> = tick()) => {
				running++;
				peak = Math.max(peak, running);
				await wait;
				running--;
			};
			let release!: () => void;
			const first = limiter.run(async () => await task(new Promise<void>((resolve) => (release = resolve))));
			const second = limiter.run(async () => await task());
			await tick();
			release();
			let chain: Promise<unknown> = Promise.resolve();
			for (let i = 0; i < hops; i++) chain = chain.then(() => undefined);
			const third = chain.then(async () => await limiter.run(async () => await task()));
			await Promise.all([first, second, third]);
			expect({ hops, peak }).toEqual({ hops, peak: 1 });
		}
	});

	it('never runs more than its size, with tasks arriving at random moments (fixed seeds)', async () => {
		for (let seed = 1; seed <= 50; seed++) {
			const random = new Random(seed);
			const size = random.int(1, 4);
			const limiter = new Limiter(size);
			let running = 0;
			let peak = 0;
			const started: Array<Promise<void>> = [];
			const task = async (): Promise<void> => {
				running++;
				peak = Math.max(peak, running);
				for (let i = random.int(0, 3); i > 0; i--) await tick();
				running--;
				// A new task arrives as this one ends (not awaited here: it holds no slot of this one).
				if (started.length < 40 && random.chance(0.5)) started.push(hops(random.int(0, 6)).then(async () => await limiter.run(task)));
			};
			for (let i = random.int(1, 12); i > 0; i--) started.push(limiter.run(task));
			for (let done = 0; done < started.length; done++) await started[done];
			expect({ seed, peak: Math.min(peak, size + 1) }).toEqual({ seed, peak: Math.min(peak, size) });
		}
	});

	it('grows to a width learned late and lets the waiting tasks in at once', async () => {
		let running = 0;
		let peak = 0;
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const task = async () => {
			running++;
			peak = Math.max(peak, running);
			await gate;
			running--;
		};
		const runs = [1, 2, 3, 4].map(async () => await withSharedLimiter('run:pages', 1, task));
		await tick();
		expect(running).toBe(1);
		const more = withSharedLimiter('run:pages', 3, task);
		await tick();
		expect(running).toBe(3);
		release();
		await Promise.all([...runs, more]);
		expect(peak).toBe(3);
	});
});
