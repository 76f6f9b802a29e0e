import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, netSuiteCredentials } from '../shared/authentication';
import { connectionOperations } from './descriptions/ConnectionDescription';
import { suiteQlFields, suiteQlOperations } from './descriptions/SuiteQlDescription';

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
					{ name: 'SuiteQL', value: 'suiteQl' },
				],
				default: 'suiteQl',
			},
			...connectionOperations,
			...suiteQlOperations,
			...suiteQlFields,
		],
	};
}
