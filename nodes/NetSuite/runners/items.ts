// Items live in one SuiteQL table but under many REST record types (inventoryItem,
// serviceSaleItem, …): list them by SuiteQL, get one by finding its type first.
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { toItems } from '../../shared/api/output';
import { fetchSuiteQlPage, suiteQlPages } from '../../shared/api/suiteQl';
import { recordIdParam } from '../params';
import type { Runner } from '../routing';
import { fetchRecord } from './records';

/** SuiteQL item.itemtype -> REST record type. */
export const ITEM_RECORD_TYPES: Record<string, string> = {
	Assembly: 'assemblyItem',
	Description: 'descriptionItem',
	Discount: 'discountItem',
	GiftCert: 'giftCertificateItem',
	Group: 'itemGroup',
	InvtPart: 'inventoryItem',
	Kit: 'kitItem',
	Markup: 'markupItem',
	NonInvtPart: 'nonInventorySaleItem',
	OthCharge: 'otherChargeSaleItem',
	Payment: 'paymentItem',
	Service: 'serviceSaleItem',
	Subtotal: 'subtotalItem',
};

export const listItems: Runner = async function () {
	const itemIndex = this.getItemIndex();
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const maxRows = returnAll ? undefined : Number(this.getNodeParameter('limit', 50));
	const types = (this.getNodeParameter('itemTypes', []) as string[]).filter((t) => t in ITEM_RECORD_TYPES);
	const where = types.length ? `WHERE itemtype IN (${types.map(() => '?').join(', ')})` : '';
	const query = { q: `SELECT id, itemid, displayname, itemtype, isinactive FROM item ${where} ORDER BY id`, params: types };
	const out: IDataObject[] = [];
	for await (const rows of suiteQlPages.call(this, query, { maxRows, transport: { itemIndex } })) {
		out.push(...rows.map((row) => ({ ...row, recordType: ITEM_RECORD_TYPES[String(row.itemtype)] ?? null })));
	}
	return toItems(out, itemIndex);
};

export const getItem: Runner = async function () {
	const itemIndex = this.getItemIndex();
	const id = recordIdParam(this, 'recordId', 'Item ID');
	const lookup = id.startsWith('eid:')
		? { q: 'SELECT id, itemtype FROM item WHERE externalid = ?', params: [decodeURIComponent(id.slice(4))] }
		: { q: 'SELECT id, itemtype FROM item WHERE id = ?', params: [id] };
	const found = (await fetchSuiteQlPage.call(this, lookup, 0, 1, { itemIndex })).items[0];
	if (!found) throw new NodeOperationError(this.getNode(), `Item ${decodeURIComponent(id)} does not exist`, { itemIndex });
	const recordType = ITEM_RECORD_TYPES[String(found.itemtype)];
	if (!recordType) throw new NodeOperationError(this.getNode(), `Item ${decodeURIComponent(id)} has type ${String(found.itemtype)}, which the REST record service does not serve`, { itemIndex });
	const options = this.getNodeParameter('options', {}) as IDataObject;
	return toItems([{ ...(await fetchRecord(this, recordType, String(found.id), options)), recordType }], itemIndex);
};
