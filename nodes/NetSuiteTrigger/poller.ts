// One poll: read every change after the cursor (paging by (modified, id), so a weekend's
// worth of changes is read whole), and turn the new ones into items.
import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../shared/account';
import { mapLimited } from '../shared/limiter';
import { stripLinks } from '../shared/output';
import { fetchSuiteQlPage, SUITEQL_MAX_PAGE, type SuiteQlQuery } from '../shared/suiteQl';
import { netSuiteRequest } from '../shared/transport';
import { eventOf, type ChangeRow, type PollCursor } from './cursor';
import { changesQuery } from './pollQuery';
import type { PollTable } from './recordTables';

const FETCH_CONCURRENCY = 3;

/** One page of a SuiteQL query; a failure shows NetSuite's detail and the query that failed. */
export async function queryPage(ctx: IPollFunctions, q: SuiteQlQuery, limit = SUITEQL_MAX_PAGE): Promise<{ items: IDataObject[]; hasMore: boolean }> {
	let failure: (Error & { description?: string | null }) | undefined;
	let page: { items: IDataObject[]; hasMore: boolean } | undefined;
	try {
		page = await fetchSuiteQlPage.call(ctx, q, 0, limit);
	} catch (error) {
		failure = error as Error & { description?: string | null };
	}
	if (failure || !page) {
		throw new NodeOperationError(ctx.getNode(), failure?.message ?? 'SuiteQL failed', {
			description: `${failure?.description ? `${failure.description}. ` : ''}Query: ${q.q}`,
		});
	}
	return page;
}

export const toRow = (r: IDataObject): ChangeRow => ({ id: String(r.id), modified: String(r.ns_modified ?? ''), created: String(r.ns_created ?? '') });

export async function readChanges(ctx: IPollFunctions, table: PollTable, filter: string, since: string): Promise<ChangeRow[]> {
	const rows: ChangeRow[] = [];
	let afterId: string | undefined;
	let from = since;
	for (;;) {
		const page = await queryPage(ctx, changesQuery(table, filter, from, afterId));
		const batch = page.items.map(toRow);
		rows.push(...batch);
		if (!page.hasMore || !batch.length) return rows;
		const last = batch[batch.length - 1];
		from = last.modified;
		afterId = last.id;
	}
}

export async function toItems(
	ctx: IPollFunctions,
	rows: ChangeRow[],
	previous: PollCursor | undefined,
	recordType: string,
	options: { showNew: boolean; showUpdated: boolean; full: boolean },
): Promise<INodeExecutionData[]> {
	const wanted = rows
		.map((row) => ({ row, event: eventOf(row, previous) }))
		.filter(({ event }) => (event === 'created' ? options.showNew : options.showUpdated));
	return await mapLimited(wanted, options.full ? FETCH_CONCURRENCY : wanted.length || 1, async ({ row, event }) => {
		const meta = { id: row.id, recordType, event, lastModified: row.modified, created: row.created };
		if (!options.full) return { json: meta };
		const response = await netSuiteRequest.call(ctx, { method: 'GET', path: `${RECORD_BASE_PATH}/${recordType}/${row.id}` });
		return { json: { ...stripLinks(response.body as IDataObject), _netsuite: meta } };
	});
}
