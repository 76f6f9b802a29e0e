// Every resource of the NetSuite node, declared once: its name, the record type it works on
// (when fixed) and its operations. The Resource menu, each resource's Operation menu, every
// operation's fields with the displayOptions that show them, the tool descriptions and the record
// type behind a resource are all derived from this list.
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getServerTime } from './actions/connection/getServerTime.operation';
import { verify } from './actions/connection/verify.operation';
import { create as createCustomer } from './actions/customer/create.operation';
import { update as updateCustomer } from './actions/customer/update.operation';
import { createFromSalesOrder } from './actions/invoice/createFromSalesOrder.operation';
import { get as getItem } from './actions/item/get.operation';
import { list as listItems } from './actions/item/list.operation';
import { create as createFulfillment } from './actions/itemFulfillment/create.operation';
import { getRecordMetadata } from './actions/metadata/getRecordMetadata.operation';
import { getSelectOptions } from './actions/metadata/getSelectOptions.operation';
import { listRecordTypes } from './actions/metadata/listRecordTypes.operation';
import { attach } from './actions/record/attach.operation';
import { create } from './actions/record/create.operation';
import { deleteRecord } from './actions/record/delete.operation';
import { detach } from './actions/record/detach.operation';
import { get } from './actions/record/get.operation';
import { list } from './actions/record/list.operation';
import { transform } from './actions/record/transform.operation';
import { update } from './actions/record/update.operation';
import { upsert } from './actions/record/upsert.operation';
import { list as listSavedSearches } from './actions/savedSearch/list.operation';
import { run as runSavedSearch } from './actions/savedSearch/run.operation';
import { addLine } from './actions/sublist/addLine.operation';
import { get as getSublist } from './actions/sublist/get.operation';
import { run as runSuiteQl } from './actions/suiteQl/run.operation';
import { mergeSharedFields } from './fields/merge';
import { routingOf, type Operation, type Resource } from './operation';

export const RESOURCES: Resource[] = [
	{
		value: 'connection',
		name: 'Connection',
		singular: 'the connection',
		plural: 'connections',
		operations: [getServerTime, verify],
		defaultOperation: 'verify',
	},
	{
		value: 'customer',
		name: 'Customer',
		recordType: 'customer',
		singular: 'a customer',
		plural: 'customers',
		operations: [createCustomer, get, list, updateCustomer],
		defaultOperation: 'get',
	},
	{
		value: 'invoice',
		name: 'Invoice',
		recordType: 'invoice',
		singular: 'an invoice',
		plural: 'invoices',
		toolHint: ' with its lines',
		operations: [createFromSalesOrder, get, list],
		defaultOperation: 'get',
	},
	{ value: 'item', name: 'Item', singular: 'an item', plural: 'items', operations: [getItem, listItems], defaultOperation: 'get' },
	{
		value: 'itemFulfillment',
		name: 'Item Fulfillment',
		recordType: 'itemFulfillment',
		singular: 'an item fulfillment',
		plural: 'item fulfillments',
		toolHint: ' with its lines',
		operations: [createFulfillment, get, list],
		defaultOperation: 'get',
	},
	{
		value: 'metadata',
		name: 'Metadata',
		singular: 'a record type',
		plural: 'record types',
		operations: [getRecordMetadata, getSelectOptions, listRecordTypes],
		defaultOperation: 'listRecordTypes',
	},
	{
		value: 'record',
		name: 'Record',
		singular: 'a record',
		plural: 'records',
		operations: [attach, create, deleteRecord, detach, get, list, transform, update, upsert],
		defaultOperation: 'get',
	},
	{
		value: 'salesOrder',
		name: 'Sales Order',
		recordType: 'salesOrder',
		singular: 'a sales order',
		plural: 'sales orders',
		toolHint: ' with its lines',
		operations: [get, list],
		defaultOperation: 'get',
	},
	{
		value: 'savedSearch',
		name: 'Saved Search',
		singular: 'a saved search',
		plural: 'saved searches',
		operations: [listSavedSearches, runSavedSearch],
		defaultOperation: 'run',
	},
	{
		value: 'sublist',
		name: 'Sublist',
		singular: 'a sublist',
		plural: 'sublists',
		operations: [addLine, getSublist],
		defaultOperation: 'get',
	},
	{ value: 'suiteQl', name: 'SuiteQL', singular: 'a query', plural: 'queries', operations: [runSuiteQl], defaultOperation: 'run' },
];

/** The record type a resource always works on (Customer → customer), if it has one. */
export function recordTypeOfResource(resource: string): string | undefined {
	return RESOURCES.find((r) => r.value === resource)?.recordType;
}

/** Every operation of every resource, built once. */
export const OPERATIONS: Array<{ resource: Resource; operation: Operation }> = RESOURCES.flatMap((resource) =>
	resource.operations.map((make) => ({ resource, operation: make(resource) })),
);

const resourceField: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: RESOURCES.map(({ name, value }) => ({ name, value })),
	default: 'record',
};

function operationField(resource: Resource): INodeProperties {
	const options: INodePropertyOptions[] = OPERATIONS.filter((o) => o.resource === resource).map(({ operation }) => ({
		name: operation.name,
		value: operation.value,
		action: operation.action,
		description: operation.description,
		routing: routingOf(operation),
	}));
	const firstShown = resource.defaultOperation;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options,
		default: firstShown,
	};
}

/** An operation's field, shown for it: its own displayOptions narrowed to the resource and operation. */
function shownFor(field: INodeProperties, resource: Resource, operation: Operation): INodeProperties {
	const show = { ...field.displayOptions?.show, resource: [resource.value], operation: [operation.value] };
	return { ...field, displayOptions: { ...field.displayOptions, show } };
}

/** What an AI model reads about the operation; only the tool variant shows it ('@tool'). */
function toolDescriptionField(resource: Resource, operation: Operation): INodeProperties[] {
	const text = operation.toolDescription;
	if (!text) return [];
	return [
		{
			displayName: 'Tool Description',
			name: 'toolDescription',
			type: 'string',
			typeOptions: { rows: 4 },
			default: text,
			description: 'What the AI model reads about this tool: what it does in NetSuite and how to fill its inputs',
			displayOptions: { show: { '@tool': [true], resource: [resource.value], operation: [operation.value] } },
		},
	];
}

/** The node's properties after the authentication selector: resources, operations, fields. */
export const resourceProperties: INodeProperties[] = [
	resourceField,
	...RESOURCES.map(operationField),
	...mergeSharedFields(
		OPERATIONS.flatMap(({ resource, operation }) =>
			operation.fields.map((field) => ({
				property: shownFor(field, resource, operation),
				operation: `${resource.value}.${operation.value}`,
			})),
		),
	),
	...OPERATIONS.flatMap(({ resource, operation }) => toolDescriptionField(resource, operation)),
];
