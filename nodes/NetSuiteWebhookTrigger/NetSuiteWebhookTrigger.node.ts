import {
	NodeConnectionTypes,
	NodeOperationError,
	type ICredentialTestFunctions,
	type ICredentialsDecrypted,
	type IDataObject,
	type IHookFunctions,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type ITriggerFunctions,
	type ITriggerResponse,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { netSuiteCredentials } from '../shared/authentication';
import { catchUp } from './catchUp';
import { DEFAULT_REPLAY_WINDOW_SECONDS, eventWanted, parseRecordTypes, webhookTriggerProperties } from './description';
import { toItem } from './items';
import { Ledger } from './ledger';
import { changeKey, parsePushEvent } from './pushEvent';
import { checkSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';

const MIN_SECRET_LENGTH = 32;

/** The part of n8n's (express) response object this node uses. */
interface PlainResponse {
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

function answer(ctx: IWebhookFunctions, status: number, body: IDataObject): void {
	const res = ctx.getResponseObject() as unknown as PlainResponse;
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(body));
}

/** One ledger per workflow and node; the same in the webhook and the trigger paths. */
function ledgerFor(ctx: IWebhookFunctions | ITriggerFunctions): Ledger {
	const node = ctx.getNode();
	return new Ledger(`${ctx.getWorkflow().id ?? ''}:${node.id ?? node.name}`, ctx.getWorkflowStaticData('node'));
}

function replayWindow(ctx: IWebhookFunctions | ITriggerFunctions): number {
	const options = ctx.getNodeParameter('options', {}) as { replayWindowSeconds?: number };
	return options.replayWindowSeconds ?? DEFAULT_REPLAY_WINDOW_SECONDS;
}

function recordTypesOf(ctx: IWebhookFunctions | ITriggerFunctions): string[] {
	const types = parseRecordTypes(ctx.getNodeParameter('recordTypes', ''));
	if (!Array.isArray(types)) throw new NodeOperationError(ctx.getNode(), types.error);
	return types;
}

export class NetSuiteWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NetSuite Webhook Trigger',
		name: 'netSuiteWebhookTrigger',
		icon: { light: 'file:../../icons/netsuite.svg', dark: 'file:../../icons/netsuite.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Instant: " + $parameter["recordTypes"] }}',
		description: 'Starts the workflow the moment NetSuite saves a record (pushed by a SuiteScript), with a catch-up so nothing is lost while n8n is down',
		defaults: { name: 'NetSuite Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [...netSuiteCredentials, { name: 'netSuiteWebhookApi', required: true, testedBy: 'netSuiteWebhookSecretStrength' }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'netsuite' }],
		properties: webhookTriggerProperties,
	};

	// NetSuite has no API to subscribe a URL: an administrator deploys the script and gives it
	// the Production URL once (README, "Instant trigger"). So there is nothing to register or
	// remove on activation; the URL stays the same across activations.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	methods = {
		credentialTest: {
			// The secret signs nothing n8n sends, so "testing" it means checking it is strong enough.
			async netSuiteWebhookSecretStrength(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const secret = String(credential.data?.secret ?? '');
				return secret.length >= MIN_SECRET_LENGTH
					? { status: 'OK', message: 'The secret is long enough' }
					: { status: 'Error', message: `Shared Secret must have at least ${MIN_SECRET_LENGTH} characters` };
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const refuse = (status: number, error: string): IWebhookResponseData => {
			answer(this, status, { error });
			// No workflowData: n8n starts no execution.
			return { noWebhookResponse: true };
		};
		const secret = String((await this.getCredentials('netSuiteWebhookApi')).secret ?? '');
		if (secret.length < MIN_SECRET_LENGTH) return refuse(401, 'The webhook credential has no usable secret');
		const headers = this.getHeaderData();
		const rawBody = (this.getRequestObject() as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
		const window = replayWindow(this);
		const refusal = checkSignature(secret, { timestamp: headers[TIMESTAMP_HEADER], signature: headers[SIGNATURE_HEADER], rawBody }, Math.floor(Date.now() / 1000), window);
		if (refusal) return refuse(401, `Signature refused: ${refusal}`);

		const ledger = ledgerFor(this);
		if (!ledger.claimSignature(String(headers[SIGNATURE_HEADER]).toLowerCase(), Number(headers[TIMESTAMP_HEADER]))) {
			ledger.save(window);
			return refuse(401, 'Signature refused: replayed');
		}
		const event = parsePushEvent(this.getBodyData());
		if ('error' in event) {
			ledger.save(window);
			return refuse(400, event.error);
		}
		const types = recordTypesOf(this).map((t) => t.toLowerCase());
		const wanted = types.includes(event.recordType.toLowerCase()) && eventWanted(event.event, this.getNodeParameter('events', []) as string[]);
		// Claimed even when filtered out, so the catch-up does not emit it later either.
		const key = changeKey(event);
		const fresh = key === undefined || ledger.claim(key);
		ledger.save(window);
		if (!wanted || !fresh) {
			// Genuine, so NetSuite's script is told it arrived; it just starts nothing.
			answer(this, 200, { received: true, ignored: wanted ? 'already received' : 'not selected by this trigger' });
			return { noWebhookResponse: true };
		}

		// Answer before any NetSuite call: the script (and the user's save) waits for this answer.
		answer(this, 200, { received: true });
		const item: INodeExecutionData = await toItem(this, event, this.getNodeParameter('output', 'event') === 'full');
		return { noWebhookResponse: true, workflowData: [[item]] };
	}

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		// The editor's "listen for test event" waits on the test webhook; catch-up is for active workflows.
		if (this.getMode() === 'manual' || !this.getNodeParameter('catchUp', true)) return {};
		const recordTypes = recordTypesOf(this);
		const wantedEvents = this.getNodeParameter('events', []) as string[];
		const full = this.getNodeParameter('output', 'event') === 'full';
		const minutes = Math.min(59, Math.max(1, Math.floor(Number(this.getNodeParameter('catchUpMinutes', 15)))));
		let running = false;
		const run = async () => {
			if (running) return;
			running = true;
			try {
				const startedAt = Date.now();
				const ledger = ledgerFor(this);
				const events = (await catchUp(this, ledger, recordTypes, wantedEvents.includes('delete'))).filter((e) => eventWanted(e.event, wantedEvents));
				ledger.caughtUp(startedAt);
				ledger.save(replayWindow(this));
				// emit() saves the static data (cursor and claimed keys) before the workflow runs.
				if (events.length) this.emit([await Promise.all(events.map((e) => toItem(this, e, full)))]);
			} catch (error) {
				// The push keeps working; the next run retries from the same cursor.
				this.logger.warn(`NetSuite Webhook Trigger catch-up failed: ${(error as Error).message}`);
				if (typeof this.saveFailedExecution === 'function') this.saveFailedExecution(new NodeOperationError(this.getNode(), error as Error));
			} finally {
				running = false;
			}
		};
		// On activation, before n8n saves the static data it runs activation with.
		await run();
		this.helpers.registerCron({ expression: `${Math.floor(Math.random() * 60)} */${minutes} * * * *` }, () => void run());
		return {};
	}
}
