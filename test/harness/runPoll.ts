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

/**
 * One activation of an active workflow, as n8n keeps it: n8n-core builds the Workflow (with
 * its static data) and the poll functions once at activation and reuses them for every cron
 * tick (active-workflow-triggers.js, activatePollTrigger), so polls of one activation share
 * one static data object and may run side by side.
 */
export class ActivePoller {
	private readonly workflow;
	private readonly context: PollContext;

	constructor(
		private readonly options: Omit<RunPollOptions, 'mode'>,
		saved: IDataObject = {},
	) {
		setUpN8n();
		const credentialsHelper = options.credentialsHelper ?? new TestCredentialsHelper(options.credentials);
		const staticData = JSON.parse(JSON.stringify(saved)) as IDataObject;
		const built = buildWorkflow({ ...options, credentials: Object.fromEntries(credentialsHelper.store), staticData });
		this.workflow = built.workflow;
		this.context = new PollContext(built.workflow, built.node, additionalDataFor(credentialsHelper), 'trigger', 'activate');
	}

	/** One tick: the node's poll() on the shared context. */
	async poll(): Promise<INodeExecutionData[] | null> {
		const output = await this.options.nodeType.poll!.call(this.context);
		return output ? output[0] : null;
	}

	/** The static data as n8n would save it now. */
	staticData(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
	}
}
