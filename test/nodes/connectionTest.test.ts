/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// The credential dialog's test names the cause: the field, the role, the host, the sandbox id.
// Run as n8n runs it: the function a node names in `testedBy`, called on n8n-core's own
// CredentialTestContext (whose only helper is the legacy request), against the emulator, or nock
// where a host name matters.
import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialTestFunction, INodeCredentialTestResult, INodeType } from 'n8n-workflow';
import nock from 'nock';
import { createServer } from 'node:net';

import { NetSuiteOAuth2Api } from '../../credentials/NetSuiteOAuth2Api.credentials';
import { NetSuite } from '../../nodes/NetSuite/NetSuite.node';
import { NetSuiteRawRequest } from '../../nodes/NetSuiteRawRequest/NetSuiteRawRequest.node';
import { NetSuiteTrigger } from '../../nodes/NetSuiteTrigger/NetSuiteTrigger.node';
import { NetSuiteWebhookTrigger } from '../../nodes/NetSuiteWebhookTrigger/NetSuiteWebhookTrigger.node';
import { retryTiming } from '../../nodes/shared/api/retry';
import { netSuiteCredentials } from '../../nodes/shared/auth/authentication';
import { startEmulator, type RunningEmulator } from '../emulator';
import { testKeyPair } from '../unit/keys';

const NODES: INodeType[] = [new NetSuite(), new NetSuiteTrigger(), new NetSuiteRawRequest(), new NetSuiteWebhookTrigger()];
type CredentialType = 'netSuiteTbaApi' | 'netSuiteClientCredentialsApi';

/** The test n8n finds for a credential type: the first node naming it with testedBy (CredentialsTester). */
function credentialTestFor(type: CredentialType): ICredentialTestFunction {
	for (const node of NODES) {
		const entry = node.description.credentials?.find((c) => c.name === type && typeof c.testedBy === 'string');
		if (entry) return node.methods!.credentialTest![entry.testedBy as string];
	}
	throw new Error(`no node tests ${type}`);
}

const messages: string[] = [];
async function verify(type: CredentialType, data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	const result = await credentialTestFor(type).call(new CredentialTestContext(), { id: '1', name: 'NetSuite', type, data });
	messages.push(result.message);
	return result;
}

async function closedPort(): Promise<number> {
	return await new Promise((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** Another well-formed key, as a typo NetSuite would refuse looks. */
const otherKey = (key: string) => (key[0] === 'a' ? 'b' : 'a') + key.slice(1);

let emulator: RunningEmulator;
const realSleep = retryTiming.sleep;
beforeAll(async () => {
	emulator = await startEmulator({ port: 0 });
	retryTiming.sleep = async () => undefined;
});
afterAll(async () => {
	retryTiming.sleep = realSleep;
	// nock patches Node's http module, which the test files of one jest worker share: left active,
	// it changes the next file's connections (the emulator's keep-alive counts).
	nock.restore();
	await emulator.stop();
});
afterEach(() => nock.cleanAll());

const tba = (overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject => ({
	accountId: emulator.credentials.accountId,
	useTestServer: true,
	baseUrlOverride: emulator.baseUrl,
	...emulator.credentials.tba,
	...overrides,
});
const m2m = (overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject => ({
	accountId: emulator.credentials.accountId,
	useTestServer: true,
	baseUrlOverride: emulator.baseUrl,
	consumerKey: emulator.credentials.m2m.consumerKey,
	certificateId: emulator.credentials.m2m.certificateId,
	privateKey: emulator.credentials.m2m.privateKeyPem,
	algorithm: 'PS256',
	...overrides,
});

describe('the credential test of Token-Based Auth', () => {
	it('connects, naming the account', async () => {
		expect(await verify('netSuiteTbaApi', tba())).toEqual({ status: 'OK', message: 'Connected to NetSuite account 1234567_SB1' });
	});

	it('reads a sandbox id typed 1234567-sb1 as 1234567_SB1, and says so', async () => {
		expect(await verify('netSuiteTbaApi', tba({ accountId: '1234567-sb1' }))).toEqual({
			status: 'OK',
			message: 'Connected to NetSuite account 1234567_SB1 (Account ID "1234567-sb1" read as 1234567_SB1)',
		});
	});

	it('a sandbox id typed without _SB1: the keys work for the sandbox, and the message says to add it', async () => {
		const result = await verify('netSuiteTbaApi', tba({ accountId: '1234567' }));
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'These keys are refused by account 1234567 but work for its sandbox 1234567_SB1: set Account ID to 1234567_SB1',
		);
	});

	it.each([
		['Consumer Key', 'consumerKey'],
		['Consumer Secret', 'consumerSecret'],
		['Token ID', 'tokenId'],
		['Token Secret', 'tokenSecret'],
	])('a %s pasted short is named, with its length', async (label, field) => {
		const result = await verify('netSuiteTbaApi', tba({ [field]: String(emulator.credentials.tba[field as 'tokenId']).slice(0, 63) }));
		expect(result.status).toBe('Error');
		expect(result.message).toContain(`${label} (63 characters) does not look like what NetSuite issues (64 hexadecimal characters)`);
		for (const other of ['Consumer Key (', 'Consumer Secret (', 'Token ID (', 'Token Secret ('].filter((l) => !l.startsWith(label))) {
			expect(result.message).not.toContain(other);
		}
	});

	it('a well-formed but wrong secret: INVALID_LOGIN, what each pair must be, and where NetSuite names the reason', async () => {
		const result = await verify('netSuiteTbaApi', tba({ consumerSecret: otherKey(emulator.credentials.tba.consumerSecret) }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^NetSuite refused the login for account 1234567_SB1 \(INVALID_LOGIN\) and does not say which part is wrong/,
		);
		expect(result.message).toContain('Login Audit Trail');
	});

	it('a role without the permission: the login worked, the role needs REST Web Services and SuiteAnalytics Workbook', async () => {
		emulator.faults.failNext(1, 403, { path: /suiteql/ });
		const result = await verify('netSuiteTbaApi', tba());
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^NetSuite accepted the login, but the role may not run the test query \(HTTP 403: Permission Violation/,
		);
		expect(result.message).toContain('[INSUFFICIENT_PERMISSION]');
		expect(result.message).toContain('REST Web Services and SuiteAnalytics Workbook');
	});

	it('a refused connection names the host', async () => {
		const port = await closedPort();
		const result = await verify('netSuiteTbaApi', tba({ baseUrlOverride: `http://127.0.0.1:${port}` }));
		expect(result).toEqual({
			status: 'Error',
			message: `Could not reach 127.0.0.1:${port} (ECONNREFUSED: the connection was refused): check the Account ID (it names the host) and that n8n may reach *.netsuite.com`,
		});
	});

	it('a host that does not resolve is named: the one the Account ID gives', async () => {
		nock('https://7654321.suitetalk.api.netsuite.com')
			.post(/suiteql/)
			.replyWithError(Object.assign(new Error('getaddrinfo ENOTFOUND 7654321.suitetalk.api.netsuite.com'), { code: 'ENOTFOUND' }));
		const result = await verify('netSuiteTbaApi', tba({ accountId: '7654321_SB1', useTestServer: false, baseUrlOverride: '' }));
		expect(result.message).toMatch(/^Could not reach 7654321-sb1\.suitetalk\.api\.netsuite\.com \(ENOTFOUND: the name does not resolve\)/);
	});

	it('an account id that is not one is refused before any request', async () => {
		const result = await verify('netSuiteTbaApi', tba({ accountId: 'https://1234567.app.netsuite.com' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Account ID "https:\/\/1234567\.app\.netsuite\.com" is not a NetSuite account id/);
	});
});

describe('the credential test of Client Credentials (M2M)', () => {
	it('connects', async () => {
		expect(await verify('netSuiteClientCredentialsApi', m2m())).toEqual({
			status: 'OK',
			message: 'Connected to NetSuite account 1234567_SB1',
		});
	});

	it.each([
		['an unknown Certificate ID', { certificateId: 'another-certificate' }, /Check Certificate ID/],
		['a wrong Consumer Key', { consumerKey: 'another-client-id' }, /Check Consumer Key \(Client ID\)/],
		[
			"a private key that is not the certificate's",
			{ privateKey: testKeyPair('rsa').privateKeyPem },
			/Check Private Key: it does not match the certificate/,
		],
	])("%s is named from NetSuite's token error", async (_case, overrides, expected) => {
		const result = await verify('netSuiteClientCredentialsApi', m2m(overrides));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^NetSuite refused the client credentials/);
		expect(result.message).toMatch(expected);
	});

	it('a refused connection to the token endpoint names the host', async () => {
		const port = await closedPort();
		const result = await verify('netSuiteClientCredentialsApi', m2m({ baseUrlOverride: `http://127.0.0.1:${port}` }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(new RegExp(`^Could not reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED: the connection was refused\\)`));
	});

	it('a sandbox id typed without _SB1: production refuses the client, the sandbox issues a token, and the message says so', async () => {
		const production = nock('https://1234567.suitetalk.api.netsuite.com')
			.post('/services/rest/auth/oauth2/v1/token')
			.reply(401, { error: 'invalid_client' });
		const sandbox = nock('https://1234567-sb1.suitetalk.api.netsuite.com')
			.post('/services/rest/auth/oauth2/v1/token')
			.reply(200, { access_token: 'sandbox-access-token', expires_in: 3600, token_type: 'bearer' })
			.post('/services/rest/query/v1/suiteql?limit=1')
			.matchHeader('authorization', 'Bearer sandbox-access-token')
			.reply(200, { items: [{ ok: '1' }], hasMore: false, count: 1 });
		const result = await verify('netSuiteClientCredentialsApi', m2m({ accountId: '1234567', useTestServer: false, baseUrlOverride: '' }));
		expect(result).toEqual({
			status: 'Error',
			message: 'These keys are refused by account 1234567 but work for its sandbox 1234567_SB1: set Account ID to 1234567_SB1',
		});
		expect(production.isDone() && sandbox.isDone()).toBe(true);
	});
});

describe('the credential tests, taken together', () => {
	it('put no key, secret, token or private key into any message', () => {
		expect(messages.length).toBeGreaterThan(10);
		const secrets = [
			...Object.values(emulator.credentials.tba),
			...Object.values(emulator.credentials.tba).map((s) => s.slice(0, 63)),
			...Object.values(emulator.credentials.tba).map(otherKey),
			emulator.credentials.m2m.consumerKey,
			'sandbox-access-token',
		];
		const pemLines = [emulator.credentials.m2m.privateKeyPem, testKeyPair('rsa').privateKeyPem].flatMap((pem) =>
			pem.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----')),
		);
		for (const message of messages) {
			for (const secret of [...secrets, ...pemLines]) expect(message).not.toContain(secret);
		}
	});

	it('every node names the same test for TBA and M2M and carries it; the NetSuite node writes its list out as the others share it', () => {
		for (const node of NODES) {
			for (const type of ['netSuiteTbaApi', 'netSuiteClientCredentialsApi']) {
				const entry = node.description.credentials?.find((c) => c.name === type);
				expect(entry?.testedBy).toBe('netSuiteConnection');
				expect(typeof node.methods?.credentialTest?.netSuiteConnection).toBe('function');
			}
		}
		expect(new NetSuite().description.credentials).toEqual(netSuiteCredentials);
	});

	it('OAuth2 keeps a request test (n8n asks no node about an oAuth2Api credential), whose rules name 401 and 403', () => {
		const { test } = new NetSuiteOAuth2Api();
		const rules = (test.rules ?? []).map((r) => r.type === 'responseCode' && [r.properties.value, r.properties.message]);
		expect(rules).toEqual([
			[401, expect.stringContaining('Reconnect')],
			[403, expect.stringContaining('REST Web Services and SuiteAnalytics Workbook')],
		]);
	});
});
