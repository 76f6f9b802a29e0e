// Runs a node the way n8n does: WorkflowExecute.runNode, so declarative nodes go through
// n8n-core's RoutingNode and programmatic ones through execute().
import {
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
} from 'n8n-workflow';
import { WorkflowExecute } from 'n8n-core';

import { additionalDataFor } from './additionalData';
import { TestCredentialsHelper, type TestCredential } from './credentialsHelper';
import { setUpN8n } from './setup';
import { buildWorkflow } from './workflow';

export interface RunNodeOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials?: Record<string, TestCredential>;
	/** Input items (default: one empty item). */
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** Reuse a helper across runs, e.g. to keep an M2M token between executions. */
	credentialsHelper?: TestCredentialsHelper;
	/** The execution's id; the same id again models n8n running the node again in one execution (Retry On Fail). */
	executionId?: string;
}

export interface RunNodeResult {
	items: INodeExecutionData[];
	error?: Error & { description?: string | null; httpCode?: string | null };
	credentialsHelper: TestCredentialsHelper;
	credentialsData(type: string): ICredentialDataDecryptedObject;
}

export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	setUpN8n();
	const credentialsHelper = options.credentialsHelper ?? new TestCredentialsHelper(options.credentials);
	const { workflow, node } = buildWorkflow({ ...options, credentials: Object.fromEntries(credentialsHelper.store) });
	const additionalData = additionalDataFor(credentialsHelper, options.executionId);
	const runExecutionData = createRunExecutionData();
	const items = options.items ?? [{ json: {} }];
	const executionData = { node, data: { main: [items] }, source: { main: [{ previousNode: 'Start' }] } };
	const result: RunNodeResult = {
		items: [],
		credentialsHelper,
		credentialsData: (type) => credentialsHelper.data(type),
	};
	try {
		const response = await new WorkflowExecute(additionalData, 'manual', runExecutionData).runNode(
			workflow,
			executionData,
			runExecutionData,
			0,
			additionalData,
			'manual',
		);
		result.items = ('data' in response ? (response.data?.[0] ?? []) : []) as INodeExecutionData[];
	} catch (error) {
		result.error = error as RunNodeResult['error'];
	}
	return result;
}
