import type { INodeProperties } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../shared/auth/account';
import { netSuiteRouting, writeRouting } from '../routing';
import { createFulfillment } from '../runners/fulfillment';
import { getRecord, listRecords } from '../runners/records';
import { getOptionsField, listFields, operation, operationsField, recordIdField } from './common';

const on = (...operations: string[]) => ({ show: { resource: ['itemFulfillment'], operation: operations } });
const path = `${RECORD_BASE_PATH}/itemFulfillment`;

export const itemFulfillmentDescription: INodeProperties[] = [
	operationsField(
		'itemFulfillment',
		[
			operation('Create', 'create', 'Create an item fulfillment', 'Fulfill a sales order (NetSuite transforms the order into a fulfillment)', writeRouting('POST', `${RECORD_BASE_PATH}/salesOrder`, createFulfillment)),
			operation('Get', 'get', 'Get an item fulfillment', 'Get an item fulfillment by internal or external ID', netSuiteRouting('GET', path, getRecord)),
			operation('List', 'list', 'List item fulfillments', 'List item fulfillments, optionally filtered', netSuiteRouting('GET', path, listRecords)),
		],
		'get',
	),
	recordIdField(on('get'), 'Item Fulfillment ID'),
	getOptionsField(on('get')),
	...listFields(on('list')),
	recordIdField(on('create'), 'Sales Order ID', 'salesOrderId'),
	{
		displayName: 'Lines',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line',
		default: {},
		description: 'Lines to fulfill (empty = every open line of the order)',
		displayOptions: on('create'),
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
		description: 'Other fields of the fulfillment, for example {"memo": "Shipped by n8n", "shipStatus": {"ID": "C"}}',
		displayOptions: on('create'),
	},
];
