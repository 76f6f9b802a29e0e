// Run Query: pages until hasMore is false (or the limit), by offset or by key.
import { NodeOperationError, type IDataObject, type INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../shared/output';
import { suiteQlPages, suiteQlPagesByKey, type SuiteQlQuery } from '../../shared/suiteQl';
import type { Runner } from '../routing';

/** The Parameters list (fixedCollection) as NetSuite's `params` array, in order. */
export function parseSuiteQlParams(raw: unknown): string[] {
	const list = (raw as { values?: Array<{ value?: unknown }> } | undefined)?.values ?? [];
	return list.map(({ value }) => (value === undefined || value === null ? '' : String(value)));
}

export const runSuiteQl: Runner = async function (request) {
	const itemIndex = this.getItemIndex();
	const body = (request.body ?? {}) as IDataObject;
	const q = String(body.q ?? '').trim();
	if (!q) throw new NodeOperationError(this.getNode(), 'Query is empty: enter a SuiteQL SELECT statement', { itemIndex });
	const query: SuiteQlQuery = { q, params: parseSuiteQlParams(this.getNodeParameter('parameters', {})) };
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const maxRows = returnAll ? undefined : Number(this.getNodeParameter('limit', 50));
	const pageSize = Number(options.pageSize ?? 1000);
	const read = options.pageByKey
		? suiteQlPagesByKey.call(this, query, String(options.keyColumn || 'id'), { maxRows, pageSize, transport: { itemIndex } })
		: suiteQlPages.call(this, query, { maxRows, pageSize, transport: { itemIndex } });
	const out: INodeExecutionData[] = [];
	for await (const rows of read) out.push(...toItems(rows, itemIndex));
	return out;
};
