// The customer fields offered by name, so a builder fills a form instead of writing JSON.
import type { INodeProperties } from 'n8n-workflow';

const customerFields: INodeProperties[] = [
	{ displayName: 'Comments', name: 'comments', type: 'string', default: '' },
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Field ID', name: 'name', type: 'string', default: '', placeholder: 'custentity_region' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
	{
		displayName: 'Entity ID',
		name: 'entityId',
		type: 'string',
		default: '',
		description: "The customer's ID as shown in NetSuite (auto-generated when empty)",
	},
	{ displayName: 'External ID', name: 'externalId', type: 'string', default: '' },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Is Inactive', name: 'isInactive', type: 'boolean', default: false },
	{
		displayName: 'Is Person',
		name: 'isPerson',
		type: 'boolean',
		default: false,
		description: 'Whether the customer is an individual rather than a company',
	},
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	{ displayName: 'Subsidiary ID', name: 'subsidiary', type: 'string', default: '' },
];

export const createFields: INodeProperties[] = [
	{
		displayName: 'Company Name',
		name: 'companyName',
		type: 'string',
		default: '',
		description: 'Required for companies; for individuals set First and Last Name and Is Person',
	},
	{
		displayName: 'Subsidiary ID',
		name: 'subsidiary',
		type: 'string',
		default: '',
		placeholder: '1',
		description: 'Internal ID of the subsidiary (required in OneWorld accounts)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerFields.filter((f) => f.name !== 'companyName' && f.name !== 'subsidiary'),
	},
];

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerFields,
	},
];
