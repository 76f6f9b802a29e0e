/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests, emulator, scripts), never inside n8n */
// Randomized model test of the shared pager (nodes/shared/api/pager.ts). Each seed builds a
// server over rows 1..N that pages by key or by offset and sometimes misbehaves (short pages,
// an empty page that says hasMore, a page that says no more too early), a Limit, a consumer
// that may stop early, and sometimes a next-cursor function that goes back to a cursor already
// read. The model says what must come out. Fixed seeds; every violation names its seed, and
// PAGER_SEED=<n> replays one.
import { pages } from '../../nodes/shared/api/pager';
import { Random } from '../nodes/trigger/model/random';

const SCENARIOS = 3000;
const only = process.env.PAGER_SEED === undefined ? undefined : Number(process.env.PAGER_SEED);
const seeds = only !== undefined ? [only] : Array.from({ length: SCENARIOS }, (_, i) => i + 1);

/** More fetches than any scenario needs: a pager that loops is reported, not left hanging. */
const RUNAWAY = 500;

interface Row {
	id: number;
}

type Mode = 'key' | 'offset';
type Fault = 'short' | 'emptyWithMore' | 'endTooEarly';

interface Served {
	cursor: number;
	rows: Row[];
	hasMore: boolean;
	fault?: Fault;
}

interface Scenario {
	mode: Mode;
	data: Row[];
	pageSize: number;
	maxRows?: number;
	faultRate: number;
	/** The consumer stops after this many pages (undefined: reads to the end). */
	stopAfterPages?: number;
	/** At this page boundary the next cursor goes back to one already read. */
	goBackAt?: number;
}

function scenarioOf(random: Random): Scenario {
	const size = random.int(0, 60);
	return {
		mode: random.chance(0.5) ? 'key' : 'offset',
		data: Array.from({ length: size }, (_, i) => ({ id: i + 1 })),
		pageSize: random.int(1, 12),
		maxRows: random.chance(0.4) ? undefined : random.int(0, 70),
		faultRate: random.pick([0, 0, 0.1, 0.3]) ?? 0,
		stopAfterPages: random.chance(0.15) ? random.int(1, 4) : undefined,
		goBackAt: random.chance(0.2) ? random.int(0, 6) : undefined,
	};
}

/** A server over `data`: by key, the rows after the cursor's id; by offset, the rows from it. */
function serverOf(s: Scenario, random: Random) {
	const served: Served[] = [];
	const fetch = async (cursor: number): Promise<{ rows: Row[]; hasMore: boolean }> => {
		if (served.length >= RUNAWAY) throw new Error(`runaway: ${RUNAWAY} fetches`);
		await Promise.resolve();
		const start = s.mode === 'key' ? s.data.findIndex((row) => row.id > cursor) : cursor;
		const from = start < 0 ? s.data.length : start;
		const full = s.data.slice(from, from + s.pageSize);
		let rows = full;
		let hasMore = from + full.length < s.data.length;
		let fault: Fault | undefined;
		if (random.chance(s.faultRate)) {
			fault = random.pick<Fault>(['short', 'emptyWithMore', 'endTooEarly']);
			if (fault === 'short' && full.length > 1) {
				rows = full.slice(0, random.int(1, full.length - 1));
				hasMore = true;
			} else if (fault === 'emptyWithMore') {
				rows = [];
				hasMore = true;
			} else if (fault === 'endTooEarly' && hasMore) {
				hasMore = false;
			} else fault = undefined;
		}
		served.push({ cursor, rows, hasMore, fault });
		return { rows, hasMore };
	};
	return { served, fetch };
}

class GoneBack extends Error {}

/** Runs one scenario; returns what it broke of the model, each line naming the seed. */
async function check(seed: number): Promise<string[]> {
	const random = new Random(seed);
	const s = scenarioOf(random);
	const server = serverOf(s, random);
	const used: number[] = [];
	let boundaries = 0;
	// A correct next cursor, except at `goBackAt`, where it returns one already read.
	const after = (page: { rows: Row[] }, cursor: number): number => {
		used.push(cursor);
		if (boundaries++ === s.goBackAt) return random.pick(used)!;
		if (s.mode === 'offset') return cursor + s.pageSize;
		return page.rows.length ? page.rows[page.rows.length - 1].id : cursor;
	};
	const out: Row[][] = [];
	let error: unknown;
	try {
		for await (const rows of pages<Row, number>({
			first: 0,
			fetch: server.fetch,
			after,
			maxRows: s.maxRows,
			stuck: (c) => new GoneBack(`back to ${c}`),
		})) {
			out.push(rows);
			if (out.length === s.stopAfterPages) break;
		}
	} catch (caught) {
		error = caught;
	}

	const v: string[] = [];
	const say = (what: string) =>
		v.push(`seed ${seed} (${s.mode}, ${s.data.length} rows, page ${s.pageSize}, maxRows ${s.maxRows}): ${what}`);
	const log = server.served;
	const limit = s.maxRows ?? Infinity;
	const sent = log.flatMap((p) => p.rows);
	const got = out.flat();
	const ids = (rows: Row[]) => rows.map((r) => r.id).join(',');

	if (error !== undefined && !(error instanceof GoneBack)) say(`failed with ${String(error)}`);
	if (out.some((rows) => rows.length === 0)) say('handed out an empty page');
	// Every row the server sent, once, in order, at most maxRows.
	if (ids(got) !== ids(sent.slice(0, limit))) say(`handed out [${ids(got)}], the server sent [${ids(sent)}]`);
	if (got.length > limit) say(`handed out ${got.length} rows, over maxRows`);
	if (s.maxRows === 0 && log.length) say('fetched a page for maxRows 0');
	// The cursor passed on: the first, then each page's next, never one already read.
	const cursors = log.map((p) => p.cursor);
	if (cursors.length && cursors[0] !== 0) say(`first fetch at ${cursors[0]}, not 0`);
	if (new Set(cursors).size !== cursors.length) say(`fetched a cursor twice: [${cursors.join(',')}]`);
	// Nothing fetched past a page that ends the read; no read ends before such a page.
	let read = 0;
	log.forEach((page, i) => {
		read += page.rows.length;
		const ends = page.rows.length === 0 || !page.hasMore || read >= limit;
		const last = i === log.length - 1;
		if (ends && !last) say(`fetched again after page ${i} [${ids(page.rows)}] hasMore ${page.hasMore} (read ${read})`);
		if (!ends && last) {
			const consumerStopped = s.stopAfterPages !== undefined && out.length === s.stopAfterPages;
			const wentBack = error instanceof GoneBack && i === s.goBackAt;
			if (!consumerStopped && !wentBack)
				say(`stopped after page ${i} [${ids(page.rows)}] though it said hasMore and maxRows was not reached`);
		}
	});
	// The next cursor is asked for only when another page is to be read (a key that cannot be
	// worked out must not fail a read that had ended).
	const crossed = log.length - 1 + (error instanceof GoneBack ? 1 : 0);
	if (log.length && boundaries !== crossed) say(`asked for the next cursor ${boundaries} times for ${crossed} page boundaries crossed`);
	// The stuck error comes exactly when the next cursor went back, and only then.
	if (error instanceof GoneBack && boundaries - 1 !== s.goBackAt)
		say(`stuck error at boundary ${boundaries - 1}, the cursor went back at ${s.goBackAt}`);
	if (error === undefined && s.goBackAt !== undefined && boundaries > s.goBackAt) say('went back to a cursor already read and carried on');
	// Against the data: by key each row at most once and in order; with a well-behaved server
	// and nothing stopping it, exactly the first maxRows rows.
	if (s.mode === 'key' && got.some((row, i) => i > 0 && row.id <= got[i - 1].id)) say(`rows out of order or repeated: [${ids(got)}]`);
	const clean = log.every((p) => !p.fault) && error === undefined && (s.stopAfterPages === undefined || out.length < s.stopAfterPages);
	if (clean && ids(got) !== ids(s.data.slice(0, limit)))
		say(`a clean read handed out [${ids(got)}], expected the first ${Math.min(limit, s.data.length)} rows`);
	return v;
}

describe('the shared pager, randomized model (short pages, empty pages that say hasMore, early ends, Limits, early stops, cursors that go back)', () => {
	it(`hands out each row the server sent once, in order, at most maxRows, stopping exactly where the model says, for ${seeds.length} seeds`, async () => {
		const violations: string[] = [];
		for (const seed of seeds) {
			violations.push(...(await check(seed)));
			if (violations.length > 30) break;
		}
		expect(violations).toEqual([]);
	});
});
