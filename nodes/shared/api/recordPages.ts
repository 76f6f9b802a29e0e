// A record collection's ids, page by page: GET /record/v1/<type>?limit&offset&q answers
// `{ items: [{ id, links }], hasMore, … }`, at most 1000 ids a page, and NetSuite wants the
// offset to be a multiple of the limit.
import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../auth/account';
import { allRows, pages } from './pager';
import { netSuiteRequest } from './transport';

export const RECORD_MAX_PAGE = 1000;

interface Collection {
	items?: Array<{ id: string }>;
	hasMore?: boolean;
}

/** The ids of a collection (with `q`, NetSuite's record filter), a page at a time, at most maxRows. */
export function recordIdPages(ctx: IExecuteSingleFunctions, recordType: string, q: string | undefined, maxRows: number | undefined): AsyncGenerator<string[]> {
	// A small Limit fits in one smaller page; the offset stays a multiple of the page size either way.
	const pageSize = maxRows !== undefined && maxRows < RECORD_MAX_PAGE ? maxRows : RECORD_MAX_PAGE;
	const itemIndex = ctx.getItemIndex();
	return pages<string, number>({
		first: 0,
		maxRows,
		fetch: async (offset) => {
			const qs = { limit: pageSize, offset, ...(q && { q }) };
			const response = await netSuiteRequest.call(ctx, { method: 'GET', path: `${RECORD_BASE_PATH}/${recordType}`, qs }, { itemIndex });
			const body = (response.body ?? {}) as Collection;
			return { rows: (body.items ?? []).map((item) => String(item.id)), hasMore: Boolean(body.hasMore) };
		},
		after: (_page, offset) => offset + pageSize,
	});
}

/** Every id of a collection, at most maxRows. */
export async function listIds(ctx: IExecuteSingleFunctions, recordType: string, q: string | undefined, maxRows: number | undefined): Promise<string[]> {
	return await allRows(recordIdPages(ctx, recordType, q, maxRows));
}
