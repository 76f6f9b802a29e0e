import type { IDataObject } from 'n8n-workflow';

// Credentials of all three types pointing at a running emulator (base URL override).
import { NetSuiteClientCredentialsApi } from '../../credentials/NetSuiteClientCredentialsApi.credentials';
import { NetSuiteOAuth2Api } from '../../credentials/NetSuiteOAuth2Api.credentials';
import { NetSuiteTbaApi } from '../../credentials/NetSuiteTbaApi.credentials';
import type { RunningEmulator } from '../emulator';
import type { TestCredential } from '../harness';

export type Auth = 'tokenBasedAuth' | 'clientCredentials';

export function credentialsFor(
	emulator: Pick<RunningEmulator, 'credentials'>,
	auth: Auth = 'tokenBasedAuth',
): Record<string, TestCredential> {
	const { accountId, baseUrl, tba, m2m } = emulator.credentials;
	if (auth === 'clientCredentials') {
		return {
			netSuiteClientCredentialsApi: {
				type: new NetSuiteClientCredentialsApi(),
				data: {
					accountId,
					useTestServer: true,
					baseUrlOverride: baseUrl,
					consumerKey: m2m.consumerKey,
					certificateId: m2m.certificateId,
					privateKey: m2m.privateKeyPem,
					algorithm: m2m.algorithm,
				},
			},
		};
	}
	return { netSuiteTbaApi: { type: new NetSuiteTbaApi(), data: { accountId, useTestServer: true, baseUrlOverride: baseUrl, ...tba } } };
}

export function oauth2CredentialFor(emulator: RunningEmulator, tokenData: Record<string, unknown>): Record<string, TestCredential> {
	const { accountId, baseUrl, oauth2 } = emulator.credentials;
	return {
		netSuiteOAuth2Api: {
			type: new NetSuiteOAuth2Api(),
			data: {
				accountId,
				useTestServer: true,
				baseUrlOverride: baseUrl,
				grantType: 'authorizationCode',
				authUrl: `${baseUrl}/app/login/oauth2/authorize.nl`,
				accessTokenUrl: `${baseUrl}/services/rest/auth/oauth2/v1/token`,
				clientId: oauth2.clientId,
				clientSecret: oauth2.clientSecret,
				scope: 'rest_webservices',
				authentication: 'header',
				oauthTokenData: tokenData as IDataObject,
			},
		},
	};
}
