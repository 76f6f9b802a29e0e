import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, netSuiteCredentials } from '../shared/auth/authentication';
import { searchRecordTypes } from '../shared/api/metadataCatalog';
import { getRecordFields } from './fieldOptions';
import { runSuiteQlOperation } from './runners/suiteQlOperation';
import { connectionOperations } from './descriptions/ConnectionDescription';
import { customerFieldsDescription, customerOperations } from './descriptions/CustomerDescription';
import { itemDescription } from './descriptions/ItemDescription';
import { itemFulfillmentDescription } from './descriptions/ItemFulfillmentDescription';
import { metadataDescription } from './descriptions/MetadataDescription';
import { recordFields, recordOperations } from './descriptions/RecordDescription';
import { sublistDescription } from './descriptions/SublistDescription';
import { suiteQlFields, suiteQlOperations } from './descriptions/SuiteQlDescription';
import { toolDescriptionFields } from './descriptions/ToolDescriptions';
import { invoiceDescription, salesOrderDescription } from './descriptions/TransactionDescriptions';

export class NetSuite implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NetSuite',
		name: 'netSuite',
		icon: { light: 'file:../../icons/netsuite.svg', dark: 'file:../../icons/netsuite.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Read and write Oracle NetSuite records and run SuiteQL (SuiteTalk REST)',
		defaults: { name: 'NetSuite' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: netSuiteCredentials,
		requestDefaults: {
			headers: { Accept: 'application/json' },
		},
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Connection', value: 'connection' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Invoice', value: 'invoice' },
					{ name: 'Item', value: 'item' },
					{ name: 'Item Fulfillment', value: 'itemFulfillment' },
					{ name: 'Metadata', value: 'metadata' },
					{ name: 'Record', value: 'record' },
					{ name: 'Sales Order', value: 'salesOrder' },
					{ name: 'Sublist', value: 'sublist' },
					{ name: 'SuiteQL', value: 'suiteQl' },
				],
				default: 'record',
			},
			...connectionOperations,
			...customerOperations,
			...customerFieldsDescription,
			...invoiceDescription,
			...itemDescription,
			...itemFulfillmentDescription,
			...metadataDescription,
			...recordOperations,
			...recordFields,
			...salesOrderDescription,
			...sublistDescription,
			...suiteQlOperations,
			...suiteQlFields,
			...toolDescriptionFields,
		],
	};

	methods = {
		listSearch: { searchRecordTypes },
		loadOptions: { getRecordFields },
	};

	customOperations = {
		suiteQl: { run: runSuiteQlOperation },
	};
}
