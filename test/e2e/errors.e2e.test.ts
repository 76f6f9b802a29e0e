// NetSuite's own error text on every n8n version: a 400 and a 404 run by a real n8n 2.40.7
// (Node 24) and 2.8.4 (Node 20), with NetSuite's detail, o:errorCode and the HTTP status
// kept in the error n8n records (the routing engine re-wraps the node's error: httpCode
// survives only through netSuiteError.ts's axios-shaped `response`).
import { startEmulator, type RunningEmulator } from '../emulator';
import { demoCredentials } from './fixtures';
import { installN8n, N8nInstance } from './n8n';

function failingWorkflow(
	id: string,
	parameters: Record<string, unknown>,
	credentials: object = { netSuiteTbaApi: { id: 'nsTba', name: 'NetSuite TBA (emulator)' } },
): object {
	return {
		id,
		name: `NetSuite error ${id}`,
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'netsuite',
				name: 'NetSuite',
				type: 'CUSTOM.netSuite',
				typeVersion: 1,
				position: [220, 0],
				parameters: { authentication: 'tokenBasedAuth', ...parameters },
				credentials,
			},
		],
		connections: { Start: { main: [[{ node: 'NetSuite', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
		pinData: {},
	};
}

const notFound = failingWorkflow('nsErr404', {
	resource: 'record',
	operation: 'get',
	recordType: { __rl: true, mode: 'id', value: 'customer' },
	recordId: '999999',
});
const badRequest = failingWorkflow('nsErr400', {
	resource: 'record',
	operation: 'create',
	recordType: { __rl: true, mode: 'id', value: 'customer' },
	bodyMode: 'json',
	bodyJson: '{"companyName": "No Subsidiary Ltd"}',
});

// Raw Request is a programmatic node: n8n-core rebuilds an error that says isAxiosError
// (normalizeUnhandledAxiosError), which would put n8n's "The resource you are requesting could
// not be found" in front of NetSuite's words.
const rawNotFound = failingWorkflow('nsErrRaw404', { service: 'record', method: 'GET', path: '/customer/999999' });
(rawNotFound as { nodes: Array<{ type: string }> }).nodes[1].type = 'CUSTOM.netSuiteRawRequest';

const revokedOAuth2 = failingWorkflow(
	'nsErrOauth',
	{
		authentication: 'oAuth2',
		resource: 'record',
		operation: 'get',
		recordType: { __rl: true, mode: 'id', value: 'customer' },
		recordId: '1',
	},
	{ netSuiteOAuth2Api: { id: 'nsOauth2', name: 'NetSuite OAuth2 (emulator)' } },
);

describe.each(['2.40.7', '2.8.4'])("n8n %s shows NetSuite's error", (version) => {
	let emulator: RunningEmulator;
	let n8n: N8nInstance;

	beforeAll(async () => {
		emulator = await startEmulator({ port: 0 });
		n8n = new N8nInstance(installN8n(version));
		// The OAuth2 credential holds tokens NetSuite no longer knows: revoked, or past their 7 days.
		await n8n.importCredentials(
			demoCredentials(emulator.credentials, { access_token: 'revoked-access', refresh_token: 'revoked-refresh', token_type: 'bearer' }),
		);
		for (const wf of [notFound, badRequest, rawNotFound, revokedOAuth2]) await n8n.importWorkflow(wf);
	}, 20 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		await emulator?.stop();
	});

	it('a 404: "Record does not exist." with NONEXISTENT_ID and httpCode 404', async () => {
		const { error } = await n8n.executeFailing('nsErr404');
		expect(error.message).toBe('Record does not exist. [NONEXISTENT_ID]');
		expect(error.description).toContain('NetSuite error code: NONEXISTENT_ID');
		expect(error.httpCode).toBe('404');
		const context = error.context as { data?: Record<string, Array<Record<string, string>>> };
		expect(context.data?.['o:errorDetails'][0]['o:errorCode']).toBe('NONEXISTENT_ID');
	});

	it('a 400: the missing subsidiary, with USER_ERROR, the OneWorld hint and httpCode 400', async () => {
		const { error } = await n8n.executeFailing('nsErr400');
		expect(error.message).toBe('Please enter value(s) for: Subsidiary [USER_ERROR]');
		expect(error.description).toContain('NetSuite error code: USER_ERROR');
		expect(error.description).toContain('OneWorld account: set Subsidiary');
		expect(error.httpCode).toBe('400');
		const context = error.context as { data?: Record<string, Array<Record<string, string>>> };
		expect(context.data?.['o:errorDetails'][0]['o:errorCode']).toBe('USER_ERROR');
	});

	it("Raw Request: a 404 leads with NetSuite's detail and code, not n8n's generic text", async () => {
		const { error } = await n8n.executeFailing('nsErrRaw404');
		expect(error.message).toBe('Record does not exist. [NONEXISTENT_ID]');
		expect(error.description).toContain('NetSuite error code: NONEXISTENT_ID');
		expect(error.httpCode).toBe('404');
	});

	it('a revoked OAuth2 refresh token: one refresh attempt, then "reconnect the credential"', async () => {
		const before = emulator.requestLog.length;
		const { error } = await n8n.executeFailing('nsErrOauth');
		expect(error.message).toMatch(/refused to refresh the OAuth2 access token \(invalid_grant\).*click Reconnect/);
		expect(emulator.requestLog.slice(before).filter((r) => r.path.endsWith('/oauth2/v1/token'))).toHaveLength(1);
		expect(JSON.stringify(error)).not.toMatch(/revoked-(access|refresh)/);
	});
});
