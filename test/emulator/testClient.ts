/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests, emulator, scripts), never inside n8n */
// A small NetSuite client for emulator tests, independent of the package under test:
// signs TBA with the emulator's own vector-checked functions, M2M with jose.
import { randomBytes } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';

import { rawPairs, tbaBaseString, tbaSignature, enc } from './auth/tba';
import type { RunningEmulator } from './index';

export interface TbaOverrides {
	consumerSecret?: string;
	realm?: string;
	nonce?: string;
	timestamp?: number;
}

export function tbaHeader(emulator: RunningEmulator, method: string, url: string, overrides: TbaOverrides = {}, formBody?: string): string {
	const { tba } = emulator.credentials;
	const oauth: Record<string, string> = {
		oauth_consumer_key: tba.consumerKey,
		oauth_token: tba.tokenId,
		oauth_signature_method: 'HMAC-SHA256',
		oauth_timestamp: String(overrides.timestamp ?? Math.floor(Date.now() / 1000)),
		oauth_nonce: overrides.nonce ?? randomBytes(10).toString('hex'),
		oauth_version: '1.0',
	};
	const [base, query = ''] = url.split('?');
	const pairs = [...rawPairs(query), ...(formBody ? rawPairs(formBody, true) : []), ...Object.entries(oauth)];
	const signature = tbaSignature(tbaBaseString(method, base, pairs), overrides.consumerSecret ?? tba.consumerSecret, tba.tokenSecret);
	const fields = { realm: overrides.realm ?? emulator.accountId, ...oauth, oauth_signature: signature };
	return `OAuth ${Object.entries(fields)
		.map(([k, v]) => `${k}="${enc(v)}"`)
		.join(', ')}`;
}

export async function tbaFetch(
	emulator: RunningEmulator,
	method: string,
	pathAndQuery: string,
	init: { body?: string; headers?: Record<string, string> } = {},
	overrides: TbaOverrides = {},
): Promise<Response> {
	const url = `${emulator.baseUrl}${pathAndQuery}`;
	const form = init.headers?.['content-type']?.includes('x-www-form-urlencoded') ? init.body : undefined;
	return await fetch(url, {
		method,
		body: init.body,
		headers: { ...init.headers, authorization: tbaHeader(emulator, method, url, overrides, form) },
	});
}

export interface JwtOverrides {
	alg?: string;
	privateKeyPem?: string;
	kid?: string;
	iss?: string;
	aud?: string;
	lifetimeS?: number;
	iat?: number;
	scope?: string | string[];
}

export async function clientAssertion(emulator: RunningEmulator, o: JwtOverrides = {}): Promise<string> {
	const alg = o.alg ?? 'PS256';
	const key = await importPKCS8(o.privateKeyPem ?? emulator.credentials.m2m.privateKeyPem, alg);
	const iat = o.iat ?? Math.floor(emulator.clock.now().getTime() / 1000);
	return await new SignJWT({ scope: o.scope ?? ['rest_webservices'] })
		.setProtectedHeader({ alg, typ: 'JWT', kid: o.kid ?? emulator.credentials.m2m.certificateId })
		.setIssuer(o.iss ?? emulator.credentials.m2m.consumerKey)
		.setAudience(o.aud ?? `${emulator.baseUrl}/services/rest/auth/oauth2/v1/token`)
		.setIssuedAt(iat)
		.setExpirationTime(iat + (o.lifetimeS ?? 300))
		.sign(key);
}

export async function requestToken(emulator: RunningEmulator, assertion: string): Promise<Response> {
	return await fetch(`${emulator.baseUrl}/services/rest/auth/oauth2/v1/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
			client_assertion: assertion,
		}).toString(),
	});
}

export async function bearerToken(emulator: RunningEmulator): Promise<string> {
	const response = await requestToken(emulator, await clientAssertion(emulator));
	return ((await response.json()) as { access_token: string }).access_token;
}

export async function suiteQl(emulator: RunningEmulator, q: string, params: unknown[] = [], limit = 1000, offset = 0): Promise<Response> {
	return await tbaFetch(emulator, 'POST', `/services/rest/query/v1/suiteql?limit=${limit}&offset=${offset}`, {
		body: JSON.stringify({ q, params }),
		headers: { 'content-type': 'application/json', prefer: 'transient' },
	});
}

export interface AsyncJobStatus {
	completed: boolean;
	id: string;
	progress: string;
}

/** Polls an async job (its Location path) until NetSuite says it completed; every 5 ms, at most `timeoutMs`. */
export async function waitForJob(emulator: RunningEmulator, jobPath: string, timeoutMs = 10_000): Promise<AsyncJobStatus> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const response = await tbaFetch(emulator, 'GET', jobPath);
		const status = (await response.json()) as AsyncJobStatus;
		if (response.status !== 200) throw new Error(`GET ${jobPath} answered ${response.status}: ${JSON.stringify(status)}`);
		if (status.completed) return status;
		if (Date.now() > until) throw new Error(`${jobPath} has not completed after ${timeoutMs} ms (progress: ${status.progress})`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
