// The three ways to sign in, as every node offers them (n8n picks the credential by the
// parameter named `authentication`).
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

export const CREDENTIAL_BY_AUTHENTICATION = {
	clientCredentials: 'netSuiteClientCredentialsApi',
	tokenBasedAuth: 'netSuiteTbaApi',
	oAuth2: 'netSuiteOAuth2Api',
} as const;

export type AuthenticationMethod = keyof typeof CREDENTIAL_BY_AUTHENTICATION;

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

export const netSuiteCredentials: INodeCredentialDescription[] = (
	Object.entries(CREDENTIAL_BY_AUTHENTICATION) as Array<[AuthenticationMethod, string]>
).map(([authentication, name]) => ({
	name,
	required: true,
	displayOptions: { show: { authentication: [authentication] } },
}));

export function credentialTypeFor(authentication: unknown): string {
	const name = CREDENTIAL_BY_AUTHENTICATION[authentication as AuthenticationMethod];
	if (!name) throw new Error(`Authentication "${String(authentication)}" is not one of ${Object.keys(CREDENTIAL_BY_AUTHENTICATION).join(', ')}`);
	return name;
}
