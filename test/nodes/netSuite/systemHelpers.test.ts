/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { INodeParameters } from 'n8n-workflow';

import { startEmulator, type RunningEmulator } from '../../emulator';
import { runNetSuite, type } from './run';

describe('NetSuite node: Connection › Get Server Time and Metadata › Get Select Options', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());
	beforeEach(() => emulator.clearLog());

	const selectOptions = (recordType: string, fieldId: string, extra: INodeParameters = {}) =>
		runNetSuite(emulator, { resource: 'metadata', operation: 'getSelectOptions', recordType: type(recordType), fieldId, ...extra });

	it("answers NetSuite's clock, not n8n's, with one GET of system/v1/serverTime", async () => {
		emulator.clock.freeze(new Date('2025-03-26T16:21:00.000Z'));
		try {
			const { json, error } = await runNetSuite(emulator, { resource: 'connection', operation: 'getServerTime' });
			expect(error).toBeUndefined();
			expect(json).toEqual([{ serverTime: '2025-03-26T16:21:00.000Z' }]);
			expect(emulator.requestLog.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /services/rest/system/v1/serverTime']);
		} finally {
			emulator.clock.unfreeze();
		}
	});

	it('returns one item per option of an enum field, asking NetSuite with the select-options Accept and fields=', async () => {
		const { json, error } = await selectOptions('customer', 'entityStatus');
		expect(error).toBeUndefined();
		expect(json).toEqual([
			{ field: 'entityStatus', id: '13', refName: 'CUSTOMER-Closed Won' },
			{ field: 'entityStatus', id: '15', refName: 'CUSTOMER-Renewal' },
			{ field: 'entityStatus', id: '16', refName: 'CUSTOMER-Lost Customer' },
		]);
		const [sent] = emulator.requestLog;
		expect([sent.method, sent.path, sent.rawQuery, sent.headers.accept]).toEqual([
			'POST',
			'/services/rest/record/v1/customer',
			'fields=entityStatus',
			'application/vnd.oracle.resource+json; type=select-options',
		]);
		expect(emulator.data.count('customer')).toBe(10);
	});

	it('sends the dependent field values as the body', async () => {
		const { error } = await selectOptions('salesOrder', 'item.item', { options: { fieldValues: '{"subsidiary": {"id": "1"}}' } });
		expect(error).toBeUndefined();
		expect(JSON.parse(emulator.requestLog[0].body)).toEqual({ subsidiary: { id: '1' } });
	});

	it('names the field when its ID is malformed (no request) or NetSuite refuses it', async () => {
		const malformed = await selectOptions('customer', 'entity status');
		expect(malformed.error?.message).toContain('Field ID "entity status" is not a field ID');
		expect(emulator.requestLog).toEqual([]);
		const notSelect = await selectOptions('customer', 'email');
		expect(notSelect.error?.message).toContain('email is not a select field');
		const badBody = await selectOptions('customer', 'entityStatus', { options: { fieldValues: '{oops' } });
		expect(badBody.error?.message).toContain('Field Values is not valid JSON');
	});
});

describe('example workflow tba-server-time-select-options.json', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());

	it('reads the server time, then the customer statuses, node by node', async () => {
		const file = path.resolve(__dirname, '../../../examples/workflows/tba-server-time-select-options.json');
		const example = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Array<{ type: string; parameters: INodeParameters }> };
		const outputs = [];
		for (const node of example.nodes.filter((n) => n.type === 'CUSTOM.netSuite')) {
			const { json, error } = await runNetSuite(emulator, node.parameters);
			expect(error).toBeUndefined();
			outputs.push(json);
		}
		expect(outputs[0]).toEqual([{ serverTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) }]);
		expect(outputs[1].map((o) => o.refName)).toEqual(['CUSTOMER-Closed Won', 'CUSTOMER-Renewal', 'CUSTOMER-Lost Customer']);
	});
});
