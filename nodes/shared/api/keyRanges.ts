// Page by Key at the run's width. A key read cannot ask for a page before the one before it has
// answered (each starts after the last key read), so the keys are split instead: after the first
// page (the request a sequential read sends first), one query says the lowest and highest key
// left and how many rows, the keys between are cut into Parallel Requests ranges of equal span,
// each range is paged by key on its own, and the ranges are handed out in key order: row for row
// the sequential read. Requests: the sequential ones, plus the range query, plus at most one
// part-filled page per range. Memory: the ranges ahead of the one handed out are held until their
// turn (the node keeps every row of the read anyway). Skewed keys stay correct but gain less:
// a range holding most rows is read one page at a time. Keys must be whole numbers (an id).
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { inSlot, widthOf } from './pager';
import {
	checkKeyColumn,
	fetchSuiteQlPage,
	lastKeyOf,
	SUITEQL_MAX_PAGE,
	suiteQlPagesByKey,
	type SuiteQlQuery,
	type SuiteQlReadOptions,
} from './suiteQl';
import type { NetSuiteContext } from './transport';

const wholeNumber = (value: unknown): number | undefined => {
	const text = typeof value === 'string' ? value.trim() : String(value ?? '');
	const number = Number(text);
	return text !== '' && Number.isSafeInteger(number) && String(number) === text ? number : undefined;
};

/** The pages of `parts`, read at once, handed out part after part, each part's pages in order. */
async function* inOrder(parts: Array<AsyncGenerator<IDataObject[]>>): AsyncGenerator<IDataObject[]> {
	type Part = { pages: IDataObject[][]; done: boolean; failed: boolean; error?: unknown; wake?: () => void };
	const state: Part[] = parts.map(() => ({ pages: [], done: false, failed: false }));
	let stopped = false;
	const drains = parts.map(async (part, i) => {
		const s = state[i];
		try {
			for await (const rows of part) {
				s.pages.push(rows);
				s.wake?.();
				// An early stop (Limit, break, an error before this part): start no more pages.
				if (stopped) break;
			}
		} catch (error) {
			s.failed = true;
			s.error = error;
		} finally {
			s.done = true;
			s.wake?.();
		}
	});
	try {
		for (const s of state) {
			for (;;) {
				const rows = s.pages.shift();
				if (rows) yield rows;
				else if (s.failed) throw s.error;
				else if (s.done) break;
				else await new Promise<void>((resolve) => (s.wake = resolve));
			}
		}
	} finally {
		stopped = true;
		void Promise.allSettled(drains);
	}
}

/** Page by Key with all rows wanted (no Limit) and a width: the ranges above; width 1 reads as suiteQlPagesByKey. */
export async function* suiteQlKeyRanges(
	this: NetSuiteContext,
	query: SuiteQlQuery,
	key: string,
	options: SuiteQlReadOptions,
): AsyncGenerator<IDataObject[]> {
	const itemIndex = options.transport?.itemIndex;
	checkKeyColumn(this, key, itemIndex);
	const pageSize = Math.min(Math.max(1, options.pageSize ?? SUITEQL_MAX_PAGE), SUITEQL_MAX_PAGE);
	const slot = typeof options.parallel === 'object' ? options.parallel.slot : undefined;
	const oneAtATime: SuiteQlReadOptions = { ...options, maxRows: undefined, parallel: slot ? { width: 1, slot } : 1 };
	// The first page is the sequential read's first page, so a read of one page sends what it always sent.
	const first = await inSlot(
		options.parallel,
		async () =>
			await fetchSuiteQlPage.call(
				this,
				{ q: `SELECT * FROM (${query.q}) ORDER BY ${key}`, params: query.params },
				0,
				pageSize,
				options.transport,
			),
	);
	if (!first.hasMore || !first.items.length) {
		if (first.items.length) yield first.items;
		return;
	}
	const last = lastKeyOf(this, first.items, key, itemIndex);
	yield first.items;
	const width = await widthOf(options.parallel);
	const after = wholeNumber(last);
	const counted =
		width > 1 && after !== undefined
			? await inSlot(
					options.parallel,
					async () =>
						await fetchSuiteQlPage.call(
							this,
							{
								q: `SELECT MIN(${key}) AS ns_lo, MAX(${key}) AS ns_hi, COUNT(*) AS ns_n FROM (${query.q}) WHERE ${key} > ?`,
								params: [...(query.params ?? []), last],
							},
							0,
							1,
							options.transport,
						),
				)
			: undefined;
	const hi = wholeNumber(counted?.items[0]?.ns_hi);
	const rowsLeft = Number(counted?.items[0]?.ns_n ?? 0);
	const parts = after === undefined || hi === undefined ? 1 : Math.min(width, Math.ceil(rowsLeft / pageSize), hi - after);
	if (parts <= 1 || after === undefined || hi === undefined) {
		// A row count of 0 still reads on: the sequential read would ask for the page after the last key.
		if (counted && rowsLeft === 0) return;
		yield* suiteQlPagesByKey.call(this, query, key, oneAtATime, { from: last });
		return;
	}
	const bounds = Array.from({ length: parts + 1 }, (_, i) => (i === parts ? hi : after + Math.floor((i * (hi - after)) / parts)));
	const column = key.toLowerCase();
	yield* inOrder(
		bounds
			.slice(0, -1)
			.map((from, i) =>
				checkedRange(
					this,
					suiteQlPagesByKey.call(this, query, key, oneAtATime, { from: String(from), upTo: String(bounds[i + 1]) }),
					column,
					from,
					bounds[i + 1],
					key,
					itemIndex,
				),
			),
	);
}

/** A range's rows, each key checked to lie in it: a key column compared as text would otherwise mix ranges up. */
async function* checkedRange(
	ctx: NetSuiteContext,
	pagesOfRange: AsyncGenerator<IDataObject[]>,
	column: string,
	from: number,
	upTo: number,
	key: string,
	itemIndex: number | undefined,
): AsyncGenerator<IDataObject[]> {
	for await (const rows of pagesOfRange) {
		for (const row of rows) {
			const value = wholeNumber(row[column]);
			if (value === undefined || value <= from || value > upTo) {
				throw new NodeOperationError(
					ctx.getNode(),
					`Page by Key with Parallel Requests needs whole-number keys, and Key Column "${key}" gave ${JSON.stringify(row[column])}`,
					{
						description: 'Use a whole-number key such as id, or set Parallel Requests to 1 to page one page at a time.',
						itemIndex,
					},
				);
			}
		}
		yield rows;
	}
}
