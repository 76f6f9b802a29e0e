// Runs a polling trigger's poll() with n8n-core's PollContext, keeping the node's static
// data between polls as n8n does (and as JSON, so a test can "restart" from a saved copy).
import type { IDataObject, INodeExecutionData, INodeParameters, INodeType, WorkflowExecuteMode } from 'n8n-workflow';
import { PollContext } from 'n8n-core';

import { additionalDataFor } from './additionalData';
import { TestCredentialsHelper, type TestCredential } from './credentialsHelper';
import { setUpN8n } from './setup';
import { buildWorkflow } from './workflow';

export interface RunPollOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials?: Record<string, TestCredential>;
	credentialsHelper?: TestCredentialsHelper;
	/** 'trigger' for a scheduled poll, 'manual' for the editor's test step. */
	mode?: WorkflowExecuteMode;
	/** Workflow static data from the previous poll (JSON); updated in place after the poll. */
	staticData?: IDataObject;
}

export interface RunPollResult {
	items: INodeExecutionData[] | null;
	staticData: IDataObject;
	credentialsHelper: TestCredentialsHelper;
}

export async function runPoll(options: RunPollOptions): Promise<RunPollResult> {
	setUpN8n();
	const credentialsHelper = options.credentialsHelper ?? new TestCredentialsHelper(options.credentials);
	const staticData = JSON.parse(JSON.stringify(options.staticData ?? {})) as IDataObject;
	const { workflow, node } = buildWorkflow({ ...options, credentials: Object.fromEntries(credentialsHelper.store), staticData });
	const mode = options.mode ?? 'trigger';
	const context = new PollContext(workflow, node, additionalDataFor(credentialsHelper), mode, mode === 'manual' ? 'manual' : 'activate');
	const output = await options.nodeType.poll!.call(context);
	const saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	return { items: output ? output[0] : null, staticData: saved, credentialsHelper };
}
