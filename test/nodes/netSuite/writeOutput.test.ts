// What a write outputs, what Simple Enum Format changes, and that a bad input costs no request.
import type { INodeParameters } from 'n8n-workflow';

import { startEmulator, type RunningEmulator } from '../../emulator';
import { runNetSuite, type } from './run';

const RECORD_PATH = '/services/rest/record/v1';

const customerJson = (companyName: string) => JSON.stringify({ companyName, subsidiary: { id: '2' } });

const recordWrite = (operation: string, extra: INodeParameters, options: INodeParameters = {}): INodeParameters => ({
	resource: 'record',
	operation,
	recordType: type('customer'),
	bodyMode: 'json',
	...extra,
	options,
});

describe('NetSuite node: write outputs', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());
	beforeEach(() => emulator.clearLog());

	const requestsAfterWrite = (writeMethod: string) => {
		const log = emulator.requestLog.filter((r) => !r.path.endsWith('/governanceLimits'));
		const write = log.findIndex((r) => r.method === writeMethod);
		return log.slice(write + 1).map((r) => `${r.method} ${r.path}`);
	};

	it('outputs only the id by default: no GET after a create', async () => {
		const { json, error } = await runNetSuite(emulator, recordWrite('create', { bodyJson: customerJson('Id Only Ltd') }));
		expect(error).toBeUndefined();
		expect(json).toEqual([{ id: expect.stringMatching(/^\d+$/), recordType: 'customer' }]);
		expect(emulator.requestLog.some((r) => r.method === 'GET' && r.path === `${RECORD_PATH}/customer/${String(json[0].id)}`)).toBe(false);
	});

	it('Return Full Record on a create: the record as NetSuite has it, read once after the async job named its id', async () => {
		const { json, error } = await runNetSuite(
			emulator,
			recordWrite('create', { bodyJson: customerJson('Full Create Ltd') }, { returnFullRecord: true }),
		);
		expect(error).toBeUndefined();
		const id = String(json[0].id);
		expect(json[0]).toMatchObject({ id, companyName: 'Full Create Ltd', subsidiary: { id: '2', refName: expect.any(String) } });
		expect(json[0].links).toBeUndefined();
		const after = requestsAfterWrite('POST');
		// job -> task -> result, then exactly one GET of the new record, last.
		expect(after.at(-1)).toBe(`GET ${RECORD_PATH}/customer/${id}`);
		expect(after.filter((r) => r.startsWith(`GET ${RECORD_PATH}/customer/`))).toHaveLength(1);
		expect(after.slice(0, -1).every((r) => r.startsWith('GET /services/rest/async/v1/job/'))).toBe(true);
	});

	it('Return Full Record on an update: the fields after the PATCH, not the ones sent', async () => {
		const created = await runNetSuite(emulator, recordWrite('create', { bodyJson: customerJson('Before Patch') }));
		const id = String(created.json[0].id);
		emulator.clearLog();
		const { json } = await runNetSuite(
			emulator,
			recordWrite('update', { recordId: id, bodyJson: '{"email": "after@patch.example"}' }, { returnFullRecord: true }),
		);
		expect(json).toEqual([expect.objectContaining({ id, companyName: 'Before Patch', email: 'after@patch.example' })]);
		expect(requestsAfterWrite('PATCH')).toEqual([`GET ${RECORD_PATH}/customer/${id}`]);
	});

	it('Return Full Record on an upsert: read back by the id NetSuite named', async () => {
		const { json } = await runNetSuite(
			emulator,
			recordWrite('upsert', { externalId: 'FULL-UPSERT-1', bodyJson: customerJson('Upserted Full') }, { returnFullRecord: true }),
		);
		expect(json).toEqual([
			expect.objectContaining({ companyName: 'Upserted Full', externalId: 'FULL-UPSERT-1', id: expect.stringMatching(/^\d+$/) }),
		]);
		expect(requestsAfterWrite('PUT')).toEqual([`GET ${RECORD_PATH}/customer/${String(json[0].id)}`]);
	});

	it('Return Full Record on the Customer shortcut: create and update', async () => {
		const created = await runNetSuite(emulator, {
			resource: 'customer',
			operation: 'create',
			companyName: 'Shortcut Full',
			subsidiary: '1',
			additionalFields: {},
			options: { returnFullRecord: true },
		});
		expect(created.json[0]).toMatchObject({ companyName: 'Shortcut Full', subsidiary: { id: '1', refName: 'Parent Company' } });
		const id = String(created.json[0].id);
		const updated = await runNetSuite(emulator, {
			resource: 'customer',
			operation: 'update',
			recordId: id,
			updateFields: { phone: '555-0100' },
			options: { returnFullRecord: true },
		});
		expect(updated.json).toEqual([expect.objectContaining({ id, companyName: 'Shortcut Full', phone: '555-0100' })]);
	});

	it('Simple Enum Format turns enum fields into their ID and leaves references as {id, refName}', async () => {
		const { json } = await runNetSuite(emulator, {
			resource: 'salesOrder',
			operation: 'get',
			recordId: '101',
			options: { simpleEnumFormat: true },
		});
		expect(json[0].status).toBe('B');
		expect(json[0].entity).toEqual({ id: expect.any(String), refName: expect.any(String) });
		expect(json[0].subsidiary).toEqual({ id: expect.any(String), refName: expect.any(String) });
		const plain = await runNetSuite(emulator, { resource: 'salesOrder', operation: 'get', recordId: '101', options: {} });
		expect(plain.json[0].status).toEqual({ id: 'B', refName: 'Pending Fulfillment' });
		expect(plain.json[0].entity).toEqual(json[0].entity);
	});

	it.each([
		['create', { bodyJson: '{"companyName": ' }, /^Body \(JSON\) is not valid JSON/],
		['upsert', { externalId: '', bodyJson: customerJson('No Eid') }, /^External ID is empty/],
		['update', { recordId: 'abc', bodyJson: '{}' }, /^Record ID "abc" is neither/],
		['delete', { recordId: '' }, /^Record ID is empty/],
	])(
		'a %s with a bad input fails with its own error and sends no request at all, not even the governance lookup',
		async (operation, extra, message) => {
			// Batch Size Auto (the default) is the setting that asks NetSuite for its limits.
			const { error } = await runNetSuite(emulator, recordWrite(operation, extra));
			expect(error?.message).toMatch(message);
			expect(emulator.requestLog).toEqual([]);
		},
	);

	it('a Sublist Add Line with bad lines sends no request', async () => {
		const { error } = await runNetSuite(emulator, {
			resource: 'sublist',
			operation: 'addLine',
			recordType: type('salesOrder'),
			recordId: '101',
			sublistId: 'item',
			lines: 'not json',
		});
		expect(error?.message).toMatch(/^Lines \(JSON\) must be a JSON array/);
		expect(emulator.requestLog).toEqual([]);
	});
});
