// The trigger's cursor, one per change stream (record changes, deleted records), kept in the
// node's static data. A change is the key (time, id): NetSuite's whole-second timestamp and
// the record's id. Every key at or before `after` has been read; a poll reads the keys after
// it up to a bound fixed from NetSuite's data when the poll starts.
//
// Why nothing is lost or repeated (see also the README's trigger section):
// - The bound is NetSuite's newest timestamp at the start of the poll, and that second itself
//   is only read once it is settled: a poll saw it as the newest second and NetSuite's own
//   clock (SYSDATE, read in the same query) has moved SETTLE_SECONDS past that sighting. The
//   sighting was at or after the second, so the second is over, with a margin for a save to
//   become visible. Polls can come less than a second apart (n8n's first cron tick after the
//   activation poll, close Poll Times entries): elapsed time, not the poll count, decides.
//   Otherwise the poll stops before it. A record saved while a poll pages gets a time after
//   the bound, so it is read by the next poll, once, whatever page it was on.
//   Only differences of SYSDATE readings are used, so whatever zone SYSDATE is in does not
//   matter; a daylight-saving jump forward makes the elapsed time look an hour longer, which
//   is still true of the newest second (it is over), and a jump back only delays settling.
// - What a row means is decided from the row alone, never from the cursor (poller.ts: a
//   creation is read from the (created, id) stream; an update is a version saved after the
//   creation's second): reading a row again gives the same answer.
// - n8n 2.40 saves static data only after a poll that emits items, and at activation (see
//   the comment on TriggerState). A poll that emits nothing only moves `after` past rows it
//   dropped, so after a restart those rows are read again and dropped again; and `seenNewest`,
//   if lost, only delays the newest second by one poll.
export interface ChangeKey {
	/** 'YYYY-MM-DD HH:MM:SS', as NetSuite wrote it through TO_CHAR (that format sorts as text). */
	time: string;
	id: string;
	/**
	 * In the hour a daylight-saving change repeats: the time is this many hours from its text
	 * read back by TO_TIMESTAMP (-1 or 1; absent: 0). pollQuery.ts instantOf compares the key
	 * at its true instant, so a cursor in that hour neither skips nor repeats the other pass.
	 */
	shift?: number;
}

/** A time as NetSuite wrote it, with its shift (see ChangeKey). */
export interface NsTime {
	time: string;
	shift?: number;
}

/** A row's shift column as a key's shift (absent for 0). */
export const shiftFrom = (value: unknown): { shift?: number } => {
	const n = Number(value);
	return n === 1 || n === -1 ? { shift: n } : {};
};

/** The same second: the same text and the same shift. */
export const sameTime = (a: NsTime, b: NsTime) => a.time === b.time && (a.shift ?? 0) === (b.shift ?? 0);

export interface StreamCursor {
	/** Every key at or before this one has been read; absent: read from the beginning. */
	after?: ChangeKey;
	/**
	 * Records that already had this time when the trigger was activated with Start From = Now:
	 * history, not news. Only rows of that second are compared with it.
	 */
	history?: { time: string; ids: string[]; shift?: number };
	/** The newest time in the stream when the previous poll started. */
	seenNewest?: string;
	/** Its shift (see ChangeKey). */
	seenNewestShift?: number;
	/** NetSuite's clock (SYSDATE) when a poll first saw `seenNewest` as the newest time. */
	seenAt?: string;
}

/** How far NetSuite's clock must be past a sighting of the newest second before it is read. */
export const SETTLE_SECONDS = 2;

/** Where a read stops: NetSuite's newest time, included only once that second is settled. */
export interface Bound {
	time: string;
	inclusive: boolean;
	shift?: number;
}

/** Seconds from one 'YYYY-MM-DD HH:MM:SS' reading to another (NaN if either is not one). */
export function secondsBetween(from: string, to: string): number {
	const at = (t: string) => Date.parse(`${t.replace(' ', 'T')}Z`);
	return (at(to) - at(from)) / 1000;
}

/** `now`: NetSuite's clock in this poll's first query (absent: the second waits). */
export function boundOf(cursor: StreamCursor, newest: NsTime, now: string | undefined): Bound {
	const seen = seenNewestOf(cursor);
	const settled =
		seen !== undefined &&
		sameTime(seen, newest) &&
		cursor.seenAt !== undefined &&
		now !== undefined &&
		secondsBetween(cursor.seenAt, now) >= SETTLE_SECONDS;
	return { ...newest, inclusive: settled };
}

const seenNewestOf = (cursor: StreamCursor): NsTime | undefined =>
	cursor.seenNewest === undefined
		? undefined
		: { time: cursor.seenNewest, ...(cursor.seenNewestShift !== undefined && { shift: cursor.seenNewestShift }) };

/** The first key of a backfill: everything modified at or after `time`. NetSuite ids start at 1. */
export const startingAt = (time: string | NsTime): ChangeKey => (typeof time === 'string' ? { time, id: '0' } : { ...time, id: '0' });

/** A key the history list says was there at activation. */
export function isHistory(cursor: StreamCursor, key: ChangeKey): boolean {
	return !!cursor.history && sameTime(cursor.history, key) && cursor.history.ids.includes(key.id);
}

/**
 * The cursor after a poll read `last` (the final row's key, if any) with newest time `newest`
 * at NetSuite time `now`. The sighting keeps its first time while the newest time stays the
 * same, so polls seconds apart settle the second as soon as the clock has passed it.
 */
export function advanced(
	cursor: StreamCursor,
	last: ChangeKey | undefined,
	newest: NsTime | undefined,
	now: string | undefined,
): StreamCursor {
	const after = last ?? cursor.after;
	// The history list matters only until the cursor has passed its second (the same text in
	// the other pass of a repeated hour is another second, so that is compared as it is).
	const history = cursor.history && (!after || after.time <= cursor.history.time) ? cursor.history : undefined;
	const seen = seenNewestOf(cursor);
	const seenAt = seen && newest && sameTime(seen, newest) && cursor.seenAt !== undefined ? cursor.seenAt : now;
	return {
		...(after && { after }),
		...(history && { history }),
		...(newest !== undefined && {
			seenNewest: newest.time,
			...(newest.shift !== undefined && { seenNewestShift: newest.shift }),
			...(seenAt !== undefined && { seenAt }),
		}),
	};
}

export type ChangeEvent = 'created' | 'updated' | 'deleted';
