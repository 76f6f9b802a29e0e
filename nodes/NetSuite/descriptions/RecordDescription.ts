import type { INodeProperties } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../shared/auth/account';
import { netSuiteRouting, writeRouting } from '../routing';
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord, upsertRecord } from '../runners/records';
import { bodyFields, getOptionsField, listFields, operation, operationsField, recordIdField, recordTypeField, writeOptionsField } from './common';

const on = (...operations: string[]) => ({ show: { resource: ['record'], operation: operations } });
const path = `=${RECORD_BASE_PATH}/{{ $parameter.recordType.value ?? $parameter.recordType }}`;

export const recordOperations: INodeProperties[] = [
	operationsField(
		'record',
		[
			operation('Create', 'create', 'Create a record', 'Create a record of any type', writeRouting('POST', path, createRecord)),
			operation('Delete', 'delete', 'Delete a record', 'Delete a record by internal or external ID', writeRouting('DELETE', path, deleteRecord)),
			operation('Get', 'get', 'Get a record', 'Get a record by internal or external ID', netSuiteRouting('GET', path, getRecord)),
			operation('List', 'list', 'List records', 'List records of a type, optionally filtered', netSuiteRouting('GET', path, listRecords)),
			operation('Update', 'update', 'Update a record', 'Change fields of a record (PATCH)', writeRouting('PATCH', path, updateRecord)),
			operation('Upsert', 'upsert', 'Create or update a record by external ID', 'Create the record with this external ID, or update it if it exists', writeRouting('PUT', path, upsertRecord)),
		],
		'get',
	),
];

export const recordFields: INodeProperties[] = [
	recordTypeField(on('create', 'delete', 'get', 'list', 'update', 'upsert')),
	recordIdField(on('delete', 'get', 'update')),
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		required: true,
		description: 'The external ID that identifies the record; running again updates the same record',
		displayOptions: on('upsert'),
	},
	...listFields(on('list')),
	getOptionsField(on('get')),
	...bodyFields(on('create', 'update', 'upsert')),
	writeOptionsField(on('create'), false),
	writeOptionsField(on('update', 'upsert'), true),
];
