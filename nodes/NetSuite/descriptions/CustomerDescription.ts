import type { INodeProperties } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../shared/auth/account';
import { netSuiteRouting, writeRouting } from '../routing';
import { createCustomer, updateCustomer } from '../runners/customer';
import { getRecord, listRecords } from '../runners/records';
import { getOptionsField, listFields, operation, operationsField, recordIdField, writeOptionsField } from './common';

const on = (...operations: string[]) => ({ show: { resource: ['customer'], operation: operations } });
const path = `${RECORD_BASE_PATH}/customer`;

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
	{ displayName: 'Entity ID', name: 'entityId', type: 'string', default: '', description: 'The customer\'s ID as shown in NetSuite (auto-generated when empty)' },
	{ displayName: 'External ID', name: 'externalId', type: 'string', default: '' },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Is Inactive', name: 'isInactive', type: 'boolean', default: false },
	{ displayName: 'Is Person', name: 'isPerson', type: 'boolean', default: false, description: 'Whether the customer is an individual rather than a company' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	{ displayName: 'Subsidiary ID', name: 'subsidiary', type: 'string', default: '' },
];

export const customerOperations: INodeProperties[] = [
	operationsField(
		'customer',
		[
			operation('Create', 'create', 'Create a customer', 'Create a customer', writeRouting('POST', path, createCustomer)),
			operation('Get', 'get', 'Get a customer', 'Get a customer by internal or external ID', netSuiteRouting('GET', path, getRecord)),
			operation('List', 'list', 'List customers', 'List customers, optionally filtered', netSuiteRouting('GET', path, listRecords)),
			operation('Update', 'update', 'Update a customer', 'Change fields of a customer', writeRouting('PATCH', path, updateCustomer)),
		],
		'get',
	),
];

export const customerFieldsDescription: INodeProperties[] = [
	recordIdField(on('get', 'update'), 'Customer ID'),
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '', displayOptions: on('create'), description: 'Required for companies; for individuals set First and Last Name and Is Person' },
	{
		displayName: 'Subsidiary ID',
		name: 'subsidiary',
		type: 'string',
		default: '',
		placeholder: '1',
		description: 'Internal ID of the subsidiary (required in OneWorld accounts)',
		displayOptions: on('create'),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: on('create'),
		options: customerFields.filter((f) => f.name !== 'companyName' && f.name !== 'subsidiary'),
	},
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('update'), options: customerFields },
	...listFields(on('list')),
	getOptionsField(on('get')),
	writeOptionsField(on('create', 'update'), false),
];
