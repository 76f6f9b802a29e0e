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

/** Verify connection: the smallest SuiteQL there is. */
export const connectionTest: ICredentialTestRequest = {
	request: {
		baseURL: REST_ORIGIN_EXPRESSION,
		url: SUITEQL_PATH,
		method: 'POST',
		qs: { limit: 1 },
		headers: { Prefer: 'transient' },
		body: { q: 'SELECT 1 AS ok FROM DUAL' },
		json: true,
	},
};
