// Trades a signed client assertion for a NetSuite access token (M2M). The token is then kept
// in the credential's expirable field and reused until NetSuite answers 401.
import type { IHttpRequestHelper } from 'n8n-workflow';

import { CredentialInputError } from './credentialFields';
import { httpFailure, type HttpFailure } from '../api/netSuiteError';
import { backoffDelayMs, DEFAULT_RETRY, retryTiming } from '../api/retry';
import { shouldRetry } from '../api/retryPolicy';

/** Token requests retried after a 5xx or a lost connection (the "token request" row of the retry table). */
const TOKEN_RETRIES = 3;

export interface TokenResponse {
	access_token?: string;
	expires_in?: number | string;
	token_type?: string;
	error?: string;
	error_description?: string;
}

/** What the user can do about a failed token request; NetSuite's `error` is quoted, the assertion never. */
function tokenErrorText(failure: HttpFailure, attempts: number): string {
	const body: TokenResponse | undefined =
		typeof failure.body === 'object' && failure.body !== null ? (failure.body as TokenResponse) : undefined;
	const status = failure.status;
	if (status !== undefined && status >= 500) {
		return `NetSuite's token endpoint answered HTTP ${status}${attempts > 1 ? ` on all ${attempts} attempts` : ''} (a fault on NetSuite's side, not in the credential): try again later`;
	}
	if (body?.error) {
		return `NetSuite refused the client credentials (${body.error}${body.error_description ? `: ${body.error_description}` : ''}${status ? `, HTTP ${status}` : ''}). Check Consumer Key, Certificate ID, the key pair uploaded in the OAuth 2.0 Client Credentials (M2M) Setup, and the role's REST Web Services permission`;
	}
	if (status !== undefined) return `NetSuite's token endpoint answered HTTP ${status} without saying why: check the Account ID / Token URL`;
	return `Could not reach NetSuite's token endpoint${failure.code ? ` (${failure.code})` : ''}${attempts > 1 ? ` after ${attempts} attempts` : ''}: check the Account ID / Token URL`;
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
	let response: TokenResponse | string | undefined;
	let refused: { failure: HttpFailure; attempts: number } | undefined;
	for (let attempt = 1; ; attempt++) {
		try {
			response = (await http.helpers.httpRequest({
				method: 'POST',
				url: tokenUrl,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				body: form.toString(),
				json: true,
			})) as TokenResponse | string;
			break;
		} catch (error) {
			const failure = httpFailure(error);
			if (attempt <= TOKEN_RETRIES && shouldRetry('tokenRequest', failure)) {
				// Short waits: n8n holds the item while the credential fetches its token.
				await retryTiming.sleep(Math.min(backoffDelayMs(attempt, DEFAULT_RETRY, failure), 5_000));
				continue;
			}
			refused = { failure, attempts: attempt };
			break;
		}
	}
	if (refused) throw new CredentialInputError(tokenErrorText(refused.failure, refused.attempts));
	const parsed: TokenResponse = typeof response === 'string' ? (safeJson(response) ?? {}) : (response ?? {});
	if (!parsed.access_token) throw new CredentialInputError(tokenErrorText({ status: 200, body: parsed }, 1));
	return { token: parsed.access_token, expiresInS: Number(parsed.expires_in ?? 3600) || 3600 };
}
