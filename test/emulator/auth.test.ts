/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- runs in Node (tests, emulator, scripts), never inside n8n */
import { createHash, generateKeyPairSync } from 'node:crypto';

import { tbaBaseString, tbaSignature, rawPairs } from './auth/tba';
import { startEmulator, type RunningEmulator } from './index';
import { bearerToken, clientAssertion, requestToken, tbaFetch } from './testClient';

const vector = {
	cs: 'd26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9e8b5',
	ts: 'c29a677df7d5439a458c063654187e3d678d73aca8e3c9d8bea1478a3eb0d295',
	oauth: {
		oauth_consumer_key: 'ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4',
		oauth_token: '2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc',
		oauth_signature_method: 'HMAC-SHA256',
		oauth_timestamp: '1508242306',
		oauth_nonce: 'fjaLirsIcCGVZWzBX0pg',
		oauth_version: '1.0',
	},
};

describe("the emulator's TBA check", () => {
	it("computes Oracle's published signatures", () => {
		const get = tbaBaseString(
			'GET',
			'https://123456.suitetalk.api.netsuite.com/services/rest/record/v1/employee/40',
			Object.entries(vector.oauth),
		);
		expect(tbaSignature(get, vector.cs, vector.ts)).toBe('B5OIWznZ2YP0OB7VrJrGkYsTh+8H+5T9Hag+o92q0zY=');
		const post = tbaBaseString('POST', 'https://123456.restlets.api.netsuite.com/app/site/hosting/restlet.nl', [
			...rawPairs('script=6&deploy=1&customParam=someValue&testParam=someOtherValue'),
			...Object.entries(vector.oauth),
		]);
		expect(tbaSignature(post, vector.cs, vector.ts)).toBe('+KK4SKNgz4ZiILGLwOMtfYlgcXSy1eis8ldE9X90azQ=');
	});
});

describe('emulator auth over HTTP', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());

	const customer = '/services/rest/record/v1/customer/1';

	it('accepts a correctly signed TBA request, query and odd characters included', async () => {
		const response = await tbaFetch(
			emulator,
			'GET',
			`/services/rest/record/v1/customer?limit=2&q=${encodeURIComponent('companyName START_WITH "A"')}`,
		);
		expect(response.status).toBe(200);
		expect(((await response.json()) as { items: unknown[] }).items).toHaveLength(1);
	});

	it('refuses a request signed with a wrong consumer secret, with INVALID_LOGIN', async () => {
		const response = await tbaFetch(emulator, 'GET', customer, {}, { consumerSecret: 'wrong' });
		expect(response.status).toBe(401);
		const body = (await response.json()) as { 'o:errorDetails': Array<{ 'o:errorCode': string }> };
		expect(body['o:errorDetails'][0]['o:errorCode']).toBe('INVALID_LOGIN');
		expect(emulator.requestLog.at(-1)?.auth).toContain('bad signature');
	});

	it('refuses a wrong realm, a stale timestamp and a reused nonce', async () => {
		expect((await tbaFetch(emulator, 'GET', customer, {}, { realm: '1234567' })).status).toBe(401);
		expect((await tbaFetch(emulator, 'GET', customer, {}, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401);
		const fixed = { nonce: 'nonce-used-once-123', timestamp: Math.floor(Date.now() / 1000) };
		expect((await tbaFetch(emulator, 'GET', customer, {}, fixed)).status).toBe(200);
		expect((await tbaFetch(emulator, 'GET', customer, {}, fixed)).status).toBe(401);
	});

	it('refuses a request with no or an unknown bearer', async () => {
		expect((await fetch(`${emulator.baseUrl}${customer}`)).status).toBe(401);
		expect((await fetch(`${emulator.baseUrl}${customer}`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
	});

	it('issues a bearer for a valid PS256 client assertion, which then works until the clock passes its lifetime', async () => {
		const token = await bearerToken(emulator);
		const get = () => fetch(`${emulator.baseUrl}${customer}`, { headers: { authorization: `Bearer ${token}` } });
		expect((await get()).status).toBe(200);
		emulator.clock.advance(3601_000);
		expect((await get()).status).toBe(401);
		emulator.clock.advance(-3601_000);
	});

	it.each([
		[
			'signed with another key',
			async () => ({
				privateKeyPem: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
			}),
			400,
		],
		['RS256', async () => ({ alg: 'RS256' }), 400],
		['an unknown kid', async () => ({ kid: 'other-cert' }), 401],
		['another issuer', async () => ({ iss: 'someone-else' }), 400],
		['another audience', async () => ({ aud: 'https://elsewhere.example/token' }), 400],
		['exp more than an hour after iat', async () => ({ lifetimeS: 3700 }), 400],
		['an expired exp', async (e: RunningEmulator) => ({ iat: Math.floor(e.clock.now().getTime() / 1000) - 1000, lifetimeS: 300 }), 400],
		['no usable scope', async () => ({ scope: 'openid' }), 400],
	] as const)('refuses a client assertion %s', async (_name, overrides, status) => {
		const response = await requestToken(emulator, await clientAssertion(emulator, await overrides(emulator)));
		expect(response.status).toBe(status);
		expect(((await response.json()) as { error: string }).error).toMatch(/invalid_/);
	});

	it('accepts scope as a comma string', async () => {
		const response = await requestToken(emulator, await clientAssertion(emulator, { scope: 'restlets,rest_webservices' }));
		expect(response.status).toBe(200);
	});

	it('runs the authorization-code flow with PKCE, then refreshes for 7 days', async () => {
		const verifier = 'v'.repeat(50);
		const challenge = createHash('sha256').update(verifier).digest('base64url');
		const redirect = 'http://localhost:5678/rest/oauth2-credential/callback';
		const authorize = await fetch(
			`${emulator.baseUrl}/app/login/oauth2/authorize.nl?response_type=code&client_id=${emulator.credentials.oauth2.clientId}&redirect_uri=${encodeURIComponent(redirect)}&scope=rest_webservices&state=abcdefghijklmnopqrstuvwxyz&code_challenge=${challenge}&code_challenge_method=S256`,
			{ redirect: 'manual' },
		);
		expect(authorize.status).toBe(302);
		const location = new URL(authorize.headers.get('location')!);
		expect(location.searchParams.get('state')).toBe('abcdefghijklmnopqrstuvwxyz');
		const basic = Buffer.from(`${emulator.credentials.oauth2.clientId}:${emulator.credentials.oauth2.clientSecret}`).toString('base64');
		const token = (body: Record<string, string>) =>
			fetch(`${emulator.baseUrl}/services/rest/auth/oauth2/v1/token`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
				body: new URLSearchParams(body).toString(),
			});
		const bad = await token({
			grant_type: 'authorization_code',
			code: location.searchParams.get('code')!,
			redirect_uri: redirect,
			code_verifier: 'wrong',
		});
		expect(bad.status).toBe(400);
		const authorize2 = await fetch(authorize.url.replace(/state=[^&]+/, 'state=abcdefghijklmnopqrstuvwxy2'), { redirect: 'manual' });
		const code = new URL(authorize2.headers.get('location')!).searchParams.get('code')!;
		const exchanged = (await (
			await token({ grant_type: 'authorization_code', code, redirect_uri: redirect, code_verifier: verifier })
		).json()) as Record<string, string>;
		expect(exchanged.access_token).toBeTruthy();
		expect(exchanged.refresh_token).toBeTruthy();
		emulator.clock.advance(6 * 24 * 3600_000);
		const refreshed = await token({ grant_type: 'refresh_token', refresh_token: exchanged.refresh_token });
		expect(refreshed.status).toBe(200);
		emulator.clock.advance(2 * 24 * 3600_000);
		expect((await token({ grant_type: 'refresh_token', refresh_token: exchanged.refresh_token })).status).toBe(400);
		emulator.clock.advance(-8 * 24 * 3600_000);
	});
});
