/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// Runs a webhook trigger's webhook() and trigger() with n8n-core's WebhookContext and
// TriggerContext, over a Workflow whose static data the test owns (so it can play n8n's two
// copies: the one a webhook call loads from the database, and the activation's own).
import type { IncomingHttpHeaders } from 'node:http';

import {
	NodeHelpers,
	type IDataObject,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IWebhookData,
	type IWebhookResponseData,
	type Workflow,
} from 'n8n-workflow';
import { TriggerContext, WebhookContext } from 'n8n-core';

import { additionalDataFor } from './additionalData';
import { TestCredentialsHelper, type TestCredential } from './credentialsHelper';
import { setUpN8n } from './setup';
import { buildWorkflow } from './workflow';

export interface WebhookCall {
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
}

export interface WebhookOutcome {
	status: number | undefined;
	answer: unknown;
	result: IWebhookResponseData;
	items: INodeExecutionData[];
	/** The static data as n8n would save it after the call. */
	staticData: IDataObject;
}

export interface NodeUnderTest {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials: Record<string, TestCredential>;
	webhookId?: string;
	workflowId?: string;
}

function workflowFor(
	test: NodeUnderTest,
	staticData: IDataObject,
): { workflow: Workflow; credentialsHelper: TestCredentialsHelper; node: ReturnType<typeof buildWorkflow>['node'] } {
	setUpN8n();
	const credentialsHelper = new TestCredentialsHelper(test.credentials);
	const { workflow, node } = buildWorkflow({
		...test,
		credentials: Object.fromEntries(credentialsHelper.store),
		staticData: JSON.parse(JSON.stringify(staticData)) as IDataObject,
	});
	return { workflow, node, credentialsHelper };
}

/** One POST to the production webhook, as n8n's LiveWebhooks runs it (fresh static data each call). */
export async function runWebhook(test: NodeUnderTest, call: WebhookCall, staticData: IDataObject): Promise<WebhookOutcome> {
	const { workflow, node, credentialsHelper } = workflowFor(test, staticData);
	let status: number | undefined;
	let body = '';
	const httpResponse = {
		writeHead: (code: number) => (status = code),
		end: (text: string) => (body = text),
	};
	let parsed: unknown = {};
	try {
		parsed = JSON.parse(call.rawBody.toString('utf8'));
	} catch {
		parsed = {};
	}
	const httpRequest = { headers: call.headers, body: parsed, rawBody: call.rawBody, params: {}, query: {} };
	const additionalData = { ...additionalDataFor(credentialsHelper), httpRequest, httpResponse } as never;
	const webhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: NodeHelpers.getNodeWebhookPath(workflow.id, node, test.nodeType.description.webhooks![0].path as string),
		webhookDescription: test.nodeType.description.webhooks![0],
		workflowId: workflow.id,
	} as unknown as IWebhookData;
	const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
	const result = await test.nodeType.webhook!.call(context);
	return {
		status,
		answer: body ? JSON.parse(body) : undefined,
		result,
		items: result.workflowData?.[0] ?? [],
		staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
	};
}

export interface ActiveTrigger {
	/** Items of each emit, in order. */
	emitted: INodeExecutionData[][];
	/** The activation's copy of the static data (n8n saves it on emit). */
	staticData(): IDataObject;
	/** Runs the scheduled catch-up once, as the cron would. */
	tick(): Promise<void>;
	failures: Error[];
}

/** Activates the trigger: trigger() runs (its first catch-up included) and its cron is captured. */
export async function activateTrigger(test: NodeUnderTest, staticData: IDataObject): Promise<ActiveTrigger> {
	const { workflow, node, credentialsHelper } = workflowFor(test, staticData);
	const emitted: INodeExecutionData[][] = [];
	const failures: Error[] = [];
	let onTick: (() => void) | undefined;
	const scheduling = { registerCron: (_cron: unknown, cb: () => void) => (onTick = cb) };
	const context = new TriggerContext(
		workflow,
		node,
		additionalDataFor(credentialsHelper),
		'trigger',
		'activate',
		(data: INodeExecutionData[][]) => emitted.push(data[0]),
		(error: Error) => failures.push(error),
		(error: Error) => failures.push(error),
		scheduling as never,
	);
	await test.nodeType.trigger!.call(context);
	return {
		emitted,
		failures,
		staticData: () => JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
		tick: async () => {
			const before = emitted.length;
			onTick?.();
			// The tick is fire-and-forget in n8n; wait until its run has finished.
			for (let i = 0; i < 60 && emitted.length === before; i++) await new Promise((r) => setTimeout(r, 10));
		},
	};
}
