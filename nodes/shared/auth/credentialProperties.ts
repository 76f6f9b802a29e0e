// Fields every NetSuite credential shares.
import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

import { REST_ORIGIN_EXPRESSION, SUITEQL_PATH } from './account';

export const accountIdProperty: INodeProperties = {
	displayName: 'Account ID',
	name: 'accountId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '1234567 or 1234567_SB1',
	description: 'Setup > Company > Company Information > Account ID. Sandboxes end in _SB1, _SB2, ….',
};

/**
 * Sends every request to a test server instead of NetSuite: the package's emulator (`npm run
 * demo`), or a test's proxy. Off by default, and only while it is on does the URL count (a URL
 * left behind in the stored data is ignored once it is off); the field keeps its old internal
 * name, baseUrlOverride, which credentials imported by earlier versions of the demo carry.
 */
export const testServerProperties: INodeProperties[] = [
	{
		displayName: 'Use a Test Server',
		name: 'useTestServer',
		type: 'boolean',
		default: false,
		description:
			"Whether to send every request to a test server, such as the package's NetSuite emulator (npm run demo), instead of NetSuite. Leave off for a NetSuite account: its hosts come from the Account ID.",
	},
	{
		displayName: 'Test Server URL',
		name: 'baseUrlOverride',
		type: 'string',
		default: '',
		placeholder: 'http://127.0.0.1:8787',
		description: 'The server every request goes to instead of NetSuite. The credential signs for it: use only a server you run.',
		displayOptions: { show: { useTestServer: [true] } },
	},
];

/**
 * OAuth2's Verify connection: the smallest SuiteQL there is. n8n tests a credential that extends
 * oAuth2Api with this request or not at all (a node's custom test is never asked), so the
 * causes it can name are the status codes' (`rules`); TBA and M2M get connectionTest.ts.
 */
export const oauth2ConnectionTest: ICredentialTestRequest = {
	request: {
		baseURL: REST_ORIGIN_EXPRESSION,
		url: SUITEQL_PATH,
		method: 'POST',
		qs: { limit: 1 },
		headers: { Prefer: 'transient' },
		body: { q: 'SELECT 1 AS ok FROM DUAL' },
		json: true,
	},
	rules: [
		{
			type: 'responseCode',
			properties: {
				value: 401,
				message:
					'NetSuite refused the access token (INVALID_LOGIN): click Reconnect. If it persists, check Client ID and Client Secret against the integration record and that the Account ID is the one you signed in to (a sandbox ends in _SB1)',
			},
		},
		{
			type: 'responseCode',
			properties: {
				value: 403,
				message:
					"NetSuite accepted the login, but the role may not run the test query: give the credential's role the REST Web Services and SuiteAnalytics Workbook permissions (Setup > Users/Roles > Manage Roles)",
			},
		},
	],
};
