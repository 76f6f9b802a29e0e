/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests, emulator, scripts), never inside n8n */
// One test per row of the retry table (README "Retries"), each through a fault-injecting proxy
// in front of the emulator, plus the findings of issue 14 that need a fault to show.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { NetSuite } from '../../nodes/NetSuite/NetSuite.node';
import { NetSuiteRawRequest } from '../../nodes/NetSuiteRawRequest/NetSuiteRawRequest.node';
import { retryTiming } from '../../nodes/shared/api/retry';
import { clearTokenCache } from '../../nodes/shared/auth/tokenCache';
import { transportTuning } from '../../nodes/shared/api/transport';
import { startEmulator, type RunningEmulator } from '../emulator';
import { runNode, type TestCredential } from '../harness';
import { credentialsFor, type Auth } from '../nodes/credentials';
import { startFaultProxy, type FaultProxy } from './faultProxy';

const type = (value: string) => ({ __rl: true, mode: 'id', value });
const is = (method: string, path: RegExp) => (m: string, p: string) => m === method && path.test(p);

describe('the retry table, row by row, through a fault-injecting proxy', () => {
	let emulator: RunningEmulator;
	let proxy: FaultProxy;
	const sleep = retryTiming.sleep;
	const timeout = transportTuning.timeoutMs;
	let delays: number[];

	beforeAll(async () => {
		emulator = await startEmulator({ port: 0 });
		proxy = await startFaultProxy(emulator.baseUrl);
	});
	afterAll(async () => {
		await proxy.stop();
		await emulator.stop();
	});
	beforeEach(() => {
		delays = [];
		retryTiming.sleep = async (ms) => {
			delays.push(ms);
		};
		transportTuning.timeoutMs = 1000;
		proxy.log.length = 0;
		proxy.clear();
	});
	afterEach(() => {
		retryTiming.sleep = sleep;
		transportTuning.timeoutMs = timeout;
		clearTokenCache();
	});

	/** The emulator's credentials, pointed at the proxy. */
	const viaProxy = (auth: Auth = 'tokenBasedAuth'): Record<string, TestCredential> => {
		const credentials = credentialsFor(emulator, auth);
		for (const credential of Object.values(credentials)) credential.data = { ...credential.data, baseUrlOverride: proxy.baseUrl };
		return credentials;
	};
	const netSuite = async (parameters: INodeParameters, auth: Auth = 'tokenBasedAuth', executionId?: string) => {
		const result = await runNode({
			nodeType: new NetSuite(),
			parameters: { authentication: auth, ...parameters },
			credentials: viaProxy(auth),
			executionId,
		});
		return { ...result, json: result.items.map((i) => i.json) };
	};
	const raw = async (parameters: INodeParameters) => {
		const result = await runNode({
			nodeType: new NetSuiteRawRequest(),
			parameters: { authentication: 'tokenBasedAuth', ...parameters },
			credentials: viaProxy(),
		});
		return { ...result, json: result.items.map((i) => i.json) };
	};
	const customersNamed = (name: string) =>
		Number(emulator.data.db.all('SELECT COUNT(*) AS n FROM customer WHERE companyname = ?', [name])[0].n);
	const linesOf = (orderId: number) =>
		Number(emulator.data.db.all('SELECT COUNT(*) AS n FROM transactionline WHERE "transaction" = ?', [orderId])[0].n);

	it('Read (GET): a reset, a burst of 503s, a lost answer and a timeout are all retried, and the item succeeds', async () => {
		const get = is('GET', /\/customer\/1$/);
		proxy.inject({ kind: 'reset' }, 1, get);
		proxy.inject({ kind: 'status', status: 503 }, 2, get);
		proxy.inject({ kind: 'dropAnswer' }, 1, get);
		proxy.inject({ kind: 'slow', delayMs: 1500 }, 1, get);
		const { json, error } = await netSuite({ resource: 'record', operation: 'get', recordType: type('customer'), recordId: '1' });
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ id: '1', companyName: 'Acme Corporation' });
		expect(proxy.log.filter((r) => get(r.method, r.path)).map((r) => r.fault)).toEqual([
			'reset',
			'status',
			'status',
			'dropAnswer',
			'slow',
			undefined,
		]);
	});

	it('SuiteQL (a read sent as POST): one 503 and one reset are retried, for the SuiteQL operation, Item › List and Verify', async () => {
		const suiteQl = is('POST', /\/suiteql$/);
		proxy.inject({ kind: 'status', status: 503 }, 1, suiteQl);
		proxy.inject({ kind: 'reset' }, 1, suiteQl);
		const query = await netSuite({ resource: 'suiteQl', operation: 'run', query: 'SELECT id FROM customer ORDER BY id', limit: 2 });
		expect(query.error).toBeUndefined();
		expect(query.json).toEqual([{ id: '1' }, { id: '2' }]);
		proxy.inject({ kind: 'reset' }, 1, suiteQl);
		const items = await netSuite({ resource: 'item', operation: 'list', limit: 1 });
		expect(items.error).toBeUndefined();
		expect(items.json).toHaveLength(1);
		proxy.inject({ kind: 'status', status: 503 }, 1, suiteQl);
		const verify = await netSuite({ resource: 'connection', operation: 'verify' });
		expect(verify.error).toBeUndefined();
		expect(verify.json[0]).toMatchObject({ ok: true });
	});

	it('Token request: the M2M token endpoint answering 503 twice is retried, not blamed on the Consumer Key', async () => {
		const token = is('POST', /\/oauth2\/v1\/token$/);
		proxy.inject({ kind: 'status', status: 503 }, 2, token);
		const { json, error } = await netSuite(
			{ resource: 'record', operation: 'get', recordType: type('customer'), recordId: '1' },
			'clientCredentials',
		);
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ id: '1' });
		expect(proxy.log.filter((r) => token(r.method, r.path))).toHaveLength(3);
	});

	it("Token request: a 5xx that persists says it is NetSuite's fault, not the credential's", async () => {
		proxy.inject({ kind: 'status', status: 503 }, 10, is('POST', /\/oauth2\/v1\/token$/));
		const { error } = await netSuite(
			{ resource: 'record', operation: 'get', recordType: type('customer'), recordId: '1' },
			'clientCredentials',
		);
		expect(error?.message).toMatch(/token endpoint answered HTTP 503 on all 4 attempts \(a fault on NetSuite's side/);
		expect(error?.message).not.toMatch(/Check Consumer Key/);
	});

	it("Create, Exactly Once (async, idempotency key): the answer to the create is lost after NetSuite applied it; the item succeeds with the one record's id", async () => {
		proxy.inject({ kind: 'dropAnswer' }, 1, is('POST', /\/customer$/));
		const { json, error } = await netSuite({
			resource: 'record',
			operation: 'create',
			recordType: type('customer'),
			bodyMode: 'json',
			bodyJson: '{"companyName": "Lost Answer Ltd", "subsidiary": {"id": "1"}}',
			options: { delivery: 'exactlyOnceAsyncJob' },
		});
		expect(error).toBeUndefined();
		expect(customersNamed('Lost Answer Ltd')).toBe(1);
		const id = emulator.data.db.all('SELECT id FROM customer WHERE companyname = ?', ['Lost Answer Ltd'])[0].id;
		expect(json[0]).toEqual({ id: String(id), recordType: 'customer' });
		const posts = proxy.log.filter((r) => r.method === 'POST');
		expect(posts.map((r) => r.fault)).toEqual(['dropAnswer', undefined]);
	});

	it('Create, Exactly Once (async, idempotency key): a 503 burst, a reset and a timeout still make exactly one record', async () => {
		const create = is('POST', /\/customer$/);
		proxy.inject({ kind: 'status', status: 503 }, 2, create);
		proxy.inject({ kind: 'reset' }, 1, create);
		proxy.inject({ kind: 'slow', delayMs: 1500 }, 1, create);
		const { json, error } = await netSuite({
			resource: 'customer',
			operation: 'create',
			companyName: 'Stormy Weather Inc',
			subsidiary: '1',
			options: { delivery: 'exactlyOnceAsyncJob' },
		});
		expect(error).toBeUndefined();
		expect(customersNamed('Stormy Weather Inc')).toBe(1);
		expect(json[0].id).toMatch(/^\d+$/);
	});

	it('Create, Exactly Once: when the record was made but its result cannot be read, the error says so and not to run the item again', async () => {
		proxy.inject({ kind: 'status', status: 503 }, 20, is('GET', /\/async\/v1\/job\/\d+$/));
		const { error } = await netSuite({
			resource: 'record',
			operation: 'create',
			recordType: type('customer'),
			bodyMode: 'json',
			bodyJson: '{"companyName": "Unreadable Result Ltd", "subsidiary": {"id": "1"}}',
			options: { delivery: 'exactlyOnceAsyncJob' },
		});
		// NetSuite accepted the job; the record appears once its processor has run it.
		await emulator.data.jobs.settled();
		expect(customersNamed('Unreadable Result Ltd')).toBe(1);
		expect(error?.message).toMatch(/^NetSuite accepted the create as job \d+, but reading its result failed/);
		expect(error?.description).toMatch(/Do not run this item again: the record may exist/);
	});

	const createCustomer = (companyName: string, extra: object = {}, options: INodeParameters = {}, executionId?: string) =>
		netSuite(
			{
				resource: 'record',
				operation: 'create',
				recordType: type('customer'),
				bodyMode: 'json',
				bodyJson: JSON.stringify({ companyName, subsidiary: { id: '1' }, ...extra }),
				options,
			},
			'tokenBasedAuth',
			executionId,
		);
	const idOf = (name: string) => String(emulator.data.db.all('SELECT id FROM customer WHERE companyname = ?', [name])[0]?.id);

	it('Create, One Request per Record: one synchronous POST, no key, no job', async () => {
		const { json, error } = await createCustomer('Plain Sync Ltd');
		expect(error).toBeUndefined();
		expect(json[0]).toEqual({ id: idOf('Plain Sync Ltd'), recordType: 'customer' });
		const sent = proxy.log.filter((r) => r.path.includes('/record/v1/') || r.path.includes('/async/'));
		expect(sent.map((r) => r.method)).toEqual(['POST']);
	});

	it('Create, One Request per Record: a lost answer with an External ID is looked up by eid:, not sent again', async () => {
		proxy.inject({ kind: 'dropAnswer' }, 1, is('POST', /\/customer$/));
		const { json, error } = await createCustomer('Lost Sync Eid Ltd', { externalId: 'LOST-EID-1' });
		expect(error).toBeUndefined();
		expect(customersNamed('Lost Sync Eid Ltd')).toBe(1);
		expect(json[0]).toEqual({ id: idOf('Lost Sync Eid Ltd'), recordType: 'customer' });
		expect(proxy.log.filter((r) => r.method === 'POST')).toHaveLength(1);
		expect(proxy.log.some((r) => r.method === 'GET' && r.path.endsWith('/customer/eid:LOST-EID-1'))).toBe(true);
	});

	it('Create, One Request per Record: a 503 that applied nothing, with an External ID, is looked up and then sent again: one record', async () => {
		proxy.inject({ kind: 'status', status: 503 }, 1, is('POST', /\/customer$/));
		const { json, error } = await createCustomer('Refused Sync Eid Ltd', { externalId: 'R503-EID-1' });
		expect(error).toBeUndefined();
		expect(customersNamed('Refused Sync Eid Ltd')).toBe(1);
		expect(json[0].id).toBe(idOf('Refused Sync Eid Ltd'));
		expect(proxy.log.filter((r) => r.method === 'POST')).toHaveLength(2);
	});

	it('Create, One Request per Record: a lost answer without an External ID fails the item saying the record may exist, never inviting a retry', async () => {
		proxy.inject({ kind: 'dropAnswer' }, 1, is('POST', /\/customer$/));
		const { error } = await createCustomer('Lost Sync Plain Ltd');
		expect(customersNamed('Lost Sync Plain Ltd')).toBe(1);
		expect(proxy.log.filter((r) => r.method === 'POST')).toHaveLength(1);
		expect(error?.message).toMatch(/outcome is unknown .*the record may exist/);
		expect(error?.description).toMatch(/Check in NetSuite .* before running this item again/);
		expect(`${error?.message} ${error?.description}`).not.toMatch(/retry the request immediately|Gave up after/i);
	});

	it('Create, One Request per Record: the answer lost and the look-up failing until its retries run out: the item says the record may exist and where to look', async () => {
		proxy.inject({ kind: 'dropAnswer' }, 1, is('POST', /\/customer$/));
		proxy.inject({ kind: 'status', status: 503 }, 7, is('GET', /\/customer\/eid:/));
		const { error } = await createCustomer('Lookup Down Ltd', { externalId: 'LOOKUP-DOWN-1' });
		expect(customersNamed('Lookup Down Ltd')).toBe(1);
		expect(proxy.log.filter((r) => r.method === 'POST')).toHaveLength(1);
		expect(error?.message).toMatch(/the record may exist/);
		expect(error?.description).toMatch(/eid:LOOKUP-DOWN-1/);
		expect(`${error?.message} ${error?.description}`).not.toMatch(/retry the request immediately|Gave up after/i);
	});

	it('Create, One Request per Record: 503s until the sends run out leave no record and say how to check', async () => {
		proxy.inject({ kind: 'status', status: 503 }, 3, is('POST', /\/customer$/));
		const { error } = await createCustomer('Never Made Ltd', { externalId: 'NEVER-MADE-1' });
		expect(customersNamed('Never Made Ltd')).toBe(0);
		expect(proxy.log.filter((r) => r.method === 'POST')).toHaveLength(3);
		expect(error?.message).toMatch(/stayed unknown after 3 attempts/);
		expect(error?.description).toMatch(/eid:NEVER-MADE-1/);
		expect(`${error?.message} ${error?.description}`).not.toMatch(/retry the request immediately/i);
	});

	it('Create, Exactly Once: Retry On Fail (the node run again in the same execution) reuses the key: one record, its id', async () => {
		// Every job read fails, so the first run fails after NetSuite made the record.
		proxy.inject({ kind: 'status', status: 503 }, 7, is('GET', /\/async\/v1\/job\/\d+$/));
		const executionId = 'retry-on-fail-execution';
		const first = await createCustomer('Retried Once Ltd', {}, { delivery: 'exactlyOnceAsyncJob' }, executionId);
		expect(first.error?.description).toMatch(/Do not run this item again/);
		const second = await createCustomer('Retried Once Ltd', {}, { delivery: 'exactlyOnceAsyncJob' }, executionId);
		expect(second.error).toBeUndefined();
		expect(customersNamed('Retried Once Ltd')).toBe(1);
		expect(second.json[0].id).toBe(idOf('Retried Once Ltd'));
		const keys = emulator.requestLog
			.filter((r) => r.method === 'POST' && r.path.endsWith('/customer'))
			.slice(-2)
			.map((r) => r.headers['x-netsuite-idempotency-key']);
		expect(keys).toHaveLength(2);
		expect(keys[0]).toBe(keys[1]);
	});

	it('Update / upsert / delete: a lost answer is retried and settles as once (one record; a DELETE that finds nothing was done)', async () => {
		proxy.inject({ kind: 'dropAnswer' }, 1, is('PUT', /eid:/));
		const upsert = await netSuite({
			resource: 'record',
			operation: 'upsert',
			recordType: type('customer'),
			externalId: 'LOST-PUT-1',
			bodyMode: 'json',
			bodyJson: '{"companyName": "Upsert Once", "subsidiary": {"id": "1"}}',
		});
		expect(upsert.error).toBeUndefined();
		expect(customersNamed('Upsert Once')).toBe(1);
		const id = String(upsert.json[0].id);
		proxy.inject({ kind: 'dropAnswer' }, 1, is('PATCH', new RegExp(`/customer/${id}$`)));
		const update = await netSuite({
			resource: 'record',
			operation: 'update',
			recordType: type('customer'),
			recordId: id,
			bodyMode: 'json',
			bodyJson: '{"email": "once@example.com"}',
		});
		expect(update.error).toBeUndefined();
		proxy.inject({ kind: 'dropAnswer' }, 1, is('DELETE', new RegExp(`/customer/${id}$`)));
		const removed = await netSuite({ resource: 'record', operation: 'delete', recordType: type('customer'), recordId: id });
		expect(removed.error).toBeUndefined();
		expect(removed.json[0]).toMatchObject({ id, deleted: true });
		expect(customersNamed('Upsert Once')).toBe(0);
	});

	it('Sublist › Add Line: a lost answer is not retried, so one line is added for one, and the error says to check the record', async () => {
		const before = linesOf(101);
		proxy.inject({ kind: 'dropAnswer' }, 1, is('PATCH', /\/salesOrder\/101$/));
		const { error } = await netSuite({
			resource: 'sublist',
			operation: 'addLine',
			recordType: type('salesOrder'),
			recordId: '101',
			sublistId: 'item',
			lines: '[{"item": {"id": "5"}, "quantity": 1}]',
		});
		expect(linesOf(101)).toBe(before + 1);
		expect(error?.message).toMatch(/closed unexpectedly|Could not reach NetSuite|ECONNRESET/i);
		expect(error?.description).toMatch(/may have applied this request.*not sent again.*check the record/);
	});

	it('Sublist › Add Line: a 429 (refused before it ran) is retried', async () => {
		const before = linesOf(101);
		proxy.inject({ kind: 'status', status: 429 }, 1, is('PATCH', /\/salesOrder\/101$/));
		const { error } = await netSuite({
			resource: 'sublist',
			operation: 'addLine',
			recordType: type('salesOrder'),
			recordId: '101',
			sublistId: 'item',
			lines: '[{"item": {"id": "5"}, "quantity": 1}]',
		});
		expect(error).toBeUndefined();
		expect(linesOf(101)).toBe(before + 1);
	});

	it("a long run of 429s (a busy shared account) is waited out within the item's budget, past the six retries other failures get", async () => {
		// Nine 429s: past the six retries, and still inside the 120 s budget with the backoff's 30 s cap.
		proxy.inject({ kind: 'status', status: 429 }, 9, is('GET', /\/customer\/1$/));
		const { error, json } = await netSuite({ resource: 'record', operation: 'get', recordType: type('customer'), recordId: '1' });
		expect(error).toBeUndefined();
		expect(json[0].id).toBe('1');
		expect(delays).toHaveLength(9);
	});

	it('Raw Request: Max Retries counts 429s too (the user set the number)', async () => {
		proxy.inject({ kind: 'status', status: 429 }, 5, is('GET', /\/customer\/1$/));
		const { error } = await raw({ service: 'record', path: '/customer/1', method: 'GET', options: { maxRetries: 2 } });
		expect(error?.message).toMatch(/429|Concurrent|Too Many/i);
		expect(delays).toHaveLength(2);
	});

	it('Raw Request POST that times out is not sent again: one record, not four', async () => {
		proxy.inject({ kind: 'slow', delayMs: 1500 }, 1, is('POST', /\/customer$/));
		const { error } = await raw({
			service: 'record',
			path: '/customer',
			method: 'POST',
			sendBody: true,
			bodyType: 'json',
			jsonBody: '{"companyName": "Timeout Raw Co", "subsidiary": {"id": "1"}}',
			options: { timeout: 300 },
		});
		expect(error).toBeDefined();
		expect(error?.description).toMatch(/not sent again/);
		await new Promise((r) => setTimeout(r, 1500));
		expect(customersNamed('Timeout Raw Co')).toBe(1);
	});

	it('Raw Request GET / PUT / DELETE are retried after 5xx and lost answers', async () => {
		proxy.inject({ kind: 'status', status: 502 }, 1, is('GET', /\/customer\/2$/));
		expect((await raw({ service: 'record', path: '/customer/2', method: 'GET' })).json[0]).toMatchObject({ id: '2' });
		proxy.inject({ kind: 'dropAnswer' }, 1, is('PUT', /eid:RAW-PUT-1$/));
		const put = await raw({
			service: 'record',
			path: '/customer/eid:RAW-PUT-1',
			method: 'PUT',
			sendBody: true,
			bodyType: 'json',
			jsonBody: '{"companyName": "Raw Put Once", "subsidiary": {"id": "1"}}',
		});
		expect(put.error).toBeUndefined();
		expect(customersNamed('Raw Put Once')).toBe(1);
	});

	it('a Retry-After of 600 s fails the item at once, saying so, instead of waiting an hour', async () => {
		proxy.inject({ kind: 'status', status: 503, retryAfterSeconds: 600 }, 7, is('GET', /\/customer\/3$/));
		const { error } = await netSuite({ resource: 'record', operation: 'get', recordType: type('customer'), recordId: '3' });
		expect(error?.description).toMatch(/asked to wait 600 s before trying again \(Retry-After\); the node waits at most 60 s/);
		expect(delays.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(120_000);
	});

	it('retries stop when the item has waited its total, with a message saying so', async () => {
		proxy.inject({ kind: 'status', status: 503, retryAfterSeconds: 50 }, 7, is('GET', /\/customer\/4$/));
		const { error } = await netSuite({ resource: 'record', operation: 'get', recordType: type('customer'), recordId: '4' });
		expect(error?.description).toMatch(/stopped retrying after waiting 100 s for this item \(at most 120 s per item\)/);
		expect(delays).toEqual([50_000, 50_000]);
	});

	it('a 200 answer with an HTML maintenance page fails the item clearly instead of becoming a string item', async () => {
		proxy.inject({ kind: 'html' }, 1, is('GET', /\/customer\/1$/));
		const { error, items } = await netSuite({ resource: 'record', operation: 'get', recordType: type('customer'), recordId: '1' });
		expect(items).toEqual([]);
		expect(error?.message).toBe('NetSuite answered HTTP 200 with an HTML page instead of JSON');
		proxy.inject({ kind: 'html' }, 1, is('GET', /\/customer\/1$/));
		const asRaw = await raw({ service: 'record', path: '/customer/1', method: 'GET' });
		expect(asRaw.error?.message).toBe('NetSuite answered HTTP 200 with an HTML page instead of JSON');
		proxy.inject({ kind: 'html' }, 1, is('GET', /\/customer\/1$/));
		const asText = await raw({ service: 'record', path: '/customer/1', method: 'GET', responseFormat: 'text' });
		expect(asText.error).toBeUndefined();
		expect(String((asText.json[0] as IDataObject).data)).toContain('scheduled maintenance');
	});
});
