// Item > List: every item type at once from SuiteQL's item table, each row with its REST type.
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { SUITEQL_PATH } from '../../../shared/auth/account';
import { toItems } from '../../../shared/api/output';
import { ITEM_RECORD_TYPES, ITEM_TYPE_COLUMNS, itemConditions, itemRecordType } from '../../../shared/api/recordTypes';
import { suiteQlPages, type SuiteQlQuery } from '../../../shared/api/suiteQl';
import { returnAllFields } from '../../fields/list';
import { optionsCollection, pagesOption } from '../../fields/options';
import { pageParallelOf } from '../../batchSize';
import { maxRowsParam } from '../../inputs/params';
import { NARROW_LIST, type Operation } from '../../operation';
import { cutForTool, readBound } from '../../tool/toolCall';
import { CUT } from '../../tool/words';

const itemTypesField: INodeProperties = {
	displayName: 'Item Types',
	name: 'itemTypes',
	type: 'multiOptions',
	default: [],
	description: 'Only items of these REST record types (empty = all)',
	options: ITEM_RECORD_TYPES.map(([value]) => ({
		name: value.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()),
		value,
	})).sort((a, b) => a.name.localeCompare(b.name)),
};

/**
 * The SuiteQL conditions of one chosen type: a REST record type is its itemtype code and the
 * columns that split the code (serviceResaleItem: Service, subtype Resale). The options used to
 * be itemtype codes ('NonInvtPart'); a workflow saved with one still means every item of that
 * code.
 */
function conditionsOf(type: string): Array<{ column: string; value: string }> | undefined {
	const kind = ITEM_RECORD_TYPES.find(([recordType]) => recordType === type)?.[1];
	if (kind) return itemConditions(kind);
	return ITEM_RECORD_TYPES.some(([, k]) => k.item === type) ? [{ column: 'itemtype', value: type }] : undefined;
}

/** preSend: the query, with the chosen item types bound as parameters. */
async function sendQuery(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	maxRowsParam(this);
	// A value neither a REST item type nor a code is left out, as before.
	const groups = (this.getNodeParameter('itemTypes', []) as string[]).map(conditionsOf).filter((c) => c !== undefined);
	const where = groups.length ? `WHERE ${groups.map((g) => `(${g.map((c) => `${c.column} = ?`).join(' AND ')})`).join(' OR ')}` : '';
	request.body = {
		q: `SELECT id, itemid, displayname, ${ITEM_TYPE_COLUMNS.join(', ')}, isinactive FROM item ${where} ORDER BY id`,
		params: groups.flat().map((c) => c.value),
	};
	return request;
}

export const list = (): Operation => ({
	value: 'list',
	name: 'Get Many',
	action: 'Get many items',
	description: 'Get many items of all or some types',
	toolDescription: `List NetSuite items (id, itemid, displayname, itemtype, subtype, islotitem, isserialitem, isinactive, recordType: the REST record type, null where REST serves none). ${CUT}`,
	writes: false,
	request: { method: 'POST', url: SUITEQL_PATH, headers: { Prefer: 'transient' } },
	preSend: [sendQuery],
	fields: [...returnAllFields, itemTypesField, optionsCollection([pagesOption])],
	// Bounds itself: a tool call reads one row past what it shows, so the note also comes when the Limit cut.
	narrowing: false,
	async run(request, transport) {
		const maxRows = maxRowsParam(this);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const parallel = pageParallelOf(this, options.batchSize);
		const out: IDataObject[] = [];
		for await (const rows of suiteQlPages.call(this, request.body as SuiteQlQuery, {
			maxRows: readBound(this, maxRows),
			transport,
			parallel,
		})) {
			out.push(...rows.map((row) => ({ ...row, recordType: itemRecordType(row).recordType ?? null })));
		}
		return cutForTool(this, toItems(out, this.getItemIndex()), maxRows, NARROW_LIST);
	},
});
