// Saved Search > Run: one saved search's results, one item per result row, each keyed by the
// columns as NetSuite names them (field IDs, join.field, formulatext / formulanumeric, summary
// columns such as SUM(amount)), paged until NetSuite says there is no more.
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeProperties,
} from 'n8n-workflow';

import { SAVED_SEARCH_PATH, savedSearchPages } from '../../../shared/api/savedSearch';
import { returnAllFields } from '../../fields/list';
import { maxRowsParam } from '../../inputs/params';
import { fillPath } from '../../inputs/path';
import type { Operation, Resource } from '../../operation';
import { cutForTool, isToolCall, readBound } from '../../tool/toolCall';
import { CUT } from '../../tool/words';
import { ROUTED_MAX_ROWS } from '../suiteQl/run.operation';

const savedSearchField: INodeProperties = {
	displayName: 'Saved Search',
	name: 'savedSearch',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The saved search to run: picked by name, or its internal ID (digits) or script ID (customsearch…)',
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchSavedSearches', searchable: true } },
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'customsearch_open_orders or 42' },
	],
};

const NARROW_SEARCH =
	'Narrow it: REST runs a saved search as it is saved (no extra filters), so run a narrower saved search, or read the same data with SuiteQL and a WHERE clause.';

/** preSend: Limit is checked before anything is sent. */
async function checkLimit(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	maxRowsParam(this);
	return request;
}

export const run = (resource: Resource): Operation => ({
	value: 'run',
	name: 'Run',
	action: 'Run a saved search',
	description: 'Run a saved search and return one item per result row',
	toolDescription: `Run a NetSuite saved search by its internal ID (digits) or script ID (customsearch_…); find it first with the saved search Get Many tool. Answers one row per result, keyed by NetSuite's column names: field IDs (tranid, entity), joined fields as join.field (customerMain.email), formulas (formulatext, formulanumeric, formulacurrency) and summary columns (GROUP(entity), SUM(amount), COUNT(tranid)); values as text, null when empty. ${CUT}`,
	writes: false,
	request: { method: 'GET', url: `${SAVED_SEARCH_PATH}/{savedSearchId}/result` },
	preSend: [fillPath(resource), checkLimit],
	fields: [savedSearchField, ...returnAllFields],
	// Bounds itself: a tool call reads one row past what it shows, so the note also comes when the Limit cut.
	narrowing: false,
	async run(request, transport) {
		const itemIndex = this.getItemIndex();
		const asked = maxRowsParam(this);
		// A workflow reads past ROUTED_MAX_ROWS only to fail clearly.
		const maxRows = isToolCall(this) ? readBound(this, asked) : Math.min(asked ?? Infinity, ROUTED_MAX_ROWS + 1);
		const rows: IDataObject[] = [];
		for await (const page of savedSearchPages(this, request, maxRows, transport)) rows.push(...page);
		if (!isToolCall(this) && rows.length > ROUTED_MAX_ROWS)
			throw new NodeOperationError(
				this.getNode(),
				`A saved search returns at most ${ROUTED_MAX_ROWS.toLocaleString('en-US')} rows per input item through n8n's routing engine, and this one has more`,
				{
					description: 'Narrow the saved search in NetSuite, or read the same data with SuiteQL (Return All pages past any count).',
					itemIndex,
				},
			);
		return cutForTool(
			this,
			rows.map((json) => ({ json, pairedItem: { item: itemIndex } })),
			asked,
			NARROW_SEARCH,
		);
	},
});
