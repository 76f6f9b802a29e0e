import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { clientCredentialsInput, requestClientCredentialsToken } from '../nodes/shared/auth/accessToken';
import { sharedToken, tokenCacheKey } from '../nodes/shared/auth/tokenCache';
import { JWT_ALGORITHMS, signClientAssertion } from '../nodes/shared/auth/clientAssertion';
import { requireField } from '../nodes/shared/auth/credentialFields';
import { accountIdProperty, testServerProperties } from '../nodes/shared/auth/credentialProperties';
import { withTargetUrl } from '../nodes/shared/auth/requestTarget';

export class NetSuiteClientCredentialsApi implements ICredentialType {
	name = 'netSuiteClientCredentialsApi';

	displayName = 'NetSuite Client Credentials (M2M) API';

	icon: Icon = { light: 'file:../icons/netsuite.svg', dark: 'file:../icons/netsuite.dark.svg' };

	documentationUrl = 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_162686838198.html';

	properties: INodeProperties[] = [
		{
			displayName:
				'Machine-to-machine OAuth 2.0: n8n signs a short JWT with your private key and trades it for an access token, reused until it expires. Upload the matching certificate in NetSuite under Setup > Integration > OAuth 2.0 Client Credentials (M2M) Setup.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		accountIdProperty,
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			placeholder: 'https://1234567.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token',
			description: 'Leave empty to derive it from the Account ID',
		},
		{
			displayName: 'Consumer Key (Client ID)',
			name: 'consumerKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Certificate ID',
			name: 'certificateId',
			type: 'string',
			default: '',
			required: true,
			description: 'The ID NetSuite shows for the certificate in the M2M setup',
		},
		{
			displayName: 'Private Key (PEM)',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 6 },
			default: '',
			required: true,
			placeholder: '-----BEGIN PRIVATE KEY-----',
		},
		{
			displayName: 'Algorithm',
			name: 'algorithm',
			type: 'options',
			default: 'PS256',
			options: JWT_ALGORITHMS.map((alg) => ({ name: alg, value: alg })),
			description: 'PS* for RSA keys (3072 or 4096 bits), ES* for EC keys. NetSuite does not accept RS256.',
		},
		...testServerProperties,
		{ displayName: 'Access Token', name: 'accessToken', type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const input = clientCredentialsInput(credentials);
		const { tokenUrl } = input;
		const key = tokenCacheKey(tokenUrl, input.consumerKey, input.certificateId, input.privateKeyPem, input.algorithm);
		const stale = typeof credentials.accessToken === 'string' ? credentials.accessToken : undefined;
		const accessToken = await sharedToken(
			key,
			stale,
			async () => await requestClientCredentialsToken(this, tokenUrl, await signClientAssertion(input)),
		);
		return { accessToken };
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const accessToken = requireField(credentials, 'accessToken', 'Access Token');
		return withTargetUrl(credentials, requestOptions, `Bearer ${accessToken}`);
	}
}
