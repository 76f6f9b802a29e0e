/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { INodeParameters } from 'n8n-workflow';

import { startEmulator, type RunningEmulator } from '../../emulator';
import { runNetSuite, type } from './run';

describe('NetSuite node: Record › Attach and Detach', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());
	beforeEach(() => emulator.clearLog());

	const run = (operation: 'attach' | 'detach', recordType: string, recordId: string, extra: INodeParameters) =>
		runNetSuite(emulator, { resource: 'record', operation, recordType: type(recordType), recordId, ...extra });
	const sent = () => emulator.requestLog.filter((r) => /!(at|de)tach\//.test(r.path));
	const attached = (recordType: string, recordId: number) =>
		emulator.data.db.all(
			'SELECT attachedtype, attachedid, role FROM attachment WHERE recordtype = ? AND recordid = ? ORDER BY attachedtype',
			[recordType, recordId],
		);

	it('attaches a contact with its role: POST …/customer/3/!attach/contact/1 with {"role": {"id": "-10"}}', async () => {
		const { json, error } = await run('attach', 'customer', '3', { attachType: 'contact', attachedId: '1', contactRole: '-10' });
		expect(error).toBeUndefined();
		expect(json).toEqual([
			{ id: '3', recordType: 'customer', attachedType: 'contact', attachedId: '1', attached: true, contactRole: '-10' },
		]);
		const [request] = sent();
		expect([request.method, request.path, JSON.parse(request.body)]).toEqual([
			'POST',
			'/services/rest/record/v1/customer/3/!attach/contact/1',
			{ role: { id: '-10' } },
		]);
		expect(attached('customer', 3)).toEqual([{ attachedtype: 'contact', attachedid: 1, role: '-10' }]);
	});

	it('attaches a file by external ID with an empty body, then detaches it', async () => {
		const attach = await run('attach', 'salesOrder', '101', { attachType: 'file', attachedId: 'eid:FILE-2', contactRole: '-10' });
		expect(attach.error).toBeUndefined();
		// A role belongs to contacts only: none is sent for a file.
		expect(sent()[0].body).toBe('');
		expect(attached('salesOrder', 101)).toEqual([{ attachedtype: 'file', attachedid: 2, role: null }]);
		const detach = await run('detach', 'salesOrder', '101', { attachType: 'file', attachedId: '2' });
		expect(detach.json).toEqual([{ id: '101', recordType: 'salesOrder', attachedType: 'file', attachedId: '2', detached: true }]);
		expect(sent().at(-1)?.path).toBe('/services/rest/record/v1/salesOrder/101/!detach/file/2');
		expect(attached('salesOrder', 101)).toEqual([]);
	});

	it("names the field of a bad input before sending anything; NetSuite's refusals keep its detail", async () => {
		const role = await run('attach', 'customer', '1', { attachType: 'contact', attachedId: '1', contactRole: 'primary' });
		expect(role.error?.message).toContain('Contact Role ID "primary" is not an internal ID');
		const id = await run('attach', 'customer', '1', { attachType: 'contact', attachedId: 'Bob' });
		expect(id.error?.message).toContain('Contact or File ID "Bob" is neither an internal ID');
		expect(emulator.requestLog).toEqual([]);
		const toOrder = await run('attach', 'salesOrder', '101', { attachType: 'contact', attachedId: '1' });
		expect(toOrder.error?.message).toContain('A contact cannot be attached to or detached from a salesOrder record.');
		const missing = await run('attach', 'customer', '1', { attachType: 'file', attachedId: '99' });
		expect(missing.error?.message).toContain('The file 99 does not exist.');
	});
});

describe('example workflow tba-attach.json', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());

	it('attaches the primary contact to the customer and the terms PDF to the order, node by node', async () => {
		const file = path.resolve(__dirname, '../../../examples/workflows/tba-attach.json');
		const example = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Array<{ type: string; parameters: INodeParameters }> };
		for (const node of example.nodes.filter((n) => n.type === 'CUSTOM.netSuite')) {
			const { error } = await runNetSuite(emulator, node.parameters);
			expect(error).toBeUndefined();
		}
		expect(
			emulator.data.db.all('SELECT recordtype, recordid, attachedtype, attachedid, role FROM attachment ORDER BY recordtype, recordid'),
		).toEqual([
			{ recordtype: 'customer', recordid: 2, attachedtype: 'contact', attachedid: 2, role: '-10' },
			{ recordtype: 'customer', recordid: 6, attachedtype: 'contact', attachedid: 2, role: null },
			{ recordtype: 'salesOrder', recordid: 102, attachedtype: 'file', attachedid: 1, role: null },
		]);
	});
});
