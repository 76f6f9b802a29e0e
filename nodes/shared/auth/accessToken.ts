// Trades a signed client assertion for a NetSuite access token (M2M). The token is then kept
// in the credential's expirable field and reused until NetSuite answers 401.
import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { type ClientAssertionInput } from './clientAssertion';
import { CredentialInputError, requireField } from './credentialFields';
import { clientCredentialsTokenUrl } from './tokenUrl';
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
function tokenErrorText(failure: HttpFailure, attempts: number, host: string): string {
	const body: TokenResponse | undefined =
		typeof failure.body === 'object' && failure.body !== null ? (failure.body as TokenResponse) : undefined;
	const status = failure.status;
	if (status !== undefined && status >= 500) {
		return `NetSuite's token endpoint answered HTTP ${status}${attempts > 1 ? ` on all ${attempts} attempts` : ''} (a fault on NetSuite's side, not in the credential): try again later`;
	}
	if (body?.error) {
		const field = suspectField(body.error_description ?? '');
		return `NetSuite refused the client credentials (${body.error}${body.error_description ? `: ${body.error_description}` : ''}${status ? `, HTTP ${status}` : ''}). ${field ? `Check ${field}` : "Check Consumer Key, Certificate ID, the key pair uploaded in the OAuth 2.0 Client Credentials (M2M) Setup, and the role's REST Web Services permission"}`;
	}
	if (status !== undefined) return `NetSuite's token endpoint answered HTTP ${status} without saying why: check the Account ID / Token URL`;
	return `${unreachableText(host, failure.code)}${attempts > 1 ? ` (${attempts} attempts)` : ''}: check the Account ID (it names the host) or the Token URL`;
}

/** The field NetSuite's error_description points at, when it points at one. */
function suspectField(description: string): string | undefined {
	if (/\bkid\b|certificate/i.test(description)) return 'Certificate ID (the ID NetSuite shows for the uploaded certificate)';
	if (/"iss"|issuer|client.?id/i.test(description)) return 'Consumer Key (Client ID)';
	if (/signature/i.test(description)) return 'Private Key: it does not match the certificate uploaded for this Certificate ID';
	if (/"aud"|audience/i.test(description)) return 'Account ID / Token URL: the token is asked of another account';
	return undefined;
}

const NETWORK_CAUSES: Record<string, string> = {
	ENOTFOUND: 'the name does not resolve',
	EAI_AGAIN: 'the name does not resolve',
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was reset',
	ETIMEDOUT: 'no answer in time',
	ECONNABORTED: 'no answer in time',
	EHOSTUNREACH: 'no route to the host',
	ENETUNREACH: 'no route to the host',
};

/** "Could not reach <host> (<code>: <what it means>)": the host is the credential's, never a URL with a query. */
export function unreachableText(host: string, code: string | undefined): string {
	const cause = code ? ` (${code}${NETWORK_CAUSES[code] ? `: ${NETWORK_CAUSES[code]}` : ''})` : '';
	return `Could not reach ${host}${cause}`;
}

/** The M2M credential's fields, checked, as the assertion needs them. */
export function clientCredentialsInput(credentials: ICredentialDataDecryptedObject): ClientAssertionInput {
	return {
		consumerKey: requireField(credentials, 'consumerKey', 'Consumer Key'),
		certificateId: requireField(credentials, 'certificateId', 'Certificate ID'),
		privateKeyPem: requireField(credentials, 'privateKey', 'Private Key'),
		algorithm: String(credentials.algorithm ?? 'PS256'),
		tokenUrl: clientCredentialsTokenUrl(credentials),
	};
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
	const host = new URL(tokenUrl).host;
	if (refused) throw new CredentialInputError(tokenErrorText(refused.failure, refused.attempts, host), refused.failure.status);
	const parsed: TokenResponse = typeof response === 'string' ? (safeJson(response) ?? {}) : (response ?? {});
	if (!parsed.access_token) throw new CredentialInputError(tokenErrorText({ status: 200, body: parsed }, 1, host));
	return { token: parsed.access_token, expiresInS: Number(parsed.expires_in ?? 3600) || 3600 };
}
