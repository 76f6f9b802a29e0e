// A record collection's ids, page by page: GET /record/v1/<type>?limit&offset&q answers
// `{ items: [{ id, links }], hasMore, … }`, at most 1000 ids a page, and NetSuite wants the
// offset to be a multiple of the limit.
import { aheadOf, allRows, offsetsAfterFirst, pages, type Parallel } from './pager';
import { netSuiteRequest, type NetSuiteContext, type NetSuiteRequest, type TransportOptions } from './transport';

export const RECORD_MAX_PAGE = 1000;

interface Collection {
	items?: Array<{ id: string }>;
	hasMore?: boolean;
	totalResults?: number;
}

/**
 * The ids a collection request names (its own query, q included, kept on every page), a page at
 * a time, at most maxRows.
 */
export function recordIdPages(
	ctx: NetSuiteContext,
	collection: NetSuiteRequest,
	maxRows: number | undefined,
	transport: TransportOptions = {},
	parallel: Parallel = 1,
): AsyncGenerator<string[]> {
	// A small Limit fits in one smaller page; the offset stays a multiple of the page size either way.
	const pageSize = maxRows !== undefined && maxRows < RECORD_MAX_PAGE ? maxRows : RECORD_MAX_PAGE;
	let totalResults: number | undefined;
	return pages<string, number>({
		first: 0,
		maxRows,
		fetch: async (offset) => {
			const qs = { ...collection.qs, limit: pageSize, offset };
			const response = await netSuiteRequest.call(ctx, { ...collection, qs }, transport);
			const body = (response.body ?? {}) as Collection;
			if (offset === 0) totalResults = body.totalResults;
			return { rows: (body.items ?? []).map((item) => String(item.id)), hasMore: Boolean(body.hasMore) };
		},
		after: (_page, offset) => offset + pageSize,
		// The collection says totalResults: the later pages are known once the first has answered.
		ahead: aheadOf(parallel, () => offsetsAfterFirst(totalResults, pageSize, maxRows)),
	});
}

/** Every id of a collection, at most maxRows. */
export async function listIds(
	ctx: NetSuiteContext,
	collection: NetSuiteRequest,
	maxRows: number | undefined,
	transport: TransportOptions = {},
	parallel: Parallel = 1,
): Promise<string[]> {
	return await allRows(recordIdPages(ctx, collection, maxRows, transport, parallel));
}
