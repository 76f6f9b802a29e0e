// SuiteQL paging: NetSuite serves at most 1000 rows a page and refuses offsets past 100,000
// rows, so a long read either stops with a clear error or pages by key instead.
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { SUITEQL_PATH } from '../auth/account';
import { aheadOf, offsetsAfterFirst, pages, type Parallel } from './pager';
import { netSuiteRequest, type NetSuiteContext, type NetSuiteResponse, type TransportOptions } from './transport';

export const SUITEQL_MAX_PAGE = 1000;
export const SUITEQL_OFFSET_CAP = 100_000;

export interface SuiteQlQuery {
	q: string;
	/** Bound to the `?` placeholders in order; every value the package puts in a query goes here. */
	params?: Array<string | number | boolean>;
}

interface SuiteQlEnvelope {
	items?: IDataObject[];
	hasMore?: boolean;
	totalResults?: number;
	count?: number;
	offset?: number;
}

export interface SuiteQlPage {
	items: IDataObject[];
	hasMore: boolean;
	offset: number;
	totalResults?: number;
	/** NetSuite's clock when it answered: the response's Date header (UTC), if it sent one. */
	answeredAt?: number;
}

/** Drops NetSuite's per-row `links`, which only repeat the request. */
export function withoutLinks(item: IDataObject): IDataObject {
	const rest = { ...item };
	delete rest.links;
	return rest;
}

export async function fetchSuiteQlPage(
	this: NetSuiteContext,
	query: SuiteQlQuery,
	offset: number,
	limit: number,
	transport: TransportOptions = {},
): Promise<SuiteQlPage> {
	const body: IDataObject = { q: query.q };
	if (query.params?.length) body.params = query.params.map(String);
	const response = (await netSuiteRequest.call(
		this,
		{ method: 'POST', path: SUITEQL_PATH, qs: { limit, offset }, headers: { Prefer: 'transient' }, body },
		transport,
	)) as NetSuiteResponse<SuiteQlEnvelope>;
	const envelope = response.body ?? {};
	const answeredAt = Date.parse(String(response.headers?.date ?? ''));
	return {
		items: (envelope.items ?? []).map(withoutLinks),
		hasMore: envelope.hasMore === true,
		offset,
		totalResults: envelope.totalResults,
		...(!Number.isNaN(answeredAt) && { answeredAt }),
	};
}

export interface SuiteQlReadOptions {
	/** Stop after this many rows (undefined = all). */
	maxRows?: number;
	pageSize?: number;
	transport?: TransportOptions;
	/**
	 * Offset pages fetched at once after the first (1 or unset: one at a time, today's requests).
	 * Ignored by key paging, whose next page starts at the last key of the one before.
	 */
	parallel?: Parallel;
}

/** The "Limit" a user typed, refused unless it is a whole number of 1 or more (0 would silently read nothing). */
export function requireLimit(ctx: NetSuiteContext, value: unknown, itemIndex?: number): number {
	const limit = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(ctx.getNode(), `Limit must be a whole number of 1 or more (it is ${JSON.stringify(value)})`, {
			itemIndex,
			description: 'Set Limit to how many rows to return, or turn on Return All.',
		});
	}
	return limit;
}

function capError(ctx: NetSuiteContext, options: SuiteQlReadOptions): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`SuiteQL stops at ${SUITEQL_OFFSET_CAP.toLocaleString('en-US')} rows when paging by offset, and this query has more`,
		{
			description:
				'Turn on "Page by Key" in the options (it pages on a unique ordered column such as id) or narrow the query with a WHERE clause.',
			itemIndex: options.transport?.itemIndex,
		},
	);
}

/** Pages through a query by offset until NetSuite says there is no more (or maxRows is reached). */
export async function* suiteQlPages(
	this: NetSuiteContext,
	query: SuiteQlQuery,
	options: SuiteQlReadOptions = {},
): AsyncGenerator<IDataObject[]> {
	if (options.maxRows !== undefined) requireLimit(this, options.maxRows, options.transport?.itemIndex);
	const requested = Math.min(Math.max(1, options.pageSize ?? SUITEQL_MAX_PAGE), SUITEQL_MAX_PAGE);
	// A small Limit fits in one smaller page; offset stays a multiple of the page size either way.
	const pageSize = options.maxRows !== undefined && options.maxRows < requested ? options.maxRows : requested;
	let totalResults: number | undefined;
	yield* pages<IDataObject, number>({
		first: 0,
		maxRows: options.maxRows,
		fetch: async (offset) => {
			// NetSuite wants offset to be a multiple of limit: keep the page size, trim the rows instead.
			if (offset + pageSize > SUITEQL_OFFSET_CAP) throw capError(this, options);
			const page = await fetchSuiteQlPage.call(this, query, offset, pageSize, options.transport);
			// NetSuite says up front how many rows there are: fail at once rather than after 100 pages.
			const needed = Math.min(page.totalResults ?? 0, options.maxRows ?? Infinity);
			if (offset === 0 && needed > SUITEQL_OFFSET_CAP) throw capError(this, options);
			if (offset === 0) totalResults = page.totalResults;
			return { rows: page.items, hasMore: page.hasMore };
		},
		after: (_page, offset) => offset + pageSize,
		ahead: aheadOf(options.parallel, () => offsetsAfterFirst(totalResults, pageSize, options.maxRows)),
	});
}

/** Key Column goes into the query's text: a plain column name only. */
export function checkKeyColumn(ctx: NetSuiteContext, key: string, itemIndex?: number): void {
	if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
		throw new NodeOperationError(ctx.getNode(), `Key Column "${key}" is not a column name`, { itemIndex });
	}
}

/** The key of the last of `rows`, which must carry it (the next page starts after it). */
export function lastKeyOf(ctx: NetSuiteContext, rows: IDataObject[], key: string, itemIndex?: number): string {
	const value = rows[rows.length - 1][key.toLowerCase()];
	if (value === undefined || value === null) {
		throw new NodeOperationError(ctx.getNode(), `Key Column "${key}" is missing from the query's results: select it`, { itemIndex });
	}
	return String(value);
}

/** A part of a key read: keys after `from` (undefined: from the first) up to `upTo` (inclusive; undefined: to the last). */
export interface KeyRange {
	from?: string;
	upTo?: string;
}

/**
 * Key paging past the offset cap: `SELECT * FROM (<q>) WHERE key > ? ORDER BY key`, 1000 rows at
 * a time, within `range` if given. Pages one at a time (a `parallel` slot is used, its width not).
 */
export async function* suiteQlPagesByKey(
	this: NetSuiteContext,
	query: SuiteQlQuery,
	key: string,
	options: SuiteQlReadOptions = {},
	range: KeyRange = {},
): AsyncGenerator<IDataObject[]> {
	const itemIndex = options.transport?.itemIndex;
	checkKeyColumn(this, key, itemIndex);
	if (options.maxRows !== undefined) requireLimit(this, options.maxRows, itemIndex);
	const pageSize = Math.min(Math.max(1, options.pageSize ?? SUITEQL_MAX_PAGE), SUITEQL_MAX_PAGE);
	const lastKey = (rows: IDataObject[]): string => lastKeyOf(this, rows, key, itemIndex);
	const upTo = range.upTo === undefined ? '' : ` AND ${key} <= ?`;
	const slot = typeof options.parallel === 'object' ? options.parallel.slot : undefined;
	yield* pages<IDataObject, string | undefined>({
		first: range.from,
		maxRows: options.maxRows,
		...(slot && { ahead: { width: 1, cursors: () => [], slot } }),
		fetch: async (last) => {
			const wrapped: SuiteQlQuery =
				last === undefined
					? { q: `SELECT * FROM (${query.q}) ORDER BY ${key}`, params: query.params }
					: {
							q: `SELECT * FROM (${query.q}) WHERE ${key} > ?${upTo} ORDER BY ${key}`,
							params: [...(query.params ?? []), last, ...(range.upTo === undefined ? [] : [range.upTo])],
						};
			const page = await fetchSuiteQlPage.call(this, wrapped, 0, pageSize, options.transport);
			// A page that promises more must carry its key, even when Limit ends the read here: a
			// query that cannot be paged by key fails the same way whatever the Limit.
			if (page.hasMore && page.items.length) lastKey(page.items);
			return { rows: page.items, hasMore: page.hasMore };
		},
		after: (page) => lastKey(page.rows),
		stuck: (last) =>
			new NodeOperationError(
				this.getNode(),
				`Page by Key stopped: Key Column "${key}" came back to ${JSON.stringify(last)}, a value already paged past`,
				{
					description: 'Page by Key needs a column whose values are unique and sort the same way in ORDER BY and in ">", such as id.',
					itemIndex,
				},
			),
	});
}
