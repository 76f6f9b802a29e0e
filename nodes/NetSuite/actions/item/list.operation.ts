// Item > List: every item type at once from SuiteQL's item table, each row with its REST type.
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { SUITEQL_PATH } from '../../../shared/auth/account';
import { toItems } from '../../../shared/api/output';
import { ITEM_RECORD_TYPES } from '../../../shared/api/recordTypes';
import { suiteQlPages, type SuiteQlQuery } from '../../../shared/api/suiteQl';
import { returnAllFields } from '../../fields/list';
import { maxRowsParam } from '../../inputs/params';
import type { Operation } from '../../operation';
import { CUT } from '../../tool/words';

const itemTypesField: INodeProperties = {
	displayName: 'Item Types',
	name: 'itemTypes',
	type: 'multiOptions',
	default: [],
	description: 'Only items of these types (empty = all)',
	options: Object.entries(ITEM_RECORD_TYPES)
		.map(([value, recordType]) => ({ name: recordType.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()), value }))
		.sort((a, b) => a.name.localeCompare(b.name)),
};

/** preSend: the query, with the chosen item types bound as parameters. */
async function sendQuery(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	maxRowsParam(this);
	const types = (this.getNodeParameter('itemTypes', []) as string[]).filter((t) => t in ITEM_RECORD_TYPES);
	const where = types.length ? `WHERE itemtype IN (${types.map(() => '?').join(', ')})` : '';
	request.body = { q: `SELECT id, itemid, displayname, itemtype, isinactive FROM item ${where} ORDER BY id`, params: types };
	return request;
}

export const list = (): Operation => ({
	value: 'list',
	name: 'Get Many',
	action: 'Get many items',
	description: 'Get many items of all or some types',
	toolDescription: `List NetSuite items (id, itemid, displayname, itemtype, isinactive, recordType). ${CUT}`,
	writes: false,
	request: { method: 'POST', url: SUITEQL_PATH, headers: { Prefer: 'transient' } },
	preSend: [sendQuery],
	fields: [...returnAllFields, itemTypesField],
	async run(request, transport) {
		const maxRows = maxRowsParam(this);
		const out: IDataObject[] = [];
		for await (const rows of suiteQlPages.call(this, request.body as SuiteQlQuery, { maxRows, transport })) {
			out.push(...rows.map((row) => ({ ...row, recordType: ITEM_RECORD_TYPES[String(row.itemtype)] ?? null })));
		}
		return toItems(out, this.getItemIndex());
	},
});
