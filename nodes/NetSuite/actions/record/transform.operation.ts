// Transform: NetSuite makes a new record from an existing one (a sales order into an invoice, a
// purchase order into an item receipt); the body overrides what the new record takes over.
import type { INodeProperties } from 'n8n-workflow';

import { bodyFields } from '../../fields/body';
import { writeOptionsField } from '../../fields/options';
import { recordIdField, recordTypeField } from '../../fields/record';
import { fillPath } from '../../inputs/path';
import type { Operation, Resource } from '../../operation';
import { transformRequest } from '../transform/run';
import { sendIdempotencyKey, sendRecordBody } from './write';

const targetTypeField: INodeProperties = {
	displayName: 'Target Type',
	name: 'targetType',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The record type to make, for example invoice from a sales order',
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchTransformTargets' } },
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'invoice' },
	],
};

export const transform = (resource: Resource): Operation => ({
	value: 'transform',
	name: 'Transform',
	action: 'Transform a record',
	description: 'Make a new record from an existing one (for example an invoice from a sales order)',
	toolDescription:
		'Make a new NetSuite record from an existing one, such as a sales order into an invoice or item fulfillment, an estimate into a sales order, or a purchase order into an item receipt. Give the source record type, its ID (or eid: and its external ID) and the target type; the body may override fields or lines of the new record. Answers the new internal ID.',
	writes: true,
	...transformRequest('{recordType}', 'id', '{targetType}'),
	preSend: [fillPath(resource), sendRecordBody, sendIdempotencyKey],
	fields: [
		{ ...recordTypeField, displayName: 'Source Type', description: 'The record type to transform, for example salesOrder' },
		recordIdField('Source ID', 'recordId'),
		targetTypeField,
		...bodyFields,
		writeOptionsField(false),
	],
});
