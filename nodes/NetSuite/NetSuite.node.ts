import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty } from '../shared/auth/authentication';
import { credentialTest } from '../shared/auth/connectionTest';
import { searchRecordTypes } from '../shared/api/metadataCatalog';
import { runSuiteQlInWorkflow } from './actions/suiteQl/runInWorkflow';
import { getRecordFields } from './methods/fieldOptions';
import { searchSavedSearches } from './methods/savedSearches';
import { searchTransformTargets } from './methods/transformTargets';
import { resourceProperties } from './resources';

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
		// Written out (the other nodes take netSuiteCredentials): n8n's lint finds a credential's
		// testedBy only in a node's literal credentials list. A test keeps the two equal.
		credentials: [
			{
				name: 'netSuiteClientCredentialsApi',
				required: true,
				testedBy: 'netSuiteConnection',
				displayOptions: { show: { authentication: ['clientCredentials'] } },
			},
			{
				name: 'netSuiteTbaApi',
				required: true,
				testedBy: 'netSuiteConnection',
				displayOptions: { show: { authentication: ['tokenBasedAuth'] } },
			},
			{ name: 'netSuiteOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		requestDefaults: {
			headers: { Accept: 'application/json' },
		},
		properties: [authenticationProperty, ...resourceProperties],
	};

	methods = {
		credentialTest,
		listSearch: { searchRecordTypes, searchSavedSearches, searchTransformTargets },
		loadOptions: { getRecordFields },
	};

	// Workflows run SuiteQL here, past the routing engine's row bound (runInWorkflow.ts); tool
	// calls run the operation's routing (run.operation.ts).
	customOperations = {
		suiteQl: { run: runSuiteQlInWorkflow },
	};
}
