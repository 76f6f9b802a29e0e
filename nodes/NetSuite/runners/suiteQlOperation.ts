// SuiteQL > Run Query as a custom operation: a read can return hundreds of thousands of rows,
// and n8n's declarative engine spreads one item's results into a function call, which
// overflows the stack past ~120,000 rows. Run here, the rows are appended page by page.
import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type JsonObject } from 'n8n-workflow';

import { suiteQlPages, suiteQlPagesByKey, type SuiteQlQuery } from '../../shared/suiteQl';
import { parseSuiteQlParams } from './suiteQlParams';

async function readItem(ctx: IExecuteFunctions, itemIndex: number, out: INodeExecutionData[]): Promise<void> {
	const q = String(ctx.getNodeParameter('query', itemIndex, '') ?? '').trim();
	if (!q) throw new NodeOperationError(ctx.getNode(), 'Query is empty: enter a SuiteQL SELECT statement', { itemIndex });
	const query: SuiteQlQuery = { q, params: parseSuiteQlParams(ctx.getNodeParameter('parameters', itemIndex, {})) };
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const maxRows = returnAll ? undefined : Number(ctx.getNodeParameter('limit', itemIndex, 50));
	const read = { maxRows, pageSize: Number(options.pageSize ?? 1000), transport: { itemIndex } };
	const pages = options.pageByKey ? suiteQlPagesByKey.call(ctx, query, String(options.keyColumn || 'id'), read) : suiteQlPages.call(ctx, query, read);
	for await (const rows of pages) {
		for (const json of rows) out.push({ json, pairedItem: { item: itemIndex } });
	}
}

export async function runSuiteQlOperation(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const out: INodeExecutionData[] = [];
	const items = this.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			await readItem(this, itemIndex, out);
		} catch (error) {
			if (this.continueOnFail()) {
				out.push({ json: { error: (error as Error).message }, error: error as NodeApiError, pairedItem: { item: itemIndex } });
				continue;
			}
			// Both constructors hand back an error of their own type unchanged.
			if (error instanceof NodeOperationError) throw new NodeOperationError(this.getNode(), error, { itemIndex });
			throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
		}
	}
	return [out];
}
