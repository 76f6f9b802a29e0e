// SuiteQL > Run Query. Routing declares the request (POST suiteql, Prefer: transient, body
// {q, params}); `run` pages it, each page sent by n8n's makeRoutingRequest. This is how n8n runs
// the operation as a tool (n8n gives a declarative node's tool variant an `execute` that runs
// RoutingNode and ignores customOperations); workflows run the custom operation in
// runInWorkflow.ts, which reads past the routing engine's row bound.
import { NodeOperationError, type IDataObject, type INodeExecutionData } from 'n8n-workflow';

import { SUITEQL_PATH } from '../../../shared/auth/account';
import type { Operation } from '../../operation';
import { cutNote, isToolCall, TOOL_ROW_CAP } from '../../tool/toolCall';
import { CUT } from '../../tool/words';
import { suiteQlFields } from './fields';
import { suiteQlRowPages, suiteQlRunOf } from './queryRun';

/**
 * Rows one input item may return through the routing engine: RoutingNode.runNode spreads them
 * into one push(...) call, which overflows the stack near 120,000 (measured in n8n-core 2.40).
 */
export const ROUTED_MAX_ROWS = 100_000;

const NARROW_QUERY =
	'Narrow the query: add WHERE conditions, aggregate (COUNT, SUM … GROUP BY), or ORDER BY and read the next rows with WHERE id > the last id.';

// A constant: the sentence-case lint would make SuiteQL "suite ql". The editor names new nodes
// after the action, and a tool node's name is its tool name, so it stays short.
const RUN_QUERY_ACTION = 'Run a SuiteQL query';

export const run = (): Operation => ({
	value: 'run',
	name: 'Run Query',
	action: RUN_QUERY_ACTION,
	description: 'Run a SuiteQL SELECT and return one item per row',
	toolDescription: `Run one SuiteQL query in NetSuite. SuiteQL is Oracle-style SQL (SELECT only) over NetSuite's tables: transaction (id, tranid, type such as 'CustInvc' invoice, 'SalesOrd' sales order, 'CashSale', 'ItemShip'; entity = customer id, trandate, duedate, status, foreigntotal), transactionline (transaction, item, quantity, rate, amount), customer (id, entityid, companyname, email), item (id, itemid, displayname). BUILTIN.DF(column) gives the display name of a reference. Dates follow the user's format: show them with TO_CHAR(d, 'YYYY-MM-DD'), compare with TO_DATE('2024-01-31', 'YYYY-MM-DD'). Every value comes back as a string. Prefer WHERE and aggregates (SUM, COUNT, GROUP BY) to reading many rows. ${CUT}`,
	writes: false,
	request: { method: 'POST', url: SUITEQL_PATH, headers: { Prefer: 'transient' } },
	fields: suiteQlFields,
	// Bounds itself: it reads one row past what it shows instead of reading everything.
	narrowing: false,
	async run(request, transport) {
		const itemIndex = this.getItemIndex();
		const body = (request.body ?? {}) as IDataObject;
		const params = Array.isArray(body.params) ? body.params.map((p) => String(p ?? '')) : [];
		const query = suiteQlRunOf(this.getNode(), (name, fallback) => this.getNodeParameter(name, fallback), body.q, params, itemIndex);
		const tool = isToolCall(this);
		const bound = tool ? TOOL_ROW_CAP : ROUTED_MAX_ROWS;
		const shown = Math.min(query.maxRows ?? Infinity, bound);
		// Reading one row past what is shown tells whether there was more without reading it all: a
		// tool call then adds its note, a workflow read past ROUTED_MAX_ROWS fails.
		const probe = tool || query.maxRows === undefined || query.maxRows > bound;
		const maxRows = probe ? shown + 1 : query.maxRows;
		const rows: IDataObject[] = [];
		for await (const page of suiteQlRowPages(this, { ...query, maxRows }, transport)) {
			for (const row of page) rows.push(row);
		}
		const items: INodeExecutionData[] = rows.slice(0, shown).map((json) => ({ json, pairedItem: { item: itemIndex } }));
		if (rows.length <= shown) return items;
		if (tool) return [...items, { json: cutNote(shown, NARROW_QUERY), pairedItem: { item: itemIndex } }];
		throw new NodeOperationError(
			this.getNode(),
			`SuiteQL through n8n's routing engine returns at most ${ROUTED_MAX_ROWS.toLocaleString('en-US')} rows per input item, and this query has more`,
			{
				description: 'Narrow the query with a WHERE clause, or run it in a workflow (not as a tool), where Return All reads every row.',
				itemIndex,
			},
		);
	},
});
