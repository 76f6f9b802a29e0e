import nock from 'nock';
import { jwtVerify } from 'jose';

import { NetSuiteClientCredentialsApi } from '../../credentials/NetSuiteClientCredentialsApi.credentials';
import { NetSuiteTbaApi } from '../../credentials/NetSuiteTbaApi.credentials';
import { NetSuite } from '../../nodes/NetSuite/NetSuite.node';
import { retryTiming } from '../../nodes/shared/api/retry';
import { clearTokenCache } from '../../nodes/shared/auth/tokenCache';
import { runNode, TestCredentialsHelper } from '../harness';
import { testKeyPair } from '../unit/keys';

const host = 'https://1234567-sb1.suitetalk.api.netsuite.com';
const tokenUrl = `${host}/services/rest/auth/oauth2/v1/token`;
const suiteQl = '/services/rest/query/v1/suiteql';
const ec = testKeyPair('ec-p256');

const tba = {
	accountId: '1234567_SB1',
	consumerKey: 'ck-tba',
	consumerSecret: 'SECRET-consumer',
	tokenId: 'tid',
	tokenSecret: 'SECRET-token',
};
const m2m = { accountId: '1234567_SB1', consumerKey: 'ck-m2m', certificateId: 'kid-1', privateKey: ec.privateKeyPem, algorithm: 'ES256' };

const nsError = (status: number, code: string, detail: string) => ({
	type: 'https://www.rfc-editor.org/rfc/rfc9110.html',
	title: 'Error',
	status,
	'o:errorDetails': [{ detail, 'o:errorCode': code }],
});

const verify = { resource: 'connection', operation: 'verify' };
const tbaCredentials = () => ({ netSuiteTbaApi: { type: new NetSuiteTbaApi(), data: { ...tba } } });
const m2mHelper = () =>
	new TestCredentialsHelper({ netSuiteClientCredentialsApi: { type: new NetSuiteClientCredentialsApi(), data: { ...m2m } } });

afterAll(() => nock.restore());

describe('the shared transport, driven through the NetSuite node in n8n-core', () => {
	const sleep = retryTiming.sleep;
	let delays: number[];
	beforeEach(() => {
		delays = [];
		retryTiming.sleep = async (ms) => {
			delays.push(ms);
		};
	});
	afterEach(() => {
		clearTokenCache();
		retryTiming.sleep = sleep;
		nock.cleanAll();
	});

	it('fetches one M2M token for many requests and sends it as a bearer', async () => {
		let assertion = '';
		const token = nock(host)
			.post('/services/rest/auth/oauth2/v1/token', (body) => {
				assertion = body.client_assertion;
				return (
					body.grant_type === 'client_credentials' &&
					body.client_assertion_type === 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
				);
			})
			.once()
			.reply(200, { access_token: 'access-1', expires_in: 3600, token_type: 'bearer' });
		const api = nock(host, { reqheaders: { authorization: 'Bearer access-1' } })
			.post(suiteQl)
			.query(true)
			.times(5)
			.reply(200, { items: [{ ok: '1' }], hasMore: false });
		const credentialsHelper = m2mHelper();
		for (let run = 0; run < 2; run++) {
			const result = await runNode({
				nodeType: new NetSuite(),
				parameters: { authentication: 'clientCredentials', ...verify },
				items: run === 0 ? [{ json: {} }, { json: {} }, { json: {} }] : [{ json: {} }, { json: {} }],
				credentialsHelper,
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(run === 0 ? 3 : 2);
		}
		token.done();
		api.done();
		// n8n asks every item that finds the field empty; all share the one token request.
		expect(token.isDone()).toBe(true);
		expect(credentialsHelper.data('netSuiteClientCredentialsApi').accessToken).toBe('access-1');
		const { payload, protectedHeader } = await jwtVerify(assertion, ec.publicKey, { issuer: 'ck-m2m', audience: tokenUrl });
		expect(protectedHeader.kid).toBe('kid-1');
		expect(payload.scope).toEqual(['rest_webservices', 'restlets']);
	});

	it('fetches a new M2M token when NetSuite answers 401 to an expired one, and retries the request', async () => {
		nock(host).post('/services/rest/auth/oauth2/v1/token').reply(200, { access_token: 'access-2', expires_in: 3600 });
		nock(host, { reqheaders: { authorization: 'Bearer expired' } })
			.post(suiteQl)
			.query(true)
			.reply(401, nsError(401, 'INVALID_LOGIN', 'Invalid login attempt.'));
		const api = nock(host, { reqheaders: { authorization: 'Bearer access-2' } })
			.post(suiteQl)
			.query(true)
			.reply(200, { items: [{ ok: '1' }], hasMore: false });
		const credentialsHelper = m2mHelper();
		await credentialsHelper.updateCredentials({ id: null, name: '' }, 'netSuiteClientCredentialsApi', { ...m2m, accessToken: 'expired' });
		const result = await runNode({
			nodeType: new NetSuite(),
			parameters: { authentication: 'clientCredentials', ...verify },
			credentialsHelper,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ ok: true, accountId: '1234567_SB1', credentialType: 'netSuiteClientCredentialsApi' });
		api.done();
		expect(credentialsHelper.preAuthentications).toHaveLength(1);
	});

	it('retries a 429 CONCURRENCY_LIMIT_EXCEEDED (no Retry-After) with growing, jittered delays, then succeeds', async () => {
		const limited = nock(host)
			.post(suiteQl)
			.query(true)
			.times(3)
			.reply(429, nsError(429, 'CONCURRENCY_LIMIT_EXCEEDED', 'Concurrent request limit exceeded. Request blocked.'));
		const ok = nock(host)
			.post(suiteQl)
			.query(true)
			.reply(200, { items: [{ ok: '1' }], hasMore: false });
		const result = await runNode({
			nodeType: new NetSuite(),
			parameters: { authentication: 'tokenBasedAuth', ...verify },
			credentials: tbaCredentials(),
		});
		expect(result.error).toBeUndefined();
		limited.done();
		ok.done();
		expect(delays).toHaveLength(3);
		// Equal jitter: retry n waits between half and all of 250 ms × 2^(n-1).
		delays.forEach((d, i) => {
			expect(d).toBeGreaterThanOrEqual(125 * 2 ** i);
			expect(d).toBeLessThanOrEqual(250 * 2 ** i);
		});
	});

	it('waits as long as Retry-After says when NetSuite sends one', async () => {
		nock(host)
			.post(suiteQl)
			.query(true)
			.reply(429, nsError(429, 'CONCURRENCY_LIMIT_EXCEEDED', 'blocked'), { 'Retry-After': '7' });
		nock(host).post(suiteQl).query(true).reply(200, { items: [], hasMore: false });
		const result = await runNode({
			nodeType: new NetSuite(),
			parameters: { authentication: 'tokenBasedAuth', ...verify },
			credentials: tbaCredentials(),
		});
		expect(result.error).toBeUndefined();
		expect(delays).toEqual([7000]);
	});

	it("does not retry a 400 and shows NetSuite's detail and code", async () => {
		const bad = nock(host)
			.post(suiteQl)
			.query(true)
			.once()
			.reply(400, nsError(400, 'INVALID_PARAMETER', 'Invalid search query. Search error occurred: Field xyz was not found.'));
		const result = await runNode({
			nodeType: new NetSuite(),
			parameters: { authentication: 'tokenBasedAuth', resource: 'suiteQl', operation: 'run', query: 'SELECT xyz FROM customer' },
			credentials: tbaCredentials(),
		});
		bad.done();
		expect(delays).toEqual([]);
		expect(result.error?.message).toBe('Invalid search query. Search error occurred: Field xyz was not found. [INVALID_PARAMETER]');
		expect(result.error?.httpCode).toBe('400');
	});

	it('with Continue On Fail, a failing item becomes an error item and the others still run', async () => {
		nock(host)
			.post(suiteQl, (b) => b.q === 'SELECT bad')
			.query(true)
			.reply(400, nsError(400, 'INVALID_PARAMETER', 'Invalid search query.'));
		nock(host)
			.post(suiteQl, (b) => b.q === 'SELECT 2 AS n FROM DUAL')
			.query(true)
			.reply(200, { items: [{ n: '2' }], hasMore: false });
		const result = await runNode({
			nodeType: new NetSuite(),
			parameters: { authentication: 'tokenBasedAuth', resource: 'suiteQl', operation: 'run', query: '={{ $json.q }}' },
			items: [{ json: { q: 'SELECT bad' } }, { json: { q: 'SELECT 2 AS n FROM DUAL' } }],
			credentials: tbaCredentials(),
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(result.items[0].error?.message).toContain('Invalid search query.');
		expect(result.items[1].json).toEqual({ n: '2' });
	});
});

describe('bad credential input is refused before any request, naming the field and never echoing a secret', () => {
	afterEach(() => {
		clearTokenCache();
		nock.cleanAll();
	});
	const secrets = [tba.consumerSecret, tba.tokenSecret, ec.privateKeyPem.split('\n')[1], 'access-secret-token'];

	const cases: Array<[string, string, Record<string, unknown>, RegExp]> = [
		[
			'an empty consumer secret',
			'tokenBasedAuth',
			{ netSuiteTbaApi: { type: new NetSuiteTbaApi(), data: { ...tba, consumerSecret: '' } } },
			/^Consumer Secret is empty/,
		],
		[
			'a malformed account id',
			'tokenBasedAuth',
			{ netSuiteTbaApi: { type: new NetSuiteTbaApi(), data: { ...tba, accountId: 'acme.evil.com' } } },
			/^Account ID "acme.evil.com" is not a NetSuite account id/,
		],
		[
			'a private key that is not PEM',
			'clientCredentials',
			{ netSuiteClientCredentialsApi: { type: new NetSuiteClientCredentialsApi(), data: { ...m2m, privateKey: 'SECRET-not-a-key' } } },
			/^Private Key is not a PEM private key/,
		],
		[
			'a PEM of the wrong type for the algorithm',
			'clientCredentials',
			{ netSuiteClientCredentialsApi: { type: new NetSuiteClientCredentialsApi(), data: { ...m2m, algorithm: 'PS256' } } },
			/^Private Key is a ec key but Algorithm PS256 needs an RSA key/,
		],
	];

	it.each(cases)('%s', async (_name, authentication, credentials, message) => {
		nock.disableNetConnect();
		const result = await runNode({
			nodeType: new NetSuite(),
			parameters: { authentication, ...verify },
			credentials: credentials as never,
		});
		nock.enableNetConnect();
		expect(result.error?.message).toMatch(message);
		const shown = JSON.stringify({ message: result.error?.message, description: result.error?.description, items: result.items });
		for (const secret of [...secrets, 'SECRET-not-a-key']) expect(shown).not.toContain(secret);
	});

	it('a token endpoint refusal names the field its description points at and hides the assertion', async () => {
		nock(host)
			.post('/services/rest/auth/oauth2/v1/token')
			.reply(400, { error: 'invalid_grant', error_description: 'Invalid JWT signature' });
		const result = await runNode({
			nodeType: new NetSuite(),
			parameters: { authentication: 'clientCredentials', ...verify },
			credentials: { netSuiteClientCredentialsApi: { type: new NetSuiteClientCredentialsApi(), data: { ...m2m } } },
		});
		expect(result.error?.message).toMatch(
			/NetSuite refused the client credentials \(invalid_grant: Invalid JWT signature, HTTP 400\)\. Check Private Key: it does not match the certificate/,
		);
		expect(JSON.stringify(result.error?.message)).not.toMatch(/eyJ/);
	});

	it('a token endpoint refusal that names nothing lists every field to check', async () => {
		nock(host).post('/services/rest/auth/oauth2/v1/token').reply(401, { error: 'invalid_client' });
		const result = await runNode({
			nodeType: new NetSuite(),
			parameters: { authentication: 'clientCredentials', ...verify },
			credentials: { netSuiteClientCredentialsApi: { type: new NetSuiteClientCredentialsApi(), data: { ...m2m } } },
		});
		expect(result.error?.message).toMatch(
			/NetSuite refused the client credentials \(invalid_client, HTTP 401\)\. Check Consumer Key, Certificate ID/,
		);
	});
});
