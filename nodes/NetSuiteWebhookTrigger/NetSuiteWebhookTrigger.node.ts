import {
	NodeConnectionTypes,
	type ICredentialTestFunctions,
	type ICredentialsDecrypted,
	type IHookFunctions,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypeDescription,
	type ITriggerFunctions,
	type ITriggerResponse,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { netSuiteCredentials } from '../shared/auth/authentication';
import { credentialTest } from '../shared/auth/connectionTest';
import { startCatchUp } from './catchUpSchedule';
import { webhookTriggerProperties } from './description';
import { MIN_SECRET_LENGTH, receivePush } from './receivePush';
import { WEBHOOK_PATH } from './webhookPath';

export class NetSuiteWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NetSuite Webhook Trigger',
		name: 'netSuiteWebhookTrigger',
		icon: { light: 'file:../../icons/netsuite.svg', dark: 'file:../../icons/netsuite.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Instant: " + $parameter["recordTypes"] }}',
		description:
			'Starts the workflow the moment NetSuite saves a record (pushed by a SuiteScript), with a catch-up so nothing is lost while n8n is down',
		defaults: { name: 'NetSuite Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [...netSuiteCredentials, { name: 'netSuiteWebhookApi', required: true, testedBy: 'netSuiteWebhookSecretStrength' }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: WEBHOOK_PATH }],
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
			...credentialTest,
			// The secret signs nothing n8n sends, so "testing" it means checking it is strong enough.
			async netSuiteWebhookSecretStrength(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const secret = String(credential.data?.secret ?? '');
				return secret.length >= MIN_SECRET_LENGTH
					? { status: 'OK', message: 'The secret is long enough' }
					: { status: 'Error', message: `Shared Secret must have at least ${MIN_SECRET_LENGTH} characters` };
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receivePush.call(this);
	}

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return await startCatchUp.call(this);
	}
}
