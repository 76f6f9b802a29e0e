// How many rows a read returns, and the List filter (condition rows or NetSuite's q).
import type { INodeProperties } from 'n8n-workflow';

import { Q_OPERATORS } from '../inputs/qFilter';
import { listOptionsField } from './options';

export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const fieldPicker: INodeProperties = {
	displayName: 'Field Name or ID',
	name: 'field',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getRecordFields', loadOptionsDependsOn: ['recordType.value', 'resource'] },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const listFields: INodeProperties[] = [
	...returnAllFields,
	{
		displayName: 'Filter',
		name: 'filterMode',
		type: 'options',
		default: 'none',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Build Conditions', value: 'builder' },
			{
				name: 'Query (Q)',
				value: 'q',
				description: 'NetSuite\'s filter syntax, e.g. email START_WITH "a" AND dateCreated ON_OR_AFTER "1/1/2024"',
			},
		],
	},
	{
		displayName: 'Combine Conditions With',
		name: 'combinator',
		type: 'options',
		default: 'AND',
		options: [
			{ name: 'AND', value: 'AND' },
			{ name: 'OR', value: 'OR' },
		],
		displayOptions: { show: { filterMode: ['builder'] } },
	},
	{
		displayName: 'Conditions',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		displayOptions: { show: { filterMode: ['builder'] } },
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					fieldPicker,
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'EQUAL',
						options: Q_OPERATORS.map((op) => ({ name: op, value: op })),
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'For ANY_OF and BETWEEN, separate values with commas. Dates as M/D/YYYY.',
					},
				],
			},
		],
	},
	{
		displayName: 'Query (Q)',
		name: 'q',
		type: 'string',
		default: '',
		placeholder: 'companyName START_WITH "Acme" AND isInactive IS false',
		displayOptions: { show: { filterMode: ['q'] } },
	},
	listOptionsField,
];
