/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// A stand-in for n8n around the NetSuite Webhook Trigger: an HTTP endpoint the emulator's
// script posts to, which runs webhook() the way n8n's LiveWebhooks does (static data read from
// the "database" at the start of each call, saved after it), and the trigger's activation copy.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { NetSuiteWebhookApi } from '../../../credentials/NetSuiteWebhookApi.credentials';
import { SETTLE_SECONDS } from '../../../nodes/NetSuiteTrigger/cursor';
import { NetSuiteWebhookTrigger } from '../../../nodes/NetSuiteWebhookTrigger/NetSuiteWebhookTrigger.node';
import { forgetMemory } from '../../../nodes/NetSuiteWebhookTrigger/ledger';
import type { RunningEmulator } from '../../emulator';
import { activateTrigger, runWebhook, type ActiveTrigger, type NodeUnderTest, type WebhookOutcome } from '../../harness/runWebhook';
import { credentialsFor } from '../credentials';

export const SECRET = 'rig-secret-0123456789abcdef0123456789abcdef';
export const SECRET_ID = 'custsecret_n8n_webhook';
export const RIG_WEBHOOK_ID = 'rig-hook';

export interface Delivered {
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	outcome: WebhookOutcome;
}

export class PushRig {
	/** The workflow's static data as n8n's database holds it. */
	db: IDataObject = {};
	/** Items that started an execution, by push or by catch-up, in order. */
	readonly executions: INodeExecutionData[] = [];
	readonly delivered: Delivered[] = [];
	trigger: ActiveTrigger | undefined;
	private server: Server | undefined;
	url = '';
	readonly test: NodeUnderTest;

	/** The trigger's own webhook path, as n8n builds it from the node's webhookId. */
	readonly path: string;

	constructor(
		private readonly emulator: RunningEmulator,
		parameters: INodeParameters = {},
		options: { webhookId?: string; workflowId?: string } = {},
	) {
		const webhookId = options.webhookId ?? RIG_WEBHOOK_ID;
		this.path = `${webhookId}/netsuite`;
		this.test = {
			nodeType: new NetSuiteWebhookTrigger(),
			webhookId,
			workflowId: options.workflowId,
			parameters: { authentication: 'tokenBasedAuth', recordTypes: 'customer', catchUp: true, catchUpMinutes: 5, ...parameters },
			credentials: { ...credentialsFor(emulator), netSuiteWebhookApi: { type: new NetSuiteWebhookApi(), data: { secret: SECRET } } },
		};
	}

	/** Start "n8n": the webhook answers and the trigger activates (its first catch-up runs). */
	async start(): Promise<void> {
		this.server = createServer((req, res) => {
			// Like n8n, only this trigger's production and test URLs reach it.
			const route = (req.url ?? '').split('?')[0];
			if (route !== `/webhook/${this.path}` && route !== `/webhook-test/${this.path}`) {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ code: 404, message: `The requested webhook "POST ${route}" is not registered.` }));
				return;
			}
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const rawBody = Buffer.concat(chunks);
				void this.call({ headers: req.headers, rawBody }).then(
					(outcome) => {
						res.writeHead(outcome.status ?? 200, { 'content-type': 'application/json' });
						res.end(JSON.stringify(outcome.answer ?? {}));
					},
					() => {
						res.writeHead(500);
						res.end();
					},
				);
			});
		});
		await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook/${this.path}`;
		this.trigger = await activateTrigger(this.test, this.db);
		this.saveTriggerCopy();
	}

	/** Stop "n8n": the port closes and the process memory is gone. */
	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (server) {
			server.closeAllConnections();
			await new Promise<void>((r) => server.close(() => r()));
		}
		this.trigger = undefined;
		forgetMemory();
	}

	/** One webhook call as n8n runs it; the executions it starts are recorded. */
	async call(request: { headers: IncomingHttpHeaders; rawBody: Buffer }): Promise<WebhookOutcome> {
		const outcome = await runWebhook(this.test, request, this.db);
		this.db = outcome.staticData;
		this.executions.push(...outcome.items);
		this.delivered.push({ ...request, outcome });
		return outcome;
	}

	/**
	 * A scheduled catch-up run; n8n saves the activation's copy when it emits. Runs are minutes
	 * apart: NetSuite's clock moves on at least the settling margin first (the catch-up reads a
	 * newest second once the clock has passed a sighting of it by that much; cursor.ts).
	 */
	async tick(): Promise<void> {
		this.emulator.clock.advance(SETTLE_SECONDS * 1000);
		await this.trigger!.tick();
		if (this.trigger!.emitted.length) this.saveTriggerCopy();
	}

	private saveTriggerCopy(): void {
		for (const items of this.trigger!.emitted) this.executions.push(...items);
		this.trigger!.emitted.splice(0);
		this.db = this.trigger!.staticData();
	}

	deployScript(recordTypes = ['customer'], options: { keepOthers?: boolean } = {}): void {
		if (!options.keepOthers) this.emulator.scripts.undeployAll();
		this.emulator.scripts.setSecret(SECRET_ID, SECRET);
		this.emulator.scripts.deploy({
			recordTypes,
			params: { custscript_n8n_webhook_url: this.url, custscript_n8n_webhook_secret: SECRET_ID },
		});
	}
}
