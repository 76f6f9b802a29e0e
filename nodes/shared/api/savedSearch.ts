// Saved searches through REST (Oracle, "Using Saved Search in REST Web Services",
// https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_0804090827.html): the
// saved searches the user and role may use, each with its record type, and one run by internal ID
// or script ID; both paged as collections ("Collection Paging": at most 1000 a page, the offset a
// multiple of the limit), each page read through the one pager.
//
// Assumed where that page is silent or was not readable (the emulator, test/emulator/data/
// savedSearches.ts, follows the same): the paths `query/v1/savedsearch` and
// `query/v1/savedsearch/{id}/result`, as a public REST client calls them; the collection envelope
// ({items, hasMore, totalResults}) of record lists and SuiteQL; list items {id, scriptId, name,
// recordType}; result rows keyed by NetSuite's column names, passed through as they come.
import type { IDataObject } from 'n8n-workflow';

import { QUERY_BASE_PATH } from '../auth/account';
import { stripLinks } from './output';
import { pages } from './pager';
import { netSuiteRequest, type NetSuiteContext, type NetSuiteRequest, type TransportOptions } from './transport';

export const SAVED_SEARCH_PATH = `${QUERY_BASE_PATH}/savedsearch`;
export const SAVED_SEARCH_MAX_PAGE = 1000;

/** An internal ID (digits) or a script ID (customsearch…), as the run path takes it. */
export const SAVED_SEARCH_ID = /^(\d+|customsearch[A-Za-z0-9_]*)$/;

interface Collection {
	items?: IDataObject[];
	hasMore?: boolean;
}

export interface SavedSearchSummary {
	id: string;
	scriptId: string;
	name: string;
	recordType: string;
}

/**
 * The rows of a paged saved-search read (the list, or one search's results): `request` names
 * the path, each page adds limit and offset; rows come without NetSuite's `links`.
 */
export function savedSearchPages(
	ctx: NetSuiteContext,
	request: NetSuiteRequest,
	maxRows: number | undefined,
	transport: TransportOptions = {},
): AsyncGenerator<IDataObject[]> {
	// A small Limit fits in one smaller page; the offset stays a multiple of the page size either way.
	const pageSize = maxRows !== undefined && maxRows < SAVED_SEARCH_MAX_PAGE ? Math.max(1, maxRows) : SAVED_SEARCH_MAX_PAGE;
	return pages<IDataObject, number>({
		first: 0,
		maxRows,
		fetch: async (offset) => {
			const response = await netSuiteRequest.call(ctx, { ...request, qs: { ...request.qs, limit: pageSize, offset } }, transport);
			const body = (response.body ?? {}) as Collection;
			return { rows: (body.items ?? []).map((item) => stripLinks(item)), hasMore: body.hasMore === true };
		},
		after: (_page, offset) => offset + pageSize,
	});
}

/** Every saved search the role may use, as the list answers them. */
export async function savedSearchList(ctx: NetSuiteContext, transport: TransportOptions = {}): Promise<SavedSearchSummary[]> {
	const out: SavedSearchSummary[] = [];
	for await (const page of savedSearchPages(ctx, { method: 'GET', path: SAVED_SEARCH_PATH }, undefined, transport)) {
		for (const s of page) {
			out.push({
				id: String(s.id ?? ''),
				scriptId: String(s.scriptId ?? ''),
				name: String(s.name ?? ''),
				recordType: String(s.recordType ?? ''),
			});
		}
	}
	return out;
}

/** Whether a search matches what a user typed: part of its name or script ID, any case. */
export function savedSearchMatches(search: SavedSearchSummary, wanted: string): boolean {
	const needle = wanted.trim().toLowerCase();
	return !needle || search.name.toLowerCase().includes(needle) || search.scriptId.toLowerCase().includes(needle);
}
