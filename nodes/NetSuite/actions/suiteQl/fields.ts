// SuiteQL > Run Query's inputs: the query, its bound parameters, how many rows and how to page.
import type { INodeProperties } from 'n8n-workflow';

import { returnAllFields } from '../../fields/list';
import { pagesOption } from '../../fields/options';
import { sendSuiteQlParams } from './params';

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
		routing: { send: { type: 'body', property: 'q' } },
	},
	{
		displayName: 'Parameters',
		name: 'parameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Parameter',
		default: {},
		description: "Values bound to the ? placeholders, in order (sent as NetSuite's params, never pasted into the query)",
		routing: { send: { preSend: [sendSuiteQlParams] } },
		options: [{ displayName: 'Parameter', name: 'values', values: [{ displayName: 'Value', name: 'value', type: 'string', default: '' }] }],
	},
	...returnAllFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
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
				description: "Whether to page on a unique ordered column instead of by offset, to read past NetSuite's 100,000-row offset limit",
			},
			{
				displayName: 'Key Column',
				name: 'keyColumn',
				type: 'string',
				default: 'id',
				description: 'Unique column the query selects, used by Page by Key',
			},
			{
				...pagesOption,
				description: `${pagesOption.description} With Page by Key and Return All, the keys after the first page are cut into that many ranges read at once (whole-number keys, such as id).`,
			},
		],
	},
];
