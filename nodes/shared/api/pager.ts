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
	/**
	 * Offset reads whose first page says how many rows there are: the cursors of the pages after
	 * it, in order, so up to `width` of them can be fetched at once. Rows are still handed out page
	 * by page in the order above, and each prefetched page is used only when the sequential loop
	 * asks for exactly its cursor; anything else (a short list, a moved cursor) reads on one page at
	 * a time. Width 1 (or no `ahead`) sends exactly the sequential requests.
	 */
	ahead?: Ahead<Row, Cursor>;
}

export interface Ahead<Row, Cursor> {
	/**
	 * Pages in flight at most. A function is asked only once the first page says more pages follow
	 * (Parallel Requests Auto reads the account's limit then, never for a read of one page).
	 */
	width: number | (() => Promise<number>);
	cursors: (first: Page<Row>, cursor: Cursor) => Cursor[];
	/**
	 * Runs each page request (the first included) in a slot shared by the reads of one node run, so
	 * that items read at once hold `width` slots together, not `width` each.
	 */
	slot?: <T>(request: () => Promise<T>) => Promise<T>;
}

/** How a read pages ahead, as its callers give it: a width, or a width (maybe asked late) and a shared slot. */
export type Parallel = number | Pick<Ahead<unknown, unknown>, 'width' | 'slot'>;

/** The `ahead` of an offset read from its caller's Parallel and the cursors its first page foretells. */
export function aheadOf<Row, Cursor>(parallel: Parallel | undefined, cursors: Ahead<Row, Cursor>['cursors']): Ahead<Row, Cursor> {
	return typeof parallel === 'object' ? { ...parallel, cursors } : { width: parallel ?? 1, cursors };
}

/** The width a Parallel stands for (Auto's is asked for here, if not yet). */
export async function widthOf(parallel: Parallel | undefined): Promise<number> {
	if (typeof parallel !== 'object') return parallel ?? 1;
	return typeof parallel.width === 'number' ? parallel.width : await parallel.width();
}

/** Runs `request` in the Parallel's shared slot, if it has one. */
export async function inSlot<T>(parallel: Parallel | undefined, request: () => Promise<T>): Promise<T> {
	return typeof parallel === 'object' && parallel.slot ? await parallel.slot(request) : await request();
}

const checkedWidth = (width: number): number => {
	if (!(Number.isInteger(width) && width >= 1)) {
		throw new RangeError(`the paging width must be a whole number of 1 or more (it is ${String(width)})`);
	}
	return width;
};

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
	const ahead = paging.ahead;
	let width = typeof ahead?.width === 'number' ? checkedWidth(ahead.width) : 1;
	const slot = ahead?.slot;
	const fetch = slot ? async (cursor: Cursor) => await slot(async () => await paging.fetch(cursor)) : paging.fetch;
	// Prefetched pages, in cursor order. Memory bound: at most `width` pages are fetched or in flight
	// and not yet handed out, and at most `width` requests of this read run at once (a page is
	// started only after the one taken before it has answered).
	const queue: Cursor[] = [];
	const inFlight: Array<{ id: string; page: Promise<Page<Row>> }> = [];
	const refill = (): void => {
		while (inFlight.length < width && queue.length) {
			const cursor = queue.shift() as Cursor;
			const page = fetch(cursor);
			// Its error matters only if the read reaches it (then it is awaited and thrown in order).
			page.catch(() => undefined);
			inFlight.push({ id: identity(cursor), page });
		}
	};
	const take = async (cursor: Cursor): Promise<Page<Row>> => {
		const head = inFlight[0];
		if (head && head.id === identity(cursor)) {
			inFlight.shift();
			const page = await head.page;
			refill();
			return page;
		}
		// Not the page the list foresaw: drop the prefetch and read on sequentially.
		queue.length = 0;
		inFlight.length = 0;
		return await fetch(cursor);
	};
	const seen = new Set<string>();
	let cursor = paging.first;
	let read = 0;
	let first = true;
	try {
		for (;;) {
			if (maxRows !== undefined && read >= maxRows) return;
			seen.add(identity(cursor));
			const page = first ? await fetch(cursor) : await take(cursor);
			if (first && ahead && page.hasMore && page.rows.length && !(maxRows !== undefined && page.rows.length >= maxRows)) {
				if (typeof ahead.width === 'function') width = checkedWidth(await ahead.width());
				if (width > 1) {
					queue.push(...ahead.cursors(page, cursor));
					refill();
				}
			}
			first = false;
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
	} finally {
		// An early stop, an error or the end: start no more pages (those in flight are left to settle).
		queue.length = 0;
		inFlight.length = 0;
	}
}

/**
 * The offsets after 0 that a read of `total` rows (at most maxRows) still needs, page by page:
 * what the sequential loop would ask for next if every page came back full.
 */
export function offsetsAfterFirst(total: number | undefined, pageSize: number, maxRows?: number): number[] {
	const needed = Math.min(total ?? 0, maxRows ?? Infinity);
	const offsets: number[] = [];
	for (let offset = pageSize; offset < needed; offset += pageSize) offsets.push(offset);
	return offsets;
}

/** Every row of a paged read, in order. */
export async function allRows<Row>(paged: AsyncIterable<Row[]>): Promise<Row[]> {
	const rows: Row[] = [];
	for await (const page of paged) for (const row of page) rows.push(row);
	return rows;
}
