// Item Fulfillment > Create: NetSuite makes it from a sales order (`!transform`), so the
// order's lines, customer and addresses carry over; chosen lines and quantities may override.
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { FULFILLMENT_BODY_EXAMPLE } from '../../fields/examples';
import { recordIdField } from '../../fields/record';
import { jsonObjectParam } from '../../inputs/params';
import { fillPath } from '../../inputs/path';
import type { Operation, Resource } from '../../operation';
import { sendIdempotencyKey } from '../record/write';
import { transformRequest } from '../transform/run';

const fields: INodeProperties[] = [
	recordIdField('Sales Order ID', 'salesOrderId'),
	{
		displayName: 'Lines',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line',
		default: {},
		description: 'Lines to fulfill (empty = every open line of the order)',
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{ displayName: 'Order Line', name: 'orderLine', type: 'number', default: 1, description: 'Line number on the sales order' },
					{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1 },
				],
			},
		],
	},
	{
		displayName: 'Additional Body (JSON)',
		name: 'additionalBody',
		type: 'json',
		default: '{}',
		description: `Other fields of the fulfillment, for example ${FULFILLMENT_BODY_EXAMPLE}`,
	},
];

/** preSend: Additional Body plus the chosen lines. */
async function sendFulfillmentBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body: IDataObject = jsonObjectParam(this, 'additionalBody', 'Additional Body (JSON)');
	const lines = (this.getNodeParameter('lines', {}) as { line?: Array<{ orderLine: number; quantity: number }> }).line ?? [];
	if (lines.length)
		body.item = { items: lines.map((l) => ({ orderLine: Number(l.orderLine), quantity: Number(l.quantity), itemReceive: true })) };
	request.body = body;
	return request;
}

export const create = (resource: Resource): Operation => ({
	value: 'create',
	name: 'Create',
	action: 'Create an item fulfillment',
	description: 'Fulfill a sales order (NetSuite transforms the order into a fulfillment)',
	toolDescription:
		'Fulfill a NetSuite sales order: NetSuite transforms the order (its ID, or eid: and its external ID) into an item fulfillment and answers the new ID. Leave the lines empty to fulfill every open line.',
	writes: true,
	...transformRequest('salesOrder', 'salesOrderId', 'itemFulfillment'),
	preSend: [fillPath(resource), sendFulfillmentBody, sendIdempotencyKey],
	fields,
});
