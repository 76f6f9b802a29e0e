/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- runs in Node (tests, emulator, scripts), never inside n8n */
import { paced, pacingOf, pacingSettings, PACING_HOLD_MS, resetAccountPacing } from '../../nodes/shared/api/accountPacing';

type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = async (ms) => await new Promise((r) => (ms === 0 ? setImmediate(r) : setTimeout(r, ms)));

/** A NetSuite account with one concurrency limit: 429 past `limit` in flight, whoever sends. */
class Account {
	inFlight = 0;
	accepted = 0;
	rejected = 0;
	constructor(
		public limit: number,
		private readonly latency: () => number = () => 1,
		private readonly sleep: Sleep = realSleep,
	) {}

	async send(): Promise<string> {
		if (this.inFlight >= this.limit) {
			this.rejected++;
			await this.sleep(0);
			throw Object.assign(new Error('Concurrent request limit exceeded'), { response: { status: 429, data: {}, headers: {} } });
		}
		this.inFlight++;
		await this.sleep(this.latency());
		this.inFlight--;
		this.accepted++;
		return 'ok';
	}
}

/**
 * Time for the model test: timers fire in order of due time (then of creation), each only after
 * every continuation that is ready has run, so a seed replays the same interleaving however busy
 * the machine is.
 */
class VirtualTime {
	now = 0;
	private created = 0;
	private readonly timers: Array<{ at: number; order: number; wake: () => void }> = [];

	readonly sleep: Sleep = async (ms) =>
		await new Promise<void>((wake) => this.timers.push({ at: this.now + ms, order: this.created++, wake }));

	async run<T>(work: Promise<T>): Promise<T> {
		let settled = false;
		const result = work.finally(() => (settled = true));
		for (;;) {
			// setImmediate runs after every pending promise continuation.
			await new Promise((r) => setImmediate(r));
			if (settled) return await result;
			// A lost wake-up (a request left waiting for a slot nobody will free) ends here.
			if (this.timers.length === 0) throw new Error(`stuck at ${this.now} ms: requests wait and nothing is scheduled`);
			this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
			const next = this.timers.shift()!;
			this.now = Math.max(this.now, next.at);
			next.wake();
		}
	}
}

/** A request retried on 429 after a short pause, as the transport does. */
async function sendUntilAccepted(process: string, account: Account, rand: () => number, sleep: Sleep): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			await paced(process, async () => await account.send());
			return;
		} catch {
			// The transport's backoff, scaled to the model's latencies: exponential, equal jitter.
			const delay = Math.min(2 * 2 ** (attempt - 1), 32);
			await sleep(delay / 2 + rand() * (delay / 2));
		}
	}
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing seed replays exactly. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('pacing an account after a 429', () => {
	let clock = 0;
	beforeEach(() => {
		clock = 0;
		pacingSettings.now = () => clock;
		pacingSettings.enabled = true;
		resetAccountPacing();
	});
	afterAll(() => {
		pacingSettings.now = () => Date.now();
		resetAccountPacing();
	});

	it('sends without any limit of its own until NetSuite answers 429', async () => {
		const account = new Account(100);
		let peak = 0;
		await Promise.all(
			Array.from(
				{ length: 30 },
				async () =>
					await paced('acct', async () => {
						const result = account.send();
						peak = Math.max(peak, account.inFlight);
						return await result;
					}),
			),
		);
		expect(peak).toBe(30);
		expect(pacingOf('acct')).toBeUndefined();
	});

	/** Sends `count` requests at once through the pacing; returns the peak the account saw. */
	async function burst(key: string, account: Account, count: number): Promise<number> {
		let peak = 0;
		await Promise.all(
			Array.from(
				{ length: count },
				async () =>
					await paced(key, async () => {
						const result = account.send();
						peak = Math.max(peak, account.inFlight);
						return await result;
					}).catch(() => undefined),
			),
		);
		return peak;
	}

	it('after a burst of 429s it sends about half of what NetSuite accepted, then climbs back to it without more 429s', async () => {
		// Virtual time: the 429s come back before the accepted requests finish, however busy the machine.
		const time = new VirtualTime();
		const account = new Account(5, () => 1, time.sleep);
		await time.run(burst('acct', account, 20));
		expect(account.rejected).toBe(15);
		// Halved once to (5 + 1) / 2 = 3 from the share NetSuite accepted, not from the 20 sent;
		// the 5 accepted requests came back afterwards and gave back about one slot.
		expect(Math.floor(pacingOf('acct')!.limit)).toBe(4);
		const peak = await time.run(burst('acct', account, 30));
		expect(account.rejected).toBe(15);
		expect(peak).toBe(5);
	});

	it('another account is not slowed by this one', async () => {
		await burst('busy', new Account(1), 4);
		expect(pacingOf('busy')!.limit).toBeLessThan(2);
		expect(await burst('other', new Account(100), 10)).toBe(10);
	});

	it('stops pacing a short while after the last 429', async () => {
		const account = new Account(1);
		await burst('acct', account, 4);
		expect(pacingOf('acct')!.limit).toBeLessThan(2);
		clock += PACING_HOLD_MS - 1;
		account.limit = 100;
		expect(await burst('acct', account, 10)).toBeLessThan(3);
		clock += 2;
		expect(await burst('acct', account, 10)).toBe(10);
		expect(pacingOf('acct')).toBeUndefined();
	});

	it('an error other than 429 leaves the pace as it was', async () => {
		await expect(
			paced('acct', async () => {
				throw Object.assign(new Error('boom'), { response: { status: 500 } });
			}),
		).rejects.toThrow('boom');
		expect(pacingOf('acct')).toBeUndefined();
	});

	// Model test: two processes (two pacing keys, as two n8n workers each have their own module
	// state) share one account limit. Random latencies and random concurrency per process.
	// Limits from 3 up: a process never goes below one request in flight, so with a limit no
	// bigger than the number of processes their floors alone fill it.
	/** Two processes send `requests` each through one account; returns 429s per accepted request. */
	async function twoProcesses(seed: number, paceOn: boolean): Promise<{ ratio: number; limit: number; concurrency: number[] }> {
		const rand = random(seed);
		const time = new VirtualTime();
		resetAccountPacing();
		pacingSettings.enabled = paceOn;
		pacingSettings.now = () => time.now;
		const limit = 3 + Math.floor(rand() * 6);
		const account = new Account(limit, () => 1 + Math.floor(rand() * 4), time.sleep);
		const concurrency = [10 + Math.floor(rand() * 30), 10 + Math.floor(rand() * 30)];
		const requests = 300;
		const run = async (process: string, size: number) => {
			let next = 0;
			await Promise.all(
				Array.from({ length: size }, async () => {
					while (next < requests) {
						next++;
						await sendUntilAccepted(process, account, rand, time.sleep);
					}
				}),
			);
		};
		await time.run(Promise.all([run('worker-a|acct', concurrency[0]), run('worker-b|acct', concurrency[1])]));
		pacingSettings.now = () => clock;
		expect(account.accepted).toBe(2 * requests);
		for (const process of ['worker-a|acct', 'worker-b|acct']) expect(pacingOf(process)?.inFlight ?? 0).toBe(0);
		return { ratio: account.rejected / account.accepted, limit, concurrency };
	}

	// Model test: two processes (two pacing keys, as two n8n workers each have their own module
	// state) share one account limit, with random latencies and concurrency per process. Each
	// learns only from its own 429s. Limits from 3 up: a process never goes below one request in
	// flight, so with a limit no bigger than the number of processes their floors alone fill it.
	it.each([1, 2, 3, 42, 1234, 99_999])(
		'two processes sharing one account limit: every request lands, 429s cut at least fourfold (seed %i)',
		async (seed) => {
			let detail = '';
			try {
				const unpaced = await twoProcesses(seed, false);
				const paced = await twoProcesses(seed, true);
				detail = `limit ${paced.limit}, concurrency ${paced.concurrency.join('/')}, 429s per write ${paced.ratio.toFixed(3)} paced vs ${unpaced.ratio.toFixed(3)} unpaced`;
				expect(paced.ratio).toBeLessThan(unpaced.ratio / 4);
				if (paced.limit >= 4) expect(paced.ratio).toBeLessThan(0.3);
			} catch (error) {
				throw new Error(`seed ${seed} (${detail}): ${(error as Error).message}`);
			}
		},
	);
});
