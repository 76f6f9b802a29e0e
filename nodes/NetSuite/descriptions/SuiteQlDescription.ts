import type { INodeProperties } from 'n8n-workflow';


const showFor = { show: { resource: ['suiteQl'], operation: ['run'] } };

export const suiteQlOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['suiteQl'] } },
		options: [
			{
				name: 'Run Query',
				value: 'run',
				action: 'Run a query',
				description: 'Run a SuiteQL SELECT and return one item per row',
				// Runs as a custom operation (see runners/suiteQlOperation.ts): large reads.
			},
		],
		default: 'run',
	},
];

export const suiteQlFields: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		typeOptions: { rows: 5 },
		required: true,
		default: '',
		placeholder: 'SELECT id, companyname, email FROM customer WHERE lastmodifieddate > SYSDATE - ?',
		description: 'SuiteQL SELECT statement. Use ? placeholders and the Parameters list for values.',
		displayOptions: showFor,
	},
	{
		displayName: 'Parameters',
		name: 'parameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Parameter',
		default: {},
		description: 'Values bound to the ? placeholders, in order (sent as NetSuite\'s params, never pasted into the query)',
		displayOptions: showFor,
		options: [{ displayName: 'Parameter', name: 'values', values: [{ displayName: 'Value', name: 'value', type: 'string', default: '' }] }],
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: showFor,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...showFor.show, returnAll: [false] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor,
		options: [
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1000 },
				default: 1000,
				description: 'Rows per request (NetSuite allows at most 1000)',
			},
			{
				displayName: 'Page by Key',
				name: 'pageByKey',
				type: 'boolean',
				default: false,
				description: 'Whether to page on a unique ordered column instead of by offset, to read past NetSuite\'s 100,000-row offset limit',
			},
			{
				displayName: 'Key Column',
				name: 'keyColumn',
				type: 'string',
				default: 'id',
				description: 'Unique column the query selects, used by Page by Key',
			},
		],
	},
];
