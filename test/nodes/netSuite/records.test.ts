import { startEmulator, type RunningEmulator } from '../../emulator';
import { runNetSuite, type } from './run';

describe('NetSuite node: Record', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());

	it('lists ids with a limit, one item per record', async () => {
		const { json, error } = await runNetSuite(emulator, { resource: 'record', operation: 'list', recordType: type('customer'), limit: 3 });
		expect(error).toBeUndefined();
		expect(json).toEqual([{ id: '1' }, { id: '2' }, { id: '3' }]);
		expect(emulator.requestLog.at(-1)?.rawQuery).toBe('limit=3&offset=0');
	});

	it('lists everything with Return All, fetching full records with a condition built in the UI', async () => {
		const { json } = await runNetSuite(emulator, {
			resource: 'record',
			operation: 'list',
			recordType: type('customer'),
			returnAll: true,
			filterMode: 'builder',
			filters: { condition: [{ field: 'custentity_segment', operator: 'IS', value: 'enterprise' }] },
			options: { fullRecords: true, fields: 'companyName' },
		});
		expect(json.map((r) => r.companyName)).toEqual(['Umbrella Corp', 'Stark Industries', 'Wayne Enterprises', 'Tyrell Corporation']);
		expect(json[0].links).toBeUndefined();
	});

	it('gets a record by eid: with sub-resources expanded, custom fields untouched', async () => {
		const { json } = await runNetSuite(emulator, {
			resource: 'record',
			operation: 'get',
			recordType: type('customer'),
			recordId: 'eid:CRM-1003',
			options: {},
		});
		expect(json[0]).toMatchObject({
			id: '4',
			companyName: 'Umbrella Corp',
			custentity_segment: 'enterprise',
			subsidiary: { id: '1', refName: 'Parent Company' },
		});
		const order = await runNetSuite(emulator, {
			resource: 'salesOrder',
			operation: 'get',
			recordId: '101',
			options: { expandSubResources: true, simpleEnumFormat: true },
		});
		expect(order.json[0]).toMatchObject({ status: 'B', custbody_channel: 'web' });
		expect((order.json[0].item as { items: unknown[] }).items).toHaveLength(2);
	});

	it('creates from JSON and from fields, returning the id from Location', async () => {
		const fromJson = await runNetSuite(emulator, {
			resource: 'record',
			operation: 'create',
			recordType: type('customrecord_demo_project'),
			bodyMode: 'json',
			bodyJson: '{"name": "Data Migration", "custrecord_budget": 999, "custrecord_customer": {"id": "2"}}',
		});
		expect(fromJson.json[0]).toMatchObject({ recordType: 'customrecord_demo_project', id: expect.stringMatching(/^\d+$/) });
		const fromFields = await runNetSuite(emulator, {
			resource: 'record',
			operation: 'create',
			recordType: type('customer'),
			bodyMode: 'fields',
			bodyFields: {
				field: [
					{ name: 'companyName', value: 'Fields Ltd' },
					{ name: 'subsidiary', value: '{"id": "2"}' },
				],
			},
		});
		const id = fromFields.json[0].id as string;
		const back = await runNetSuite(emulator, { resource: 'record', operation: 'get', recordType: type('customer'), recordId: id });
		expect(back.json[0]).toMatchObject({ companyName: 'Fields Ltd', subsidiary: { id: '2' } });
		const create = emulator.requestLog.find((r) => r.method === 'POST' && r.path.endsWith('/customer'));
		// One Request per Record (the default): synchronous, so neither the async preference nor a key (NetSuite ignores it then).
		expect(create?.headers['x-netsuite-idempotency-key']).toBeUndefined();
		expect(create?.headers.prefer).toBeUndefined();
	});

	it('updates with PATCH, replacing a sublist on request', async () => {
		await runNetSuite(emulator, {
			resource: 'record',
			operation: 'update',
			recordType: type('salesOrder'),
			recordId: '102',
			bodyMode: 'json',
			bodyJson: '{"memo": "rush", "item": {"items": [{"item": {"id": "5"}, "quantity": 1}]}}',
			options: { replace: 'item' },
		});
		const lines = await runNetSuite(emulator, {
			resource: 'sublist',
			operation: 'get',
			recordType: type('salesOrder'),
			recordId: '102',
			sublistId: 'item',
		});
		expect(lines.json.map((l) => (l.item as { id: string }).id)).toEqual(['5']);
	});

	it('upserts by external ID: running twice creates one record', async () => {
		const params = {
			resource: 'record',
			operation: 'upsert',
			recordType: type('customer'),
			externalId: 'SHOP-77',
			bodyMode: 'json',
			bodyJson: '{"companyName": "Shopify Buyer", "subsidiary": {"id": "1"}}',
		};
		const first = await runNetSuite(emulator, params);
		const second = await runNetSuite(emulator, params);
		expect(first.json[0].id).toBe(second.json[0].id);
		expect(emulator.data.db.all("SELECT COUNT(*) AS n FROM customer WHERE externalid = 'SHOP-77'")[0].n).toBe(1);
	});

	it('deletes', async () => {
		const created = await runNetSuite(emulator, {
			resource: 'record',
			operation: 'create',
			recordType: type('customer'),
			bodyMode: 'json',
			bodyJson: '{"companyName": "Gone", "subsidiary": {"id": "1"}}',
		});
		const id = created.json[0].id as string;
		expect(
			(await runNetSuite(emulator, { resource: 'record', operation: 'delete', recordType: type('customer'), recordId: id })).json[0],
		).toEqual({ id, recordType: 'customer', deleted: true });
		const gone = await runNetSuite(emulator, { resource: 'record', operation: 'get', recordType: type('customer'), recordId: id });
		expect(gone.error?.message).toBe('Record does not exist. [NONEXISTENT_ID]');
	});

	it.each([
		[{ recordId: '' }, 'Record ID is empty'],
		[{ recordId: 'abc' }, 'Record ID "abc" is neither an internal ID (digits) nor eid:<external ID>'],
		[{ recordType: type('bad type!') }, 'Record Type "bad type!" is not a NetSuite record type ID'],
		[{ recordType: type('noSuchType') }, "Record type 'noSuchType' does not exist. [INVALID_PARAMETER]"],
	])('refuses bad input %j with a clear error', async (overrides, message) => {
		const { error } = await runNetSuite(emulator, {
			resource: 'record',
			operation: 'get',
			recordType: type('customer'),
			recordId: '1',
			...overrides,
		});
		expect(error?.message).toContain(message);
	});

	it('refuses malformed JSON naming the field, and with Continue On Fail the other items still run', async () => {
		const { items } = await runNetSuite(
			emulator,
			{ resource: 'record', operation: 'create', recordType: type('customer'), bodyMode: 'json', bodyJson: '={{ $json.body }}' },
			{
				continueOnFail: true,
				items: [
					{ json: { body: '{"companyName": ' } },
					{ json: { body: '{"companyName": "Fine Co", "subsidiary": {"id": "1"}}' } },
					{ json: { body: '{"companyName": "No Sub"}' } },
				],
			},
		);
		expect(items[0].error?.message).toMatch(/^Body \(JSON\) is not valid JSON/);
		expect(items[1].json.id).toMatch(/^\d+$/);
		expect(items[2].error?.message).toBe('Please enter value(s) for: Subsidiary [USER_ERROR]');
		expect((items[2].error as { description?: string }).description).toContain('OneWorld account: set Subsidiary');
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});

	it('writes 30 items with Batch Size 10 against a concurrency limit of 5: 429s are retried and no item fails', async () => {
		emulator.faults.setConcurrency(5);
		emulator.faults.setLatency(30);
		const before = emulator.faults.rejected429;
		const items = Array.from({ length: 30 }, (_, i) => ({ json: { name: `Bulk ${i}` } }));
		const { json, error } = await runNetSuite(
			emulator,
			{
				resource: 'record',
				operation: 'upsert',
				recordType: type('customer'),
				externalId: '={{ $json.name }}',
				bodyMode: 'json',
				bodyJson: '={{ JSON.stringify({ companyName: $json.name, subsidiary: { id: "1" } }) }}',
				options: { batchSize: 10 },
			},
			{ items },
		);
		emulator.faults.setLatency(0);
		expect(error).toBeUndefined();
		expect(json).toHaveLength(30);
		expect(json.every((r) => typeof r.id === 'string')).toBe(true);
		expect(emulator.faults.rejected429 - before).toBeGreaterThan(0);
		expect(emulator.faults.inFlightPeak).toBeLessThanOrEqual(5);
	}, 60_000);

	it('Auto Batch Size reads the account limit once and then stays under it: no 429 at all', async () => {
		emulator.faults.setConcurrency(4);
		emulator.faults.setLatency(20);
		emulator.clearLog();
		const before = emulator.faults.rejected429;
		const items = Array.from({ length: 20 }, (_, i) => ({ json: { name: `Auto ${i}` } }));
		const { json } = await runNetSuite(
			emulator,
			{
				resource: 'record',
				operation: 'upsert',
				recordType: type('customer'),
				externalId: '={{ $json.name }}',
				bodyMode: 'json',
				bodyJson: '={{ JSON.stringify({ companyName: $json.name, subsidiary: { id: "1" } }) }}',
			},
			{ items },
		);
		emulator.faults.setLatency(0);
		emulator.faults.setConcurrency(5);
		expect(json).toHaveLength(20);
		expect(emulator.requestLog.filter((r) => r.path.endsWith('/governanceLimits'))).toHaveLength(1);
		expect(emulator.faults.rejected429 - before).toBe(0);
	}, 60_000);
});
