import type { INodeProperties } from 'n8n-workflow';

import { SUITEQL_PATH } from '../../shared/auth/account';
import { netSuiteRouting } from '../routing';
import { verifyConnection } from '../runners/verify';

const showFor = { show: { resource: ['connection'] } };

export const connectionOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: showFor,
		options: [
			{
				name: 'Verify',
				value: 'verify',
				action: 'Verify the connection',
				description: 'Run a trivial SuiteQL query and return the account ID and authentication used',
				routing: netSuiteRouting('POST', SUITEQL_PATH, verifyConnection),
			},
		],
		default: 'verify',
	},
];
