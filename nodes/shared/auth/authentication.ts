// The three ways to sign in, as every node offers them (n8n picks the credential by the
// parameter named `authentication`).
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { CONNECTION_TEST } from './connectionTest';

/** [value of the `authentication` parameter, credential type name] */
const CREDENTIAL_TYPES: ReadonlyArray<readonly [string, string]> = [
	['clientCredentials', 'netSuiteClientCredentialsApi'],
	['tokenBasedAuth', 'netSuiteTbaApi'],
	['oAuth2', 'netSuiteOAuth2Api'],
];

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Client Credentials (M2M)', value: 'clientCredentials' },
		{ name: 'OAuth2 (Authorization Code)', value: 'oAuth2' },
		{ name: 'Token-Based Auth (TBA)', value: 'tokenBasedAuth' },
	],
	default: 'clientCredentials',
};

/**
 * TBA and M2M are tested by the node's credential test (connectionTest.ts); n8n tests OAuth2
 * credentials its own way (the credential's `test` request) whatever a node says.
 */
export const netSuiteCredentials: INodeCredentialDescription[] = CREDENTIAL_TYPES.map(([authentication, name]) => ({
	name,
	required: true,
	...(name === 'netSuiteOAuth2Api' ? {} : { testedBy: CONNECTION_TEST }),
	displayOptions: { show: { authentication: [authentication] } },
}));

export function credentialTypeFor(authentication: unknown): string {
	const entry = CREDENTIAL_TYPES.find(([value]) => value === authentication);
	if (!entry) throw new Error(`Authentication "${String(authentication)}" is not one of ${CREDENTIAL_TYPES.map(([v]) => v).join(', ')}`);
	return entry[1];
}
