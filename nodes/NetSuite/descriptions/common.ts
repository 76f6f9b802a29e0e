// Field blocks several resources share, as data. Each takes the displayOptions it shows under.
import type { INodeProperties, INodePropertyOptions, INodePropertyRouting } from 'n8n-workflow';

import { Q_OPERATORS } from '../qFilter';

type Show = { show: Record<string, string[]> };

export const operation = (name: string, value: string, action: string, description: string, routing: INodePropertyRouting): INodePropertyOptions => ({
	name,
	value,
	action,
	description,
	routing,
});

export const operationsField = (resource: string, options: INodePropertyOptions[], defaultValue: string): INodeProperties => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [resource] } },
	options,
	default: defaultValue,
});

export const recordTypeField = (displayOptions: Show): INodeProperties => ({
	displayName: 'Record Type',
	name: 'recordType',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The NetSuite record type, for example customer, salesOrder or a custom record such as customrecord_project',
	displayOptions,
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchRecordTypes', searchable: true } },
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'customrecord_project' },
	],
});

export const recordIdField = (displayOptions: Show, displayName = 'Record ID', name = 'recordId'): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	required: true,
	placeholder: '42 or eid:CRM-1000',
	description: 'Internal ID, or eid: followed by the external ID',
	displayOptions,
});

const getOptions: INodeProperties[] = [
	{ displayName: 'Expand Sub-Resources', name: 'expandSubResources', type: 'boolean', default: false, description: 'Whether to include sublist lines and subrecords' },
	{ displayName: 'Fields', name: 'fields', type: 'string', default: '', placeholder: 'companyName,email', description: 'Comma-separated field IDs to return (empty = all)' },
	{ displayName: 'Simple Enum Format', name: 'simpleEnumFormat', type: 'boolean', default: false, description: 'Whether to return enum (select) fields, such as a status, as their plain ID ("B") instead of {ID, name}. References to other records (customer, subsidiary, …) keep {ID, refName}.' },
];

const batchSize: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 50 },
	default: 0,
	description: 'How many requests of this node run at once. 0 = Auto: the account\'s concurrency limit when the role may read it, else 3. Over the limit NetSuite answers 429 and the node waits and retries.',
};

export const getOptionsField = (displayOptions: Show): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions,
	options: getOptions,
});

export const returnAllFields = (displayOptions: Show): INodeProperties[] => [
	{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit', displayOptions },
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...displayOptions.show, returnAll: [false] } },
	},
];

export const listFields = (displayOptions: Show): INodeProperties[] => [
	...returnAllFields(displayOptions),
	{
		displayName: 'Filter',
		name: 'filterMode',
		type: 'options',
		default: 'none',
		displayOptions,
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Build Conditions', value: 'builder' },
			{ name: 'Query (Q)', value: 'q', description: 'NetSuite\'s filter syntax, e.g. email START_WITH "a" AND dateCreated ON_OR_AFTER "1/1/2024"' },
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
		displayOptions: { show: { ...displayOptions.show, filterMode: ['builder'] } },
	},
	{
		displayName: 'Conditions',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		displayOptions: { show: { ...displayOptions.show, filterMode: ['builder'] } },
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getRecordFields', loadOptionsDependsOn: ['recordType.value', 'resource'] },
						default: '',
						description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{ displayName: 'Operator', name: 'operator', type: 'options', default: 'EQUAL', options: Q_OPERATORS.map((op) => ({ name: op, value: op })) },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'For ANY_OF and BETWEEN, separate values with commas. Dates as M/D/YYYY.' },
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
		displayOptions: { show: { ...displayOptions.show, filterMode: ['q'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options: [
			{ displayName: 'Fetch Full Records', name: 'fullRecords', type: 'boolean', default: false, description: 'Whether to get each listed record in full (one request per record) instead of only its ID' },
			batchSize,
			...getOptions,
		],
	},
];

export const bodyFields = (displayOptions: Show): INodeProperties[] => [
	{
		displayName: 'Send Body As',
		name: 'bodyMode',
		type: 'options',
		default: 'fields',
		displayOptions,
		options: [
			{ name: 'Fields Below', value: 'fields' },
			{ name: 'JSON', value: 'json' },
		],
	},
	{
		displayName: 'Fields',
		name: 'bodyFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { ...displayOptions.show, bodyMode: ['fields'] } },
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getRecordFields', loadOptionsDependsOn: ['recordType.value', 'resource'] },
						default: '',
						description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Text, or JSON for references and sublists: {"ID": "1"}' },
				],
			},
		],
	},
	{
		displayName: 'Body (JSON)',
		name: 'bodyJson',
		type: 'json',
		default: '{}',
		displayOptions: { show: { ...displayOptions.show, bodyMode: ['json'] } },
		description: 'The record as NetSuite\'s REST API takes it; custom fields (custbody_*, custentity_*, …) pass through as they are',
	},
];

export const writeOptionsField = (displayOptions: Show, withReplace: boolean): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions,
	options: [
		batchSize,
		{
			displayName: 'Return Full Record',
			name: 'returnFullRecord',
			type: 'boolean',
			default: false,
			description: 'Whether to output the whole record as NetSuite has it after the write (one more GET per item) instead of only its ID',
		},
		...(withReplace
			? [
					{ displayName: 'Replace Sublists', name: 'replace', type: 'string', default: '', placeholder: 'item,addressBook', description: 'Sublists whose lines the body replaces (otherwise lines are added)' },
					{ displayName: 'Replace Selected Fields', name: 'replaceSelectedFields', type: 'boolean', default: false, description: 'Whether fields named in Replace Sublists and missing from the body are cleared' },
				] as INodeProperties[]
			: []),
	],
});
