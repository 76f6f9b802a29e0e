// Invoice › Create From Sales Order: the sales order transformed into an invoice (its customer
// and lines carry over); the body may override them.
import { bodyFields } from '../../fields/body';
import { writeOptionsField } from '../../fields/options';
import { recordIdField } from '../../fields/record';
import { fillPath } from '../../inputs/path';
import type { Operation, Resource } from '../../operation';
import { sendIdempotencyKey, sendRecordBody } from '../record/write';
import { transformRequest } from '../transform/run';

export const createFromSalesOrder = (resource: Resource): Operation => ({
	value: 'createFromSalesOrder',
	name: 'Create From Sales Order',
	action: 'Create an invoice from a sales order',
	description: 'Bill a sales order (NetSuite transforms the order into an invoice)',
	toolDescription:
		'Bill a NetSuite sales order: NetSuite transforms the order (its ID, or eid: and its external ID) into an invoice with its customer and lines, and answers the new invoice ID. The body may override fields or lines of the invoice.',
	writes: true,
	...transformRequest('salesOrder', 'salesOrderId', 'invoice'),
	preSend: [fillPath(resource), sendRecordBody, sendIdempotencyKey],
	fields: [recordIdField('Sales Order ID', 'salesOrderId'), ...bodyFields, writeOptionsField(false)],
});
