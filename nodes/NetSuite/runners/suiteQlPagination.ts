// SuiteQL > Run Query through n8n's routing engine, which is how n8n runs it as a tool (n8n
// gives a declarative node's tool variant an `execute` that runs RoutingNode and ignores
// customOperations). Routing declares the request (POST suiteql, Prefer: transient, body
// {q, params}); this hook pages it, each page sent by n8n's makeRoutingRequest.
import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { cutNote, isToolCall, TOOL_ROW_CAP } from '../tool/toolCall';
import { sendThroughRouting } from '../tool/routedSend';
import { suiteQlRowPages, suiteQlRunOf } from './suiteQlRun';

/**
 * Rows one input item may return through the routing engine: RoutingNode.runNode spreads them
 * into one push(...) call, which overflows the stack near 120,000 (measured in n8n-core 2.40).
 */
export const ROUTED_MAX_ROWS = 100_000;

const NARROW_QUERY =
	'Narrow the query: add WHERE conditions, aggregate (COUNT, SUM … GROUP BY), or ORDER BY and read the next rows with WHERE id > the last id.';

export async function paginateSuiteQl(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const body = (requestData.options.body ?? {}) as IDataObject;
	const params = Array.isArray(body.params) ? body.params.map((p) => String(p ?? '')) : [];
	const run = suiteQlRunOf(this.getNode(), (name, fallback) => this.getNodeParameter(name, fallback), body.q, params, itemIndex);
	const tool = isToolCall(this);
	const bound = tool ? TOOL_ROW_CAP : ROUTED_MAX_ROWS;
	const shown = Math.min(run.maxRows ?? Infinity, bound);
	// Reading one row past what is shown tells whether there was more without reading it all: a
	// tool call then adds its note, a workflow read past ROUTED_MAX_ROWS fails.
	const probe = tool || run.maxRows === undefined || run.maxRows > bound;
	const maxRows = probe ? shown + 1 : run.maxRows;
	const rows: IDataObject[] = [];
	for await (const page of suiteQlRowPages(this, { ...run, maxRows }, { itemIndex, send: sendThroughRouting(this, requestData) })) {
		for (const row of page) rows.push(row);
	}
	const items: INodeExecutionData[] = rows.slice(0, shown).map((json) => ({ json, pairedItem: { item: itemIndex } }));
	if (rows.length <= shown) return items;
	if (tool) return [...items, { json: cutNote(shown, NARROW_QUERY), pairedItem: { item: itemIndex } }];
	throw new NodeOperationError(this.getNode(), `SuiteQL through n8n's routing engine returns at most ${ROUTED_MAX_ROWS.toLocaleString('en-US')} rows per input item, and this query has more`, {
		description: 'Narrow the query with a WHERE clause, or run it in a workflow (not as a tool), where Return All reads every row.',
		itemIndex,
	});
}
