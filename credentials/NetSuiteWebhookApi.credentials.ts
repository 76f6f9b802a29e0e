import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

// The secret NetSuite's webhook script signs with. It lives in an n8n credential (encrypted at
// rest, never in the workflow JSON) and, on the NetSuite side, in an API Secret the script
// reads through N/crypto. It signs nothing n8n sends, so there is no request to test it with:
// the NetSuite Webhook Trigger checks its strength instead (testedBy).
export class NetSuiteWebhookApi implements ICredentialType {
	name = 'netSuiteWebhookApi';

	displayName = 'NetSuite Webhook Secret API';

	icon: Icon = { light: 'file:../icons/netsuite.svg', dark: 'file:../icons/netsuite.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-suitetalk#instant-trigger';

	properties: INodeProperties[] = [
		{
			displayName:
				'Paste the same value into NetSuite at Setup > Company > API Secrets (see the package README, "Instant trigger"). Use at least 32 random characters, e.g. the output of: openssl rand -hex 32',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{ displayName: 'Shared Secret', name: 'secret', type: 'string', typeOptions: { password: true }, default: '', required: true },
	];
}
