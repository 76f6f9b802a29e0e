/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests, emulator, scripts), never inside n8n */
// Randomized model test of parallel offset pages (pager.ts `ahead`). Each seed builds an offset
// server over rows 0..N-1 whose answers depend only on the offset asked (as NetSuite's do: a page
// of an offset answers the same rows whatever order pages are asked in), with a totalResults that
// may be stale (rows added or removed since), failures on any page, answers that arrive in any
// order, a Limit and a consumer that may stop early. The sequential read (width 1) is the model:
// every parallel read must hand out the same pages in the same order, or throw the same error,
// never run more than `width` requests at once, and send at most the sequential requests + width.
// Some reads learn their width late (Auto: asked once the first page says more follow) and some
// run their requests in a slot shared with another read of the same run; a consumer that stops
// (Limit, break) starts no page after it stopped, and no row is handed out twice. 429s from a
// second execution holding the account's slots: test/transport/parallelReads.model.test.ts.
// Fixed seeds; PAGER_SEED=<n> replays one.
import { Limiter } from '../../nodes/shared/api/limiter';
import { offsetsAfterFirst, pages, type Ahead, type Page } from '../../nodes/shared/api/pager';
import { Random } from '../nodes/trigger/model/random';

const SCENARIOS = 2000;
const only = process.env.PAGER_SEED === undefined ? undefined : Number(process.env.PAGER_SEED);
const seeds = only !== undefined ? [only] : Array.from({ length: SCENARIOS }, (_, i) => i + 1);

interface Scenario {
	size: number;
	/** What the first page says totalResults is (the truth, or stale). */
	total: number;
	pageSize: number;
	maxRows?: number;
	/** Offsets whose request fails (as after its retries). */
	failing: Set<number>;
	/** The consumer stops after this many pages (undefined: reads to the end). */
	stopAfterPages?: number;
	width: number;
	/** The width is asked for after the first page (as Auto is), not given up front. */
	lateWidth: boolean;
	/** Another read of the same run shares the slots: together they hold at most `width`. */
	sharedSlot: boolean;
}

function scenarioOf(random: Random): Scenario {
	const size = random.int(0, 80);
	const pageSize = random.int(1, 10);
	const failing = new Set<number>();
	if (random.chance(0.3)) for (let i = random.int(0, 3); i > 0; i--) failing.add(random.int(0, 10) * pageSize);
	return {
		size,
		total: random.chance(0.7) ? size : Math.max(0, size + random.int(-15, 15)),
		pageSize,
		maxRows: random.chance(0.5) ? undefined : random.int(0, 90),
		failing,
		stopAfterPages: random.chance(0.2) ? random.int(1, 5) : undefined,
		width: random.int(2, 7),
		lateWidth: random.chance(0.3),
		sharedSlot: random.chance(0.3),
	};
}

async function read(s: Scenario, width: number, random: Random, slot?: Ahead<number, number>['slot']) {
	const asked: number[] = [];
	let running = 0;
	let peak = 0;
	let askedAtStop: number | undefined;
	let widthAsked = 0;
	const fetch = async (offset: number): Promise<Page<number>> => {
		asked.push(offset);
		running++;
		peak = Math.max(peak, running);
		try {
			// Answers come back in any order.
			for (let i = random.int(0, 4); i > 0; i--) await new Promise((resolve) => setImmediate(resolve));
			if (s.failing.has(offset)) throw new Error(`page at ${offset} failed`);
			const rows = Array.from({ length: Math.max(0, Math.min(s.pageSize, s.size - offset)) }, (_, i) => offset + i);
			return { rows, hasMore: offset + rows.length < s.size };
		} finally {
			running--;
		}
	};
	const out: number[][] = [];
	let error: string | undefined;
	try {
		for await (const rows of pages<number, number>({
			first: 0,
			fetch,
			after: (_page, offset) => offset + s.pageSize,
			maxRows: s.maxRows,
			ahead: {
				width: s.lateWidth && width > 1 ? async () => (widthAsked++, width) : width,
				cursors: () => offsetsAfterFirst(s.total, s.pageSize, s.maxRows),
				...(slot && { slot }),
			},
		})) {
			out.push(rows);
			if (s.stopAfterPages !== undefined && out.length >= s.stopAfterPages) {
				askedAtStop = asked.length;
				break;
			}
		}
	} catch (e) {
		error = (e as Error).message;
	}
	// Let requests left in flight by an early stop settle before counting.
	for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
	return { out, error, asked, peak, askedAtStop, widthAsked };
}

/** Two reads of one run at once, their requests in one slot limiter of `width`. */
async function twoReadsSharingSlots(s: Scenario, seed: number) {
	const slots = new Limiter(s.width);
	const slot = async <T>(request: () => Promise<T>) => await slots.run(request);
	let running = 0;
	let peak = 0;
	const counted =
		<T>(request: () => Promise<T>) =>
		async () => {
			running++;
			peak = Math.max(peak, running);
			try {
				return await request();
			} finally {
				running--;
			}
		};
	const countedSlot = async <T>(request: () => Promise<T>) => await slot(counted(request));
	const [a, b] = await Promise.all([
		read(s, s.width, new Random(seed * 31), countedSlot),
		read({ ...s, failing: new Set(), stopAfterPages: undefined }, s.width, new Random(seed * 37), countedSlot),
	]);
	return { a, b, peak };
}

describe('parallel offset pages (randomized model, fixed seeds)', () => {
	it('hand out row for row what the sequential read hands out, or its error, within the width', async () => {
		const violations: string[] = [];
		for (const seed of seeds) {
			const s = scenarioOf(new Random(seed));
			const sequential = await read(s, 1, new Random(seed * 7919));
			const parallel = await read(s, s.width, new Random(seed * 104729));
			const say = (what: string) => violations.push(`seed ${seed}: ${what} (${JSON.stringify({ ...s, failing: [...s.failing] })})`);
			if (JSON.stringify(parallel.out) !== JSON.stringify(sequential.out)) {
				say(`pages ${JSON.stringify(parallel.out)} != sequential ${JSON.stringify(sequential.out)}`);
			}
			if (parallel.error !== sequential.error) say(`error ${parallel.error} != sequential ${sequential.error}`);
			if (sequential.peak > 1) say(`width 1 ran ${sequential.peak} requests at once`);
			if (parallel.peak > s.width) say(`ran ${parallel.peak} requests at once, width ${s.width}`);
			if (parallel.asked.length > sequential.asked.length + s.width) {
				say(`${parallel.asked.length} requests, sequential ${sequential.asked.length} + width ${s.width}`);
			}
			const handedOut = parallel.out.flat();
			if (new Set(handedOut).size !== handedOut.length) say(`a row was handed out twice: ${JSON.stringify(parallel.out)}`);
			if (parallel.askedAtStop !== undefined && parallel.asked.length > parallel.askedAtStop) {
				say(`${parallel.asked.length - parallel.askedAtStop} pages started after the consumer stopped`);
			}
			if (sequential.widthAsked > 0) say('width 1 asked for a width');
			if (parallel.widthAsked > 1) say(`the width was asked ${parallel.widthAsked} times`);
			if (s.sharedSlot) {
				const { a, b, peak } = await twoReadsSharingSlots(s, seed);
				if (JSON.stringify(a.out) !== JSON.stringify(sequential.out) || a.error !== sequential.error) {
					say(`sharing slots: ${JSON.stringify(a.out)} / ${a.error} != sequential ${JSON.stringify(sequential.out)} / ${sequential.error}`);
				}
				const alone = await read({ ...s, failing: new Set(), stopAfterPages: undefined }, 1, new Random(seed));
				if (JSON.stringify(b.out) !== JSON.stringify(alone.out)) say('the other read of the run lost its rows');
				if (peak > s.width) say(`two reads sharing ${s.width} slots ran ${peak} requests at once`);
			}
			if (violations.length >= 5) break;
		}
		expect(violations).toEqual([]);
	});

	it('width 1 sends exactly the requests a read without `ahead` sends', async () => {
		for (const seed of seeds.slice(0, 300)) {
			const s = scenarioOf(new Random(seed));
			const withAhead = await read(s, 1, new Random(seed));
			const asked: number[] = [];
			try {
				for await (const rows of pages<number, number>({
					first: 0,
					fetch: async (offset) => {
						asked.push(offset);
						if (s.failing.has(offset)) throw new Error('failed');
						const n = Math.max(0, Math.min(s.pageSize, s.size - offset));
						return { rows: Array.from({ length: n }, (_, i) => offset + i), hasMore: offset + n < s.size };
					},
					after: (_page, offset) => offset + s.pageSize,
					maxRows: s.maxRows,
				})) {
					if (s.stopAfterPages !== undefined && rows && asked.length >= s.stopAfterPages) break;
				}
			} catch {
				// the same failure; only the requests are compared here
			}
			expect({ seed, asked: withAhead.asked }).toEqual({ seed, asked });
		}
	});

	it('a parallel read of known pages runs them at the width', async () => {
		const s: Scenario = { size: 100, total: 100, pageSize: 10, failing: new Set(), width: 5, lateWidth: false, sharedSlot: false };
		const result = await read(s, 5, new Random(1));
		expect(result.out.flat()).toEqual(Array.from({ length: 100 }, (_, i) => i));
		expect(result.peak).toBe(5);
		expect(result.asked).toHaveLength(10);
	});
});
