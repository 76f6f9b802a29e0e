// Create with Delivery "NetSuite Batch Jobs" (issue 23), through a fault-injecting proxy in front
// of the emulator's batch endpoint and async queue: items go in batches of up to 100, each record's
// outcome reaches its own item, and lost answers never make a record twice.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { NetSuite } from '../../nodes/NetSuite/NetSuite.node';
import { retryTiming } from '../../nodes/shared/api/retry';
import { transportTuning } from '../../nodes/shared/api/transport';
import { startEmulator, type RunningEmulator } from '../emulator';
import { runNode } from '../harness';
import { credentialsFor } from '../nodes/credentials';
import { startFaultProxy, type FaultProxy } from './faultProxy';

const is = (method: string, path: RegExp) => (m: string, p: string) => m === method && path.test(p);

/** One run of the NetSuite node over customers, Delivery "NetSuite Batch Jobs", one input item per row. */
const batchNodeRun = async (
	credentials: ReturnType<typeof credentialsFor>,
	parameters: IDataObject,
	rows: IDataObject[],
	options: { executionId?: string; continueOnFail?: boolean } = {},
) =>
	await runNode({
		nodeType: new NetSuite(),
		parameters: {
			authentication: 'tokenBasedAuth',
			resource: 'record',
			recordType: { __rl: true, mode: 'id', value: 'customer' },
			...parameters,
			options: { delivery: 'netSuiteBatchJobs', ...((parameters.options as IDataObject) ?? {}) },
		} as never,
		credentials,
		items: rows.map((json) => ({ json }) as INodeExecutionData),
		...options,
	});

describe('Create, NetSuite Batch Jobs', () => {
	let emulator: RunningEmulator;
	let proxy: FaultProxy;
	const sleep = retryTiming.sleep;
	const timeout = transportTuning.timeoutMs;

	beforeAll(async () => {
		emulator = await startEmulator({ port: 0 });
		proxy = await startFaultProxy(emulator.baseUrl);
	});
	afterAll(async () => {
		await proxy.stop();
		await emulator.stop();
	});
	beforeEach(() => {
		retryTiming.sleep = async () => undefined;
		transportTuning.timeoutMs = 1000;
		proxy.log.length = 0;
		proxy.clear();
		emulator.clearLog();
	});
	afterEach(() => {
		retryTiming.sleep = sleep;
		transportTuning.timeoutMs = timeout;
	});

	const credentials = () => {
		const all = credentialsFor(emulator, 'tokenBasedAuth');
		for (const credential of Object.values(all)) credential.data = { ...credential.data, baseUrlOverride: proxy.baseUrl };
		return all;
	};
	/** One node run creating a customer per input item, named and (optionally) with an External ID from the item. */
	const createAll = async (
		rows: Array<{ name: string; externalId?: string }>,
		options: { executionId?: string; continueOnFail?: boolean } = {},
	) => {
		const result = await batchNodeRun(
			credentials(),
			{
				operation: 'create',
				bodyMode: 'json',
				bodyJson:
					'={{ JSON.stringify(Object.assign({ companyName: $json.name, subsidiary: { id: "1" } }, $json.externalId ? { externalId: $json.externalId } : {})) }}',
			},
			rows,
			options,
		);
		return { ...result, json: result.items.map((i) => i.json as IDataObject) };
	};
	const idNamed = (name: string) => emulator.data.db.all('SELECT id FROM customer WHERE companyname = ?', [name]).map((r) => String(r.id));
	const batchPosts = () => emulator.requestLog.filter((r) => r.method === 'POST' && r.path.endsWith('/record/v1/customer'));
	const named = (prefix: string, n: number, withExternalId = true) =>
		Array.from({ length: n }, (_, i) => ({
			name: `${prefix} ${i}`,
			...(withExternalId && { externalId: `${prefix.replace(/\W/g, '')}-${i}` }),
		}));

	it('250 items with External IDs: three batch requests (100, 100, 50), each item answers the ID of its own record, a few requests per 100 records', async () => {
		const rows = named('Batch Ltd', 250);
		const { json, error } = await createAll(rows);
		expect(error).toBeUndefined();
		expect(json.map((j) => j.id)).toEqual(rows.map((r) => idNamed(r.name)[0]));
		expect(rows.every((r) => idNamed(r.name).length === 1)).toBe(true);
		expect(batchPosts().map((r) => (JSON.parse(r.body) as { items: unknown[] }).items.length)).toEqual([100, 100, 50]);
		// No task result is read: the IDs come from one SuiteQL query per batch.
		expect(emulator.requestLog.filter((r) => /\/task\/[^/]+\/result$/.test(r.path))).toEqual([]);
		// Besides the job polls (as many as the queue takes; the bench counts them): the governance
		// lookup, 3 submissions, 3 queries.
		const polls = emulator.requestLog.filter((r) => /\/async\/v1\/job\/\d+$/.test(r.path));
		expect(emulator.requestLog.length - polls.length).toBeLessThanOrEqual(7);
	});

	it('without External IDs each item still gets its own record, read from its task in order', async () => {
		const rows = named('No Key Ltd', 7, false);
		const { json, error } = await createAll(rows);
		expect(error).toBeUndefined();
		expect(json.map((j) => j.id)).toEqual(rows.map((r) => idNamed(r.name)[0]));
		expect(batchPosts()).toHaveLength(1);
	});

	it("a record NetSuite refuses fails only its own item, with NetSuite's error; the others are made once", async () => {
		const taken = named('Taken Ltd', 1)[0];
		await createAll([taken]);
		const rows = [...named('Mixed Ltd', 2), { name: 'Duplicate Of Taken', externalId: taken.externalId }, ...named('Mixed Two Ltd', 2)];
		const result = await batchNodeRun(
			credentials(),
			{
				operation: 'create',
				bodyMode: 'json',
				bodyJson: '={{ JSON.stringify({ companyName: $json.name, subsidiary: { id: "1" }, externalId: $json.externalId }) }}',
			},
			rows,
			{ continueOnFail: true },
		);
		const out = result.items.map((i) => ({ ...(i.json as IDataObject), ...(i.error && { error: i.error.message }) }) as IDataObject);
		expect(out.map((j) => (j.error ? 'error' : j.id))).toEqual([
			idNamed('Mixed Ltd 0')[0],
			idNamed('Mixed Ltd 1')[0],
			'error',
			idNamed('Mixed Two Ltd 0')[0],
			idNamed('Mixed Two Ltd 1')[0],
		]);
		expect(JSON.stringify(out[2])).toMatch(/already exists|DUP_RCRD/);
		expect(idNamed('Duplicate Of Taken')).toEqual([]);
	});

	it('an item whose inputs are wrong never joins its batch: it fails with the field named, and the batch goes without it', async () => {
		const rows = [{ name: 'Fine A' }, { name: 'Broken', bad: true }, { name: 'Fine B' }];
		const result = await batchNodeRun(
			credentials(),
			{
				operation: 'create',
				bodyMode: 'json',
				bodyJson: '={{ $json.bad ? "{ not json" : JSON.stringify({ companyName: $json.name, subsidiary: { id: "1" } }) }}',
			},
			rows,
			{ continueOnFail: true },
		);
		expect(result.items.map((i) => (i.error ? i.error.message : (i.json as IDataObject).id))).toEqual([
			idNamed('Fine A')[0],
			expect.stringMatching(/Body \(JSON\)/),
			idNamed('Fine B')[0],
		]);
		expect(batchPosts().map((r) => (JSON.parse(r.body) as { items: unknown[] }).items.length)).toEqual([2]);
	});

	it('the answer to a batch request lost after NetSuite queued it: the retry carries the same key, NetSuite names the first job, no record twice', async () => {
		proxy.inject({ kind: 'dropAnswer' }, 1, is('POST', /\/record\/v1\/customer$/));
		const rows = named('Lost Batch Ltd', 5);
		const { json, error } = await createAll(rows);
		expect(error).toBeUndefined();
		expect(rows.map((r) => idNamed(r.name).length)).toEqual([1, 1, 1, 1, 1]);
		expect(json.map((j) => j.id)).toEqual(rows.map((r) => idNamed(r.name)[0]));
		const keys = batchPosts().map((r) => r.headers['x-netsuite-idempotency-key']);
		expect(keys).toHaveLength(2);
		expect(keys[0]).toBe(keys[1]);
	});

	const runVia = async (parameters: IDataObject, rows: IDataObject[], executionId?: string) => {
		const result = await batchNodeRun(credentials(), parameters, rows, { executionId });
		return { error: result.error, out: result.items.map((i) => i.json as IDataObject) };
	};

	it("Create or Update: the batch PUT's answer lost, then every job poll lost and Retry On Fail: one record per External ID, each item its ID", async () => {
		const rows = Array.from({ length: 4 }, (_, i) => ({ key: `LOST-UPS-${i}`, name: `Lost Upsert ${i}` }));
		const upsert = {
			operation: 'upsert',
			externalId: '={{ $json.key }}',
			bodyMode: 'json',
			bodyJson: '={{ JSON.stringify({ companyName: $json.name, subsidiary: { id: "1" } }) }}',
		};
		proxy.inject({ kind: 'dropAnswer' }, 1, is('PUT', /\/record\/v1\/customer$/));
		proxy.inject({ kind: 'status', status: 503 }, 7, is('GET', /\/async\/v1\/job\/\d+$/));
		const first = await runVia(upsert, rows, 'batch-upsert-retry');
		expect(first.error?.description).toMatch(/Do not run these items again/);
		const second = await runVia(upsert, rows, 'batch-upsert-retry');
		expect(second.error).toBeUndefined();
		const byKey = (key: string) => emulator.data.db.all('SELECT id FROM customer WHERE externalid = ?', [key]).map((r) => String(r.id));
		expect(rows.map((r) => byKey(r.key).length)).toEqual([1, 1, 1, 1]);
		expect(second.out.map((o) => o.id)).toEqual(rows.map((r) => byKey(r.key)[0]));
	});

	it("Delete: the batch DELETE's answer lost: the retry names the first job, each record deleted once, each item done", async () => {
		const made = (await createAll(named('To Delete Ltd', 3, false))).json.map((j) => String(j.id));
		emulator.clearLog();
		proxy.inject({ kind: 'dropAnswer' }, 1, is('DELETE', /\/record\/v1\/customer$/));
		const { error, out } = await runVia(
			{ operation: 'delete', recordId: '={{ $json.id }}' },
			made.map((id) => ({ id })),
		);
		expect(error).toBeUndefined();
		expect(out.map((o) => [o.id, o.deleted])).toEqual(made.map((id) => [id, true]));
		expect(made.map((id) => emulator.data.db.all('SELECT id FROM customer WHERE id = ?', [Number(id)]).length)).toEqual([0, 0, 0]);
		const deletes = emulator.requestLog.filter((r) => r.method === 'DELETE');
		expect(deletes).toHaveLength(2);
		expect(deletes[0].headers['x-netsuite-idempotency-key']).toBe(deletes[1].headers['x-netsuite-idempotency-key']);
	});

	it('every job poll lost: each item says the records may exist and not to run it again; Retry On Fail in the same execution reuses the key and answers each ID, nothing twice', async () => {
		proxy.inject({ kind: 'status', status: 503 }, 7, is('GET', /\/async\/v1\/job\/\d+$/));
		const rows = named('Retry Batch Ltd', 3);
		const executionId = 'batch-retry-on-fail';
		const first = await createAll(rows, { executionId });
		expect(first.error?.description).toMatch(/Do not run these items again/);
		const second = await createAll(rows, { executionId });
		expect(second.error).toBeUndefined();
		expect(rows.map((r) => idNamed(r.name).length)).toEqual([1, 1, 1]);
		expect(second.json.map((j) => j.id)).toEqual(rows.map((r) => idNamed(r.name)[0]));
	});
});

describe('Update, Create or Update and Delete, NetSuite Batch Jobs', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());
	beforeEach(() => emulator.clearLog());

	const run = async (parameters: IDataObject, rows: IDataObject[], continueOnFail = false) => {
		const result = await batchNodeRun(credentialsFor(emulator, 'tokenBasedAuth'), parameters, rows, { continueOnFail });
		return result.items.map((i) => (i.error ? { error: i.error.message } : (i.json as IDataObject)));
	};
	const customer = (where: string, value: unknown) =>
		emulator.data.db.all(`SELECT id, companyname, phone FROM customer WHERE ${where} = ?`, [value as string]);
	const batches = (method: string) =>
		emulator.requestLog
			.filter((r) => r.method === method && r.path.endsWith('/record/v1/customer'))
			.map((r) => (JSON.parse(r.body) as { items: unknown[] }).items.length);

	it('Create or Update of 150 items by External ID, some new and some there: two batch PUTs, each item the ID of its record, none twice', async () => {
		const rows = Array.from({ length: 150 }, (_, i) => ({ key: `UPS-${i}`, name: `Upserted ${i}` }));
		await run(
			{
				operation: 'upsert',
				externalId: '={{ $json.key }}',
				bodyMode: 'json',
				bodyJson: '={{ JSON.stringify({ companyName: $json.name, subsidiary: { id: "1" } }) }}',
			},
			rows.slice(0, 40),
		);
		emulator.clearLog();
		const out = await run(
			{
				operation: 'upsert',
				externalId: '={{ $json.key }}',
				bodyMode: 'json',
				bodyJson: '={{ JSON.stringify({ companyName: $json.name + " again", subsidiary: { id: "1" } }) }}',
			},
			rows,
		);
		expect(batches('PUT')).toEqual([100, 50]);
		expect(out.map((o) => o.id)).toEqual(rows.map((r) => String(customer('externalid', r.key)[0]?.id)));
		expect(
			rows.every((r) => customer('externalid', r.key).length === 1 && customer('externalid', r.key)[0].companyname === `${r.name} again`),
		).toBe(true);
	});

	it('Update and Delete by internal ID: one batch each, every item answers its own record', async () => {
		const ids = [1, 2, 3].map(String);
		const updated = await run(
			{
				operation: 'update',
				recordId: '={{ $json.id }}',
				bodyMode: 'json',
				bodyJson: '={{ JSON.stringify({ phone: "555-" + $json.id }) }}',
			},
			ids.map((id) => ({ id })),
		);
		expect(batches('PATCH')).toEqual([3]);
		expect(updated.map((o) => [o.id, o.updated])).toEqual(ids.map((id) => [id, true]));
		expect(ids.map((id) => customer('id', Number(id))[0].phone)).toEqual(ids.map((id) => `555-${id}`));
		const made = await run(
			{ operation: 'create', bodyMode: 'json', bodyJson: '={{ JSON.stringify({ companyName: $json.name, subsidiary: { id: "1" } }) }}' },
			[{ name: 'Gone 1' }, { name: 'Gone 2' }],
		);
		const deleted = await run(
			{ operation: 'delete', recordId: '={{ $json.id }}' },
			made.map((m) => ({ id: m.id })),
		);
		expect(deleted.map((o) => [o.id, o.deleted])).toEqual(made.map((m) => [m.id, true]));
		expect(made.map((m) => customer('id', Number(m.id)).length)).toEqual([0, 0]);
		expect(batches('DELETE')).toEqual([2]);
	});

	it("Update of a record that does not exist in a batch: only that item fails, with NetSuite's error; the others are updated", async () => {
		const out = await run(
			{
				operation: 'update',
				recordId: '={{ $json.id }}',
				bodyMode: 'json',
				bodyJson: '={{ JSON.stringify({ phone: "777-" + $json.id }) }}',
			},
			[{ id: '4' }, { id: '999999' }, { id: '5' }],
			true,
		);
		expect(out.map((o) => (o.error ? 'error' : o.id))).toEqual(['4', 'error', '5']);
		expect(String(out[1].error)).toMatch(/999999|not exist|NONEXISTENT/i);
		expect([4, 5].map((id) => customer('id', id)[0].phone)).toEqual(['777-4', '777-5']);
	});

	it('Update with Replace Sublists and Batch Jobs: the item fails naming the option, nothing is sent', async () => {
		const out = await run(
			{ operation: 'update', recordId: '1', bodyMode: 'json', bodyJson: '{"phone": "1"}', options: { replace: 'addressBook' } },
			[{}],
			true,
		);
		expect(out[0].error).toMatch(/Replace Sublists and Replace Selected Fields cannot be sent with Delivery "NetSuite Batch Jobs"/);
		expect(batches('PATCH')).toEqual([]);
	});
});
