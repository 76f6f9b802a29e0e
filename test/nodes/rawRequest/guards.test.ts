// Issue 14's path, RESTlet, signing and input findings, each as the behaviour it now has.
import type { INodeParameters } from 'n8n-workflow';

import { NetSuite } from '../../../nodes/NetSuite/NetSuite.node';
import { NetSuiteRawRequest } from '../../../nodes/NetSuiteRawRequest/NetSuiteRawRequest.node';
import { clearTokenCache } from '../../../nodes/shared/auth/tokenCache';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { runNode } from '../../harness';
import { credentialsFor, oauth2CredentialFor } from '../credentials';

describe('guards on paths, RESTlets, signing and input', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());
	beforeEach(() => emulator.clearLog());
	afterEach(() => clearTokenCache());

	const raw = async (parameters: INodeParameters) =>
		await runNode({
			nodeType: new NetSuiteRawRequest(),
			parameters: { authentication: 'tokenBasedAuth', method: 'GET', ...parameters },
			credentials: credentialsFor(emulator),
		});
	const netSuite = async (parameters: INodeParameters) =>
		await runNode({
			nodeType: new NetSuite(),
			parameters: { authentication: 'tokenBasedAuth', ...parameters },
			credentials: credentialsFor(emulator),
		});

	it.each([
		['record', '/.%2e/.%2e/app/center/card.nl'],
		['record', '/%2e%2e/%2E%2E/app/center/card.nl'],
		['query', '/%252e%252e/%252e%252e/app/center/card.nl'],
		['other', '/services/rest/.%2e/.%2e/app/center/card.nl'],
		['record', '/customer/%2e'],
	])('refuses the percent-encoded dot segments of %s path %s before sending anything', async (service, path) => {
		const { error } = await raw({ service, path });
		expect(error?.message).toMatch(/Path may not contain .* \. \/ \.\. segments \(also when percent-encoded\)/);
		expect(emulator.requestLog).toHaveLength(0);
	});

	it.each([
		['record', '/services/rest/record/v1/customer/1', '/services/rest/record/v1/customer/1'],
		['record', 'services/rest/record/v1/customer/1', '/services/rest/record/v1/customer/1'],
		['query', '/services/rest/query/v1/suiteql', '/services/rest/query/v1/suiteql'],
	])('a full path under %s (%s) is understood, not doubled', async (service, path, sent) => {
		const parameters: INodeParameters = { service, path };
		if (service === 'query')
			Object.assign(parameters, {
				method: 'POST',
				sendHeaders: true,
				headerParameters: { parameter: [{ name: 'Prefer', value: 'transient' }] },
				sendBody: true,
				bodyType: 'json',
				jsonBody: '{"q": "SELECT id FROM customer WHERE id = 1"}',
			});
		const { error } = await raw(parameters);
		expect(error).toBeUndefined();
		expect(emulator.requestLog.map((r) => r.path)).toEqual([sent]);
	});

	it.each([
		['record', '/services/rest/query/v1/suiteql', '/services/rest/query'],
		['query', '/services/rest/record/v1/customer/1', '/services/rest/record'],
		['record', '/services/rest/system/v1/governanceLimits', '/services/rest/system'],
	])('a full path of another service under %s (%s) is refused, naming the prefix', async (service, path, prefix) => {
		const { error } = await raw({ service, path });
		expect(error?.message).toContain(`starts with ${prefix}`);
		expect(error?.message).toContain('Other Path on the Account');
		expect(emulator.requestLog).toHaveLength(0);
	});

	it.each(['script', 'deploy', 'Script', 'DEPLOY'])('RESTlet Query Parameters cannot override the checked %s', async (name) => {
		const { error } = await raw({
			service: 'restlet',
			scriptId: 'customscript_echo',
			deployId: '1',
			sendQuery: true,
			queryParameters: { parameter: [{ name, value: '999' }] },
		});
		expect(error?.message).toBe(`Query Parameters may not set "${name}" for a RESTlet: use the Script ID and Deployment ID fields`);
		expect(emulator.requestLog).toHaveLength(0);
	});

	it.each([
		['a space', '/customer/eid:ACME 42'],
		['non-ASCII', '/customer/eid:Müller-Ωmega-😀'],
		['a plus', '/customer/eid:A+B'],
		['a percent-escape', '/customer/eid:A%2FB'],
		['a lone percent', '/customer/eid:50%off'],
		['brackets and pipes', '/customer/eid:[x]|^'],
	])('TBA signs exactly the URL it sends for a path with %s: NetSuite verifies it and answers for the record', async (_what, path) => {
		const { error } = await raw({
			service: 'record',
			path,
			sendQuery: true,
			queryParameters: { parameter: [{ name: 'fields', value: 'companyName, email+x' }] },
		});
		expect(emulator.requestLog).toHaveLength(1);
		expect(emulator.requestLog[0].auth).toBe('tba');
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toContain('[NONEXISTENT_ID]');
	});

	it('TBA signing still finds a record whose external id has a space and a plus', async () => {
		await netSuite({
			resource: 'record',
			operation: 'upsert',
			recordType: { __rl: true, mode: 'id', value: 'customer' },
			externalId: 'SP ACE+1',
			bodyMode: 'json',
			bodyJson: '{"companyName": "Space Plus", "subsidiary": {"id": "1"}}',
		});
		const { error, items } = await raw({ service: 'record', path: '/customer/eid:SP ACE+1' });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ companyName: 'Space Plus' });
	});

	it.each([1e9, 11, -1, 2.5])('Raw Request Max Retries %p is refused, naming the field', async (maxRetries) => {
		const { error } = await raw({ service: 'record', path: '/customer/1', options: { maxRetries } });
		expect(error?.message).toBe(`Max Retries must be a whole number from 0 to 10 (it is ${JSON.stringify(maxRetries)})`);
		expect(emulator.requestLog).toHaveLength(0);
	});

	it.each([0, -5])('SuiteQL Limit %p is refused, naming the field, and nothing is sent', async (limit) => {
		const { error, items } = await netSuite({ resource: 'suiteQl', operation: 'run', query: 'SELECT id FROM customer', limit });
		expect(items).toEqual([]);
		expect(error?.message).toBe(`Limit must be a whole number of 1 or more (it is ${limit})`);
		expect(emulator.requestLog).toHaveLength(0);
	});

	it('Record › List and Item › List refuse a Limit of 0 too', async () => {
		expect(
			(await netSuite({ resource: 'record', operation: 'list', recordType: { __rl: true, mode: 'id', value: 'customer' }, limit: 0 })).error
				?.message,
		).toBe('Limit must be a whole number of 1 or more (it is 0)');
		expect((await netSuite({ resource: 'item', operation: 'list', limit: 0 })).error?.message).toBe(
			'Limit must be a whole number of 1 or more (it is 0)',
		);
		expect(emulator.requestLog).toHaveLength(0);
	});

	it('an OAuth2 refresh token NetSuite refuses (revoked or expired) says to reconnect, after one refresh attempt', async () => {
		const refreshes = emulator.requestLog.length;
		const { error } = await runNode({
			nodeType: new NetSuite(),
			parameters: {
				authentication: 'oAuth2',
				resource: 'record',
				operation: 'get',
				recordType: { __rl: true, mode: 'id', value: 'customer' },
				recordId: '1',
			},
			credentials: oauth2CredentialFor(emulator, {
				access_token: 'revoked-access-token',
				refresh_token: 'revoked-refresh-token',
				token_type: 'bearer',
			}),
		});
		expect(error?.message).toMatch(/refused to refresh the OAuth2 access token \(invalid_grant\).*Reconnect/);
		const tokenCalls = emulator.requestLog.slice(refreshes).filter((r) => r.path.endsWith('/oauth2/v1/token'));
		expect(tokenCalls).toHaveLength(1);
		expect(JSON.stringify({ message: error?.message, description: error?.description })).not.toMatch(/revoked-(access|refresh)-token/);
	});
});
