// Item > Get: items live in one SuiteQL table but under many REST record types
// (inventoryItem, serviceResaleItem, lotNumberedInventoryItem, …), so the item's type is found
// first (its itemtype code and the subtype / lot / serial columns that split a code, see
// shared/api/recordTypes.ts), then the record read.
import { NodeOperationError, type IDataObject, type IExecuteSingleFunctions, type IHttpRequestOptions } from 'n8n-workflow';

import { RECORD_BASE_PATH, SUITEQL_PATH } from '../../../shared/auth/account';
import { toItems } from '../../../shared/api/output';
import { ITEM_TYPE_COLUMNS, itemRecordType } from '../../../shared/api/recordTypes';
import { fetchSuiteQlPage, type SuiteQlQuery } from '../../../shared/api/suiteQl';
import { getOptionsField } from '../../fields/options';
import { recordIdField } from '../../fields/record';
import { recordIdParam } from '../../inputs/params';
import type { Operation } from '../../operation';
import { ID, RECORD } from '../../tool/words';
import { fetchRecord, readQuery } from '../record/read';

/** preSend: the lookup of the item's type, by internal or external ID. */
async function sendLookup(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const id = recordIdParam(this, 'recordId', 'Item ID');
	const select = `SELECT id, ${ITEM_TYPE_COLUMNS.join(', ')} FROM item`;
	request.body = id.startsWith('eid:')
		? { q: `${select} WHERE externalid = ?`, params: [decodeURIComponent(id.slice(4))] }
		: { q: `${select} WHERE id = ?`, params: [id] };
	return request;
}

export const get = (): Operation => ({
	value: 'get',
	name: 'Get',
	action: 'Get an item',
	description: 'Get an item of any type by internal or external ID',
	toolDescription: `Get one NetSuite item of any type (inventory, service, non-inventory, kit, …) with its record type. ${ID} ${RECORD}`,
	writes: false,
	request: { method: 'POST', url: SUITEQL_PATH, headers: { Prefer: 'transient' } },
	preSend: [sendLookup],
	fields: [recordIdField('Item ID'), getOptionsField],
	async run(request, transport) {
		const itemIndex = this.getItemIndex();
		const lookup = request.body as SuiteQlQuery;
		const key = String(lookup.params?.[0] ?? '');
		const shown = lookup.q.includes('externalid') ? `eid:${key}` : key;
		const found = (await fetchSuiteQlPage.call(this, lookup, 0, 1, transport)).items[0];
		if (!found) throw new NodeOperationError(this.getNode(), `Item ${shown} does not exist`, { itemIndex });
		const { recordType, reason } = itemRecordType(found);
		if (!recordType)
			throw new NodeOperationError(this.getNode(), `Item ${shown} cannot be read over REST: ${reason}`, {
				itemIndex,
				description: `SuiteQL item type ${String(found.itemtype)}; the Item resource reads records the REST record service serves`,
			});
		const qs = readQuery(this.getNodeParameter('options', {}) as IDataObject);
		const record = await fetchRecord(this, `${RECORD_BASE_PATH}/${recordType}/${encodeURIComponent(String(found.id))}`, transport, qs);
		return toItems([{ ...record, recordType }], itemIndex);
	},
});
