// Reads one change stream between its cursor and the poll's bound, page by page. Knows SuiteQL
// only through `PageReader`, so tests can run it against the emulator's store in-process.
import type { IDataObject } from 'n8n-workflow';

import { pages } from '../shared/api/pager';
import type { SuiteQlQuery } from '../shared/api/suiteQl';
import { advanced, boundOf, isHistory, sameTime, shiftFrom, startingAt, type ChangeKey, type NsTime, type StreamCursor } from './cursor';
import { newestQuery, newestSecondQuery, windowQuery, type StreamSource } from './pollQuery';

export type PageReader = (query: SuiteQlQuery, limit: number) => Promise<{ items: IDataObject[]; hasMore: boolean; answeredAt?: number }>;

export type StartFrom = { mode: 'now' } | { mode: 'time'; time: string };

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const keyOf = (row: IDataObject): ChangeKey => ({ time: String(row.ns_time), id: String(row.id), ...shiftFrom(row.ns_shift) });

/**
 * A stream's rows from `first` on, a page at a time, each page's query asking for the keys after
 * the previous page's last row. A reader that answers a page after the key it was given ignored
 * the key, and asking on would read the same rows forever: that fails, naming the table.
 */
function streamPages<Cursor>(
	read: PageReader,
	s: StreamSource,
	query: (after: Cursor) => SuiteQlQuery,
	first: Cursor,
	keyOfRow: (row: IDataObject) => Cursor,
	pageSize: number,
): AsyncGenerator<IDataObject[]> {
	return pages<IDataObject, Cursor>({
		first,
		fetch: async (after) => {
			const page = await read(query(after), pageSize);
			return { rows: page.items, hasMore: page.hasMore };
		},
		after: (page) => keyOfRow(page.rows[page.rows.length - 1]),
		stuck: (key) =>
			new Error(
				`Reading ${s.table} stopped: the rows after ${JSON.stringify(key)} were asked for again (NetSuite answered a page that was already read)`,
			),
	});
}

/** The stream's newest time (undefined: empty) and NetSuite's clock as it answered. */
async function newestTime(read: PageReader, s: StreamSource): Promise<{ newest?: NsTime; now?: string }> {
	const row = (await read(newestQuery(s), 1)).items[0];
	const time = text(row?.ns_time);
	return { newest: time === undefined ? undefined : { time, ...shiftFrom(row?.ns_shift) }, now: text(row?.ns_now) };
}

/**
 * A first cursor. Now: after NetSuite's newest change, with the rows of that second listed as
 * history (so a change made later in that same second is still news); an empty stream starts
 * from the beginning, so the first record ever saved is emitted. A time: a backfill from it.
 */
export async function startCursor(read: PageReader, s: StreamSource, from: StartFrom, pageSize: number): Promise<StreamCursor> {
	if (from.mode === 'time') return { after: startingAt(from.time) };
	// (A backfill reads its first window in the same poll: a bad filter fails there.)
	for (;;) {
		let newest: NsTime | undefined;
		const ids: string[] = [];
		let moved = false;
		for await (const rows of streamPages(
			read,
			s,
			(afterId) => newestSecondQuery(s, afterId),
			'0',
			(row) => String(row.id),
			pageSize,
		)) {
			for (const row of rows) {
				const time = { time: String(row.ns_time), ...shiftFrom(row.ns_shift) };
				newest ??= time;
				moved ||= !sameTime(time, newest);
				ids.push(String(row.id));
			}
			if (moved) break;
		}
		// A newer change came in between two pages of a busy second: read that second instead.
		if (moved) continue;
		if (!newest) return {};
		const cursor: StreamCursor = {
			after: startingAt(newest),
			history: { ...newest, ids },
			seenNewest: newest.time,
			...(newest.shift !== undefined && { seenNewestShift: newest.shift }),
		};
		// A bad Additional Filter fails the activation, where n8n shows it, not a later poll.
		if (s.filter) await read(windowQuery(s, cursor.after, { ...newest, inclusive: true }), 1);
		return cursor;
	}
}

/**
 * The changes after the cursor up to the bound (each row as `change` makes it; history and rows
 * it answers undefined for are left out), at most `limit` of them, and the cursor past the last
 * row read: a window cut at the limit goes on at the next poll from exactly there.
 */
export async function readWindow<T = IDataObject>(
	read: PageReader,
	s: StreamSource,
	cursor: StreamCursor,
	pageSize: number,
	limit = Infinity,
	change: (row: IDataObject) => T | undefined = (row) => row as T,
): Promise<{ rows: T[]; cursor: StreamCursor; cut: boolean }> {
	const { newest, now } = await newestTime(read, s);
	if (!newest) return { rows: [], cursor: advanced(cursor, undefined, undefined, now), cut: false };
	const bound = boundOf(cursor, newest, now);
	const rows: T[] = [];
	let last: ChangeKey | undefined;
	let cut = false;
	// Rows that are not changes (a version saved in its creation's second) are passed over,
	// not kept; after `limit` × 10 of them the window is cut too, so a bulk import read through
	// the update stream stays a bounded poll.
	let scanned = 0;
	const size = Math.max(1, Math.min(pageSize, limit));
	for await (const page of streamPages(read, s, (after) => windowQuery(s, after, bound), cursor.after, keyOf, size)) {
		for (const row of page) {
			cut = rows.length >= limit || scanned >= limit * 10;
			if (cut) break;
			last = keyOf(row);
			scanned++;
			const made = isHistory(cursor, last) ? undefined : change(row);
			if (made !== undefined) rows.push(made);
		}
		if (cut) break;
	}
	return { rows, cursor: advanced(cursor, last, newest, now), cut };
}
