// Trades a signed client assertion for a NetSuite access token (M2M). The token is then kept
// in the credential's expirable field and reused until NetSuite answers 401.
import type { IHttpRequestHelper } from 'n8n-workflow';

import { CredentialInputError } from './credentialFields';

export interface TokenResponse {
	access_token?: string;
	expires_in?: number | string;
	token_type?: string;
	error?: string;
	error_description?: string;
}

function tokenErrorText(error: unknown): string {
	const e = error as { response?: { status?: number; data?: unknown; body?: unknown }; httpCode?: string; description?: string };
	const body = (e.response?.data ?? e.response?.body) as TokenResponse | string | undefined;
	const parsed: TokenResponse | undefined = typeof body === 'string' ? safeJson(body) : body;
	const status = e.response?.status ?? e.httpCode;
	if (parsed?.error) {
		return `NetSuite refused the client credentials (${parsed.error}${parsed.error_description ? `: ${parsed.error_description}` : ''}${status ? `, HTTP ${status}` : ''}). Check Consumer Key, Certificate ID, the key pair uploaded in the OAuth 2.0 Client Credentials (M2M) Setup, and the role's REST Web Services permission`;
	}
	return `Could not get an access token from NetSuite${status ? ` (HTTP ${status})` : ''}: check the Account ID / Token URL`;
}

function safeJson(text: string): TokenResponse | undefined {
	try {
		return JSON.parse(text) as TokenResponse;
	} catch {
		return undefined;
	}
}

export async function requestClientCredentialsToken(
	http: IHttpRequestHelper,
	tokenUrl: string,
	clientAssertion: string,
): Promise<{ token: string; expiresInS: number }> {
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
		client_assertion: clientAssertion,
	});
	let response: TokenResponse | undefined;
	let failure: unknown;
	try {
		response = (await http.helpers.httpRequest({
			method: 'POST',
			url: tokenUrl,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: form.toString(),
			json: true,
		})) as TokenResponse;
	} catch (error) {
		failure = error;
	}
	if (failure !== undefined || !response) throw new CredentialInputError(tokenErrorText(failure));
	if (typeof response === 'string') response = safeJson(response) ?? {};
	if (!response.access_token) throw new CredentialInputError(tokenErrorText({ response: { data: response } }));
	return { token: response.access_token, expiresInS: Number(response.expires_in ?? 3600) || 3600 };
}
