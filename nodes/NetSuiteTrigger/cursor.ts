// The trigger's cursor, one per change stream (record changes, deleted records), kept in the
// node's static data. A change is the key (time, id): NetSuite's whole-second timestamp and
// the record's id. Every key at or before `after` has been read; a poll reads the keys after
// it up to a bound fixed from NetSuite's data when the poll starts.
//
// Why nothing is lost or repeated (see also the README's trigger section):
// - The bound is NetSuite's newest timestamp at the start of the poll, and that second itself
//   is only read once it is settled: when the previous poll already saw the same newest
//   second, NetSuite's clock has moved past it since (polls are at least a minute apart).
//   Otherwise the poll stops before it. A record saved while a poll pages gets a time after
//   the bound, so it is read by the next poll, once, whatever page it was on.
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
}

export interface StreamCursor {
	/** Every key at or before this one has been read; absent: read from the beginning. */
	after?: ChangeKey;
	/**
	 * Records that already had this time when the trigger was activated with Start From = Now:
	 * history, not news. Only rows of that second are compared with it.
	 */
	history?: { time: string; ids: string[] };
	/** The newest time in the stream when the previous poll started. */
	seenNewest?: string;
}

/** Where a read stops: NetSuite's newest time, included only once that second is settled. */
export interface Bound {
	time: string;
	inclusive: boolean;
}

export function boundOf(cursor: StreamCursor, newest: string): Bound {
	return { time: newest, inclusive: cursor.seenNewest === newest };
}

/** The first key of a backfill: everything modified at or after `time`. NetSuite ids start at 1. */
export const startingAt = (time: string): ChangeKey => ({ time, id: '0' });

/** A key the history list says was there at activation. */
export function isHistory(cursor: StreamCursor, key: ChangeKey): boolean {
	return cursor.history?.time === key.time && cursor.history.ids.includes(key.id);
}

/** The cursor after a poll read `last` (the final row's key, if any) with newest time `newest`. */
export function advanced(cursor: StreamCursor, last: ChangeKey | undefined, newest: string | undefined): StreamCursor {
	const after = last ?? cursor.after;
	const history = cursor.history && (!after || after.time <= cursor.history.time) ? cursor.history : undefined;
	return { ...(after && { after }), ...(history && { history }), ...(newest !== undefined && { seenNewest: newest }) };
}

export type ChangeEvent = 'created' | 'updated' | 'deleted';
