import type { INodeProperties } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../shared/auth/account';
import { netSuiteRouting, writeRouting } from '../routing';
import { addSublistLines, getSublist } from '../runners/sublist';
import { operation, operationsField, recordIdField, recordTypeField } from './common';

const on = (...operations: string[]) => ({ show: { resource: ['sublist'], operation: operations } });

export const sublistDescription: INodeProperties[] = [
	operationsField(
		'sublist',
		[
			operation('Add Line', 'addLine', 'Add lines to a sublist', 'Append lines to a sublist, keeping the lines already there', writeRouting('PATCH', RECORD_BASE_PATH, addSublistLines)),
			operation('Get', 'get', 'Get the lines of a sublist', 'Get the lines of a sublist, one item per line', netSuiteRouting('GET', RECORD_BASE_PATH, getSublist)),
		],
		'get',
	),
	recordTypeField(on('addLine', 'get')),
	recordIdField(on('addLine', 'get')),
	{ displayName: 'Sublist ID', name: 'sublistId', type: 'string', default: 'item', required: true, placeholder: 'item', description: 'For example item on transactions or addressBook on customers', displayOptions: on('addLine', 'get') },
	{
		displayName: 'Lines (JSON)',
		name: 'lines',
		type: 'json',
		default: '[{"item": {"id": "1"}, "quantity": 1}]',
		required: true,
		description: 'Array of lines to append, as NetSuite\'s REST API takes them',
		displayOptions: on('addLine'),
	},
];
