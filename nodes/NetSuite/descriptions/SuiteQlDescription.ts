import type { INodeProperties } from 'n8n-workflow';

import { SUITEQL_PATH } from '../../shared/auth/account';
import { paginateSuiteQl } from '../runners/suiteQlPagination';
import { sendSuiteQlParams } from '../runners/suiteQlParams';

// A constant: the sentence-case lint would make SuiteQL "suite ql". The editor names new nodes
// after the action, and a tool node's name is its tool name, so it stays short.
const RUN_QUERY_ACTION = 'Run a SuiteQL query';

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
				action: RUN_QUERY_ACTION,
				description: 'Run a SuiteQL SELECT and return one item per row',
				// Workflows run it as a custom operation (runners/suiteQlOperation.ts: large reads);
				// tool calls through this routing (runners/suiteQlPagination.ts).
				routing: {
					request: { method: 'POST', url: SUITEQL_PATH, headers: { Prefer: 'transient' } },
					send: { paginate: true },
					operations: { pagination: paginateSuiteQl },
				},
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
		description:
			'SuiteQL SELECT statement (Oracle-style SQL: main tables transaction, transactionline, customer, item; BUILTIN.DF(field) for display values; dates via TO_CHAR/TO_DATE). Use ? placeholders and the Parameters list for values.',
		displayOptions: showFor,
		routing: { send: { type: 'body', property: 'q' } },
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
		routing: { send: { preSend: [sendSuiteQlParams] } },
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
