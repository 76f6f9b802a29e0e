// Which record: its type (picker or ID) and its ID (internal, or eid: external).
import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../operation';

export const recordTypeField: INodeProperties = {
	displayName: 'Record Type',
	name: 'recordType',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The NetSuite record type, for example customer, salesOrder or a custom record such as customrecord_project',
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchRecordTypes', searchable: true } },
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'customrecord_project' },
	],
};

export const recordIdField = (displayName = 'Record ID', name = 'recordId'): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	required: true,
	placeholder: '42 or eid:CRM-1000',
	description: 'Internal ID, or eid: followed by the external ID',
});

/** The Record Type input, for resources that do not work on one fixed type. */
export const recordTypeFieldFor = (resource: Resource): INodeProperties[] => (resource.recordType ? [] : [recordTypeField]);
