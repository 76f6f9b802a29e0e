// The one paging loop. NetSuite pages everything it lists (record collections by offset, SuiteQL
// by offset or by key, the trigger's change streams by (time, id) key); each of those only says
// how to fetch one page from a cursor and where the next page starts. The rules every read
// shares live here: stop when the server says there is no more or answers an empty page, never
// return more than maxRows, and fail clearly instead of looping on a cursor that does not move.

/** One page as the server answered it: every row it sent, untrimmed. */
export interface Page<Row> {
	rows: Row[];
	/** The server says rows follow this page. */
	hasMore: boolean;
}

export interface Paging<Row, Cursor> {
	/** Where the first page starts. */
	first: Cursor;
	/** Fetches the page that starts at `cursor`. */
	fetch: (cursor: Cursor) => Promise<Page<Row>>;
	/**
	 * Where the page after `page` starts. Asked only when another page will be read, after the
	 * rows of `page` were handed out, so a cursor it cannot work out fails after them.
	 */
	after: (page: Page<Row>, cursor: Cursor) => Cursor;
	/** Hand out at most this many rows (undefined: all); a whole number of 0 or more. */
	maxRows?: number;
	/** The error for a next cursor that was already read (a bug that would otherwise loop forever). */
	stuck?: (cursor: Cursor) => Error;
}

// Cursors are plain data (an offset, a key value, a (time, id) key): their JSON is their identity.
const identity = (cursor: unknown): string => String(JSON.stringify(cursor));

const stuckError = (cursor: unknown): Error =>
	new Error(`Paging stopped: the next page would start at ${identity(cursor)} again, where a page was already read`);

/**
 * The rows of a paged read, a page at a time (pages the trim leaves empty are not handed out).
 * Pages are fetched lazily: a consumer that stops early (`break`) fetches nothing more.
 */
export async function* pages<Row, Cursor>(paging: Paging<Row, Cursor>): AsyncGenerator<Row[]> {
	const { maxRows } = paging;
	if (maxRows !== undefined && !(Number.isInteger(maxRows) && maxRows >= 0)) {
		throw new RangeError(`maxRows must be a whole number of 0 or more (it is ${String(maxRows)})`);
	}
	const seen = new Set<string>();
	let cursor = paging.first;
	let read = 0;
	for (;;) {
		if (maxRows !== undefined && read >= maxRows) return;
		seen.add(identity(cursor));
		const page = await paging.fetch(cursor);
		const rows = maxRows === undefined ? page.rows : page.rows.slice(0, maxRows - read);
		read += rows.length;
		if (rows.length) yield rows;
		// An empty page ends the read even when it says there is more: asking again would loop.
		if (!page.hasMore || page.rows.length === 0) return;
		if (maxRows !== undefined && read >= maxRows) return;
		const next = paging.after(page, cursor);
		if (seen.has(identity(next))) throw (paging.stuck ?? stuckError)(next);
		cursor = next;
	}
}

/** Every row of a paged read, in order. */
export async function allRows<Row>(paged: AsyncIterable<Row[]>): Promise<Row[]> {
	const rows: Row[] = [];
	for await (const page of paged) for (const row of page) rows.push(row);
	return rows;
}
