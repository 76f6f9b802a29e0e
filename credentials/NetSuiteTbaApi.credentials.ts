import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions, INodeProperties, Icon } from 'n8n-workflow';

import { withTargetUrl } from '../nodes/shared/auth/requestTarget';
import { tbaAuthorizationHeader, tbaKeysOf } from '../nodes/shared/auth/tbaSigner';
import { accountIdProperty, testServerProperties } from '../nodes/shared/auth/credentialProperties';

export class NetSuiteTbaApi implements ICredentialType {
	name = 'netSuiteTbaApi';

	displayName = 'NetSuite Token-Based Auth (TBA) API';

	icon: Icon = { light: 'file:../icons/netsuite.svg', dark: 'file:../icons/netsuite.dark.svg' };

	documentationUrl = 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4247337262.html';

	properties: INodeProperties[] = [
		{
			displayName:
				'Token-Based Authentication signs every request with OAuth 1.0a (HMAC-SHA256). NetSuite accepts no new TBA integrations from release 2027.1: for new work prefer the Client Credentials (M2M) credential.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		accountIdProperty,
		{ displayName: 'Consumer Key', name: 'consumerKey', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{
			displayName: 'Consumer Secret',
			name: 'consumerSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{ displayName: 'Token ID', name: 'tokenId', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{ displayName: 'Token Secret', name: 'tokenSecret', type: 'string', typeOptions: { password: true }, default: '', required: true },
		...testServerProperties,
	];

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const keys = tbaKeysOf(credentials);
		const form = formFields(requestOptions);
		return withTargetUrl(credentials, requestOptions, (url) =>
			tbaAuthorizationHeader(keys, { method: requestOptions.method ?? 'GET', url, form }),
		);
	}
}

/** OAuth 1.0a signs form-urlencoded bodies; JSON and multipart bodies are not signed. */
function formFields(requestOptions: IHttpRequestOptions): Record<string, string> | undefined {
	const contentType = Object.entries(requestOptions.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
	if (typeof contentType !== 'string' || !contentType.includes('application/x-www-form-urlencoded')) return undefined;
	const body = requestOptions.body;
	if (typeof body === 'string') return Object.fromEntries(new URLSearchParams(body));
	if (body instanceof URLSearchParams) return Object.fromEntries(body);
	if (body && typeof body === 'object') {
		return Object.fromEntries(Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
	}
	return undefined;
}
