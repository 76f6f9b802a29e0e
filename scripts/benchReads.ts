/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- runs in Node (tests, emulator, scripts), never inside n8n */
// The read cases of `npm run bench`: bare signed SuiteQL loops (by offset and by key, one page at
// a time or at a width) and the table that sets the node's lines beside them, each line's rounds,
// requests and peak RSS, with the ratios of its median against the two bare loops.
import { tbaAuthorizationHeader } from '../nodes/shared/auth/tbaSigner';
import type { ThreadedEmulator } from './emulatorThread';

type Emulator = Pick<ThreadedEmulator, 'credentials'>;
type Envelope = { items: Array<Record<string, unknown>>; hasMore: boolean; totalResults: number };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const s = seconds;

/** One signed SuiteQL page, sent again on a 429. */
function pageSender(emulator: Emulator) {
	const { tba, accountId, baseUrl } = emulator.credentials;
	const keys = { ...tba, realm: accountId };
	return async (q: string, offset: number, params: string[] = [], limit = 1000): Promise<Envelope> => {
		const url = `${baseUrl}/services/rest/query/v1/suiteql?limit=${limit}&offset=${offset}`;
		for (;;) {
			const response = await fetch(url, {
				method: 'POST',
				headers: {
					authorization: tbaAuthorizationHeader(keys, { method: 'POST', url }),
					'content-type': 'application/json',
					prefer: 'transient',
				},
				body: JSON.stringify(params.length ? { q, params } : { q }),
			});
			if (response.status !== 429) return (await response.json()) as Envelope;
			await response.arrayBuffer();
		}
	};
}

/** Keeps rows as a hand-written client does (links dropped, one item each), at most `rows`. */
function keeper(rows = Infinity) {
	const kept: unknown[] = [];
	const keep = (body: Envelope) => {
		for (const item of body.items.slice(0, rows - kept.length)) {
			delete item.links;
			kept.push({ json: item });
		}
	};
	return { kept, keep };
}

/** What a hand-written client does: sign, fetch, parse, keep the rows; `width` pages in flight after the first. */
export async function bareSuiteQl(emulator: Emulator, q: string, rows: number, width = 1): Promise<number> {
	const page = pageSender(emulator);
	const { kept, keep } = keeper(rows);
	const first = await page(q, 0);
	keep(first);
	if (width === 1) {
		for (let offset = 1000, more = first.hasMore; more && kept.length < rows; offset += 1000) {
			const body = await page(q, offset);
			keep(body);
			more = body.hasMore;
		}
		return kept.length;
	}
	// The pages the first one foretells, `width` in flight, kept in order as each head answers.
	const offsets: number[] = [];
	for (let offset = 1000; offset < Math.min(first.totalResults, rows); offset += 1000) offsets.push(offset);
	const inFlight = offsets.splice(0, width).map(async (offset) => await page(q, offset));
	while (inFlight.length) {
		keep(await (inFlight.shift() as Promise<Envelope>));
		const next = offsets.shift();
		if (next !== undefined) inFlight.push(page(q, next));
	}
	return kept.length;
}

/**
 * A hand-written by-key read of every row: one page at a time, or (width > 1) the keys after the
 * first page in `width` ranges of equal span, each paged by key, kept in key order.
 */
export async function bareByKey(emulator: Emulator, q: string, width = 1): Promise<number> {
	const page = pageSender(emulator);
	const { kept, keep } = keeper();
	const rangePages = async (from: string, upTo?: string): Promise<Envelope[]> => {
		const out: Envelope[] = [];
		for (let last = from; ;) {
			const body = await page(
				`SELECT * FROM (${q}) WHERE id > ?${upTo === undefined ? '' : ' AND id <= ?'} ORDER BY id`,
				0,
				upTo === undefined ? [last] : [last, upTo],
			);
			out.push(body);
			if (!body.hasMore || !body.items.length) return out;
			last = String(body.items[body.items.length - 1].id);
			if (width === 1) keep(out.pop() as Envelope);
		}
	};
	const first = await page(`SELECT * FROM (${q}) ORDER BY id`, 0);
	keep(first);
	if (!first.hasMore) return kept.length;
	const last = String(first.items[first.items.length - 1].id);
	if (width === 1) {
		for (const body of await rangePages(last)) keep(body);
		return kept.length;
	}
	const [range] = (await page(`SELECT MAX(id) AS hi FROM (${q}) WHERE id > ?`, 0, [last], 1)).items;
	const from = Number(last);
	const hi = Number(range.hi);
	const bounds = Array.from({ length: width + 1 }, (_, i) => (i === width ? hi : from + Math.floor((i * (hi - from)) / width)));
	const parts = bounds.slice(0, -1).map(async (start, i) => await rangePages(String(start), String(bounds[i + 1])));
	for (const part of parts) for (const body of await part) keep(body);
	return kept.length;
}

/** Wall time and the process's peak RSS (sampled every 25 ms) of one run of `fn`. */
export async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; peakRss: number }> {
	global.gc?.();
	let peakRss = process.memoryUsage().rss;
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
	const started = performance.now();
	const result = await fn();
	const ms = performance.now() - started;
	clearInterval(sampler);
	return { result, ms, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
}

export interface ReadLine {
	label: string;
	/** Reads and answers how many rows it kept. */
	run: () => Promise<number>;
}

/**
 * Runs every line `rounds` times (line after line, each round from the next line on), prints each line's times,
 * requests and peak RSS, then the node's first two lines (Auto, the width) against the last two
 * (the bare sequential loop, the bare loop at the width) by median: the machine is shared.
 */
export async function compareReads(reads: ThreadedEmulator, rows: number, target: number, lines: ReadLine[], rounds = 3): Promise<void> {
	const results = new Map<string, Array<{ ms: number; requests: number; rss: number }>>();
	for (let round = 0; round < rounds; round++) {
		// Each round starts one line later, so no line always runs first or after the same one.
		for (const { label, run } of [...lines.slice(round % lines.length), ...lines.slice(0, round % lines.length)]) {
			const before = await reads.requests();
			const { result, ms, peakRss } = await measure(run);
			if (result !== rows) throw new Error(`${label}: read ${result} of ${rows} rows`);
			results.set(label, [...(results.get(label) ?? []), { ms, requests: (await reads.requests()) - before, rss: peakRss }]);
		}
	}
	const median = (label: string) => {
		const times = (results.get(label) ?? []).map((r) => r.ms).sort((a, b) => a - b);
		return times[Math.floor(times.length / 2)];
	};
	for (const { label } of lines) {
		const line = results.get(label) ?? [];
		console.log(
			`   ${label.padEnd(40)} ${line.map((r) => s(r.ms)).join(' / ')} | ${line.map((r) => r.requests).join(' / ')} requests | peak RSS ${mb(Math.max(...line.map((r) => r.rss)))}`,
		);
	}
	const sequential = median(lines[lines.length - 2].label);
	const wide = median(lines[lines.length - 1].label);
	for (const { label } of lines.slice(0, 2)) {
		console.log(
			`   => ${label}: median ${s(median(label))}; / bare sequential (${s(sequential)}) ${(median(label) / sequential).toFixed(2)}x (target ≤ ${target.toFixed(2)}x), / bare at the width (${s(wide)}) ${(median(label) / wide).toFixed(2)}x (target ≤ 1.10x)`,
		);
	}
	console.log(`   => ${lines[2].label} / bare sequential ${(median(lines[2].label) / sequential).toFixed(2)}x\n`);
}
