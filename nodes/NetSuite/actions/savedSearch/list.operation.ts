// Saved Search > Get Many: the saved searches the role may use, each with its record type. The
// list has no documented filter: Name Contains is matched here, on every search the role sees.
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/api/output';
import { SAVED_SEARCH_PATH, savedSearchList, savedSearchMatches } from '../../../shared/api/savedSearch';
import { returnAllFields } from '../../fields/list';
import { maxRowsParam } from '../../inputs/params';
import type { Operation } from '../../operation';
import { cutForTool, isToolCall } from '../../tool/toolCall';
import { CUT } from '../../tool/words';

const nameContainsField: INodeProperties = {
	displayName: 'Name Contains',
	name: 'nameContains',
	type: 'string',
	default: '',
	placeholder: 'open orders',
	description: 'Only saved searches whose name or script ID contains this text, in any case (empty = all)',
};

const NARROW_NAME = 'Narrow it: give part of the search name or script ID as nameContains.';

/** preSend: Limit is checked before anything is sent. */
async function checkLimit(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	maxRowsParam(this);
	return request;
}

export const list = (): Operation => ({
	value: 'list',
	name: 'Get Many',
	action: 'Get many saved searches',
	description: 'List the saved searches the role may run, with their record type',
	toolDescription: `List the NetSuite saved searches this role may run: id (internal ID), scriptId (customsearch_…), name and recordType (transaction, customer, …). To find a search by name, give part of its name or script ID as nameContains (any case). Then run it with the saved search Run tool, by id or scriptId. ${CUT}`,
	writes: false,
	request: { method: 'GET', url: SAVED_SEARCH_PATH },
	preSend: [checkLimit],
	fields: [nameContainsField, ...returnAllFields],
	// Bounds itself: the whole list is read, so a tool call knows when its Limit left searches out.
	narrowing: false,
	async run(_request, transport) {
		const maxRows = maxRowsParam(this);
		const wanted = String(this.getNodeParameter('nameContains', '') ?? '');
		const found = (await savedSearchList(this, transport)).filter((s) => savedSearchMatches(s, wanted));
		const items = toItems(
			found.map((s) => ({ ...s })),
			this.getItemIndex(),
		);
		return isToolCall(this) ? cutForTool(this, items, maxRows, NARROW_NAME) : items.slice(0, maxRows ?? items.length);
	},
});
