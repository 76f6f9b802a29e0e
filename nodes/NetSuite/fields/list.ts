// How many rows a read returns, and the List filter (condition rows or NetSuite's q).
import type { INodeProperties } from 'n8n-workflow';

import { Q_OPERATOR_WORDS, Q_OPERATORS } from '../inputs/qFilter';
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

/** NetSuite's record collections answer IDs only: say so where a builder first looks. */
export const idsOnlyNotice: INodeProperties = {
	displayName:
		"NetSuite lists records by ID only. To get their fields, turn on Options › Fetch Full Records (one request per record), or use the SuiteQL resource to read many records' fields in one request.",
	name: 'idsOnlyNotice',
	type: 'notice',
	default: '',
};

export const listFields: INodeProperties[] = [
	idsOnlyNotice,
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
						// Words for the builder, NetSuite's token as the stored value (saved workflows keep theirs).
						options: Q_OPERATORS.map((op) => ({ name: Q_OPERATOR_WORDS[op], value: op, description: `NetSuite: ${op}` })).sort((a, b) =>
							a.name.localeCompare(b.name),
						),
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'For Is Any Of and Is Between, separate values with commas. Dates as M/D/YYYY.',
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
