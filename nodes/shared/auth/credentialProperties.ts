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

/** Points every request at another origin (tests, the demo, the local NetSuite emulator). */
export const baseUrlOverrideProperty: INodeProperties = {
	displayName: 'Base URL Override',
	name: 'baseUrlOverride',
	type: 'hidden',
	default: '',
};

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
