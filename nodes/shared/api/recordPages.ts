// A record collection's IDs, page by page: GET /record/v1/<type>?limit&offset[&q] answers
// `items` (IDs and links) and `hasMore`; NetSuite wants offset to be a multiple of limit.
import type { IDataObject } from 'n8n-workflow';

import { netSuiteRequest, type NetSuiteContext, type NetSuiteRequest, type TransportOptions } from './transport';

const PAGE = 1000;

/** The IDs a collection request names, at most maxRows (undefined = all). */
export async function listIds(ctx: NetSuiteContext, collection: NetSuiteRequest, maxRows: number | undefined, transport: TransportOptions = {}): Promise<string[]> {
	const pageSize = maxRows !== undefined && maxRows < PAGE ? maxRows : PAGE;
	const ids: string[] = [];
	for (let offset = 0; ; offset += pageSize) {
		const qs: IDataObject = { ...collection.qs, limit: pageSize, offset };
		const response = await netSuiteRequest.call(ctx, { ...collection, qs }, transport);
		const body = response.body as { items?: Array<{ id: string }>; hasMore?: boolean };
		ids.push(...(body.items ?? []).map((i) => String(i.id)));
		if (!body.hasMore || (maxRows !== undefined && ids.length >= maxRows) || !body.items?.length) break;
	}
	return maxRows === undefined ? ids : ids.slice(0, maxRows);
}
