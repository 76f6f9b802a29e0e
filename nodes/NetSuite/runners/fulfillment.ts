// Item Fulfillment > Create: NetSuite makes it from a sales order (`!transform`), so the
// order's lines, customer and addresses carry over; chosen lines and quantities may override.
import type { IDataObject } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../shared/auth/account';
import { createRecordSafely } from '../../shared/api/asyncCreate';
import { toItems } from '../../shared/api/output';
import { jsonObjectParam, recordIdParam } from '../params';
import type { Write } from '../routing';

export const createFulfillment: Write = function () {
	const itemIndex = this.getItemIndex();
	const salesOrderId = recordIdParam(this, 'salesOrderId', 'Sales Order ID');
	const body: IDataObject = jsonObjectParam(this, 'additionalBody', 'Additional Body (JSON)');
	const lines = (this.getNodeParameter('lines', {}) as { line?: Array<{ orderLine: number; quantity: number }> }).line ?? [];
	if (lines.length) body.item = { items: lines.map((l) => ({ orderLine: Number(l.orderLine), quantity: Number(l.quantity), itemReceive: true })) };
	return async () => {
		// A transform creates a record: sent like every create, so a lost answer cannot make two.
		const created = await createRecordSafely.call(this, `${RECORD_BASE_PATH}/salesOrder/${salesOrderId}/!transform/itemFulfillment`, body, itemIndex);
		return toItems([{ id: created.id, recordType: 'itemFulfillment', createdFrom: decodeURIComponent(salesOrderId) }], itemIndex);
	};
};
