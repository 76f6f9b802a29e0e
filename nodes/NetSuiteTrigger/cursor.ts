// The trigger's cursor, kept in the node's static data: the newest last-modified time seen
// and the ids already emitted at exactly that time. Polls ask for ">= cursor", skip those
// ids, and move the cursor only once everything up to the newest change has been read.
export interface PollCursor {
	/** 'YYYY-MM-DD HH:MM:SS' as NetSuite wrote it. */
	modified: string;
	idsAtModified: string[];
	/** Record type the cursor belongs to; a changed Record Type starts over. */
	recordType: string;
}

export interface ChangeRow {
	id: string;
	modified: string;
	created: string;
}

/** Changes not seen before, and the cursor after them. Rows come in (modified, id) order. */
export function advance(cursor: PollCursor, rows: ChangeRow[]): { fresh: ChangeRow[]; next: PollCursor } {
	const seen = new Set(cursor.idsAtModified);
	const fresh = rows.filter((row) => !(row.modified === cursor.modified && seen.has(row.id)));
	if (!rows.length) return { fresh, next: cursor };
	const newest = rows[rows.length - 1].modified;
	const idsAtNewest = rows.filter((r) => r.modified === newest).map((r) => r.id);
	const ids = newest === cursor.modified ? [...new Set([...cursor.idsAtModified, ...idsAtNewest])] : idsAtNewest;
	return { fresh, next: { ...cursor, modified: newest, idsAtModified: ids } };
}

/** Created since the previous cursor (or in the same second as its last change) counts as new. */
export function eventOf(row: ChangeRow, previous: PollCursor | undefined): 'created' | 'updated' {
	if (row.created === row.modified) return 'created';
	return previous && row.created > previous.modified ? 'created' : 'updated';
}
