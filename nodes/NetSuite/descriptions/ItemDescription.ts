import type { INodeProperties } from 'n8n-workflow';

import { SUITEQL_PATH } from '../../shared/auth/account';
import { netSuiteRouting } from '../routing';
import { getItem, ITEM_RECORD_TYPES, listItems } from '../runners/items';
import { getOptionsField, operation, operationsField, recordIdField, returnAllFields } from './common';

const on = (...operations: string[]) => ({ show: { resource: ['item'], operation: operations } });

export const itemDescription: INodeProperties[] = [
	operationsField(
		'item',
		[
			operation('Get', 'get', 'Get an item', 'Get an item of any type by internal or external ID', netSuiteRouting('POST', SUITEQL_PATH, getItem)),
			operation('List', 'list', 'List items', 'List items of all or some types', netSuiteRouting('POST', SUITEQL_PATH, listItems)),
		],
		'get',
	),
	recordIdField(on('get'), 'Item ID'),
	getOptionsField(on('get')),
	...returnAllFields(on('list')),
	{
		displayName: 'Item Types',
		name: 'itemTypes',
		type: 'multiOptions',
		default: [],
		description: 'Only items of these types (empty = all)',
		displayOptions: on('list'),
		options: Object.entries(ITEM_RECORD_TYPES)
			.map(([value, recordType]) => ({ name: recordType.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()), value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	},
];
