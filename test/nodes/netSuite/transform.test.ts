/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import { NetSuite } from '../../../nodes/NetSuite/NetSuite.node';
import { tbaFetch } from '../../emulator/testClient';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { runListSearch } from '../../harness';
import { credentialsFor } from '../credentials';
import { runNetSuite, type } from './run';

describe('NetSuite node: Record › Transform and Invoice › Create from Sales Order', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());

	const transform = (sourceType: string, recordId: string, targetType: string, extra: Record<string, unknown> = {}) =>
		runNetSuite(emulator, {
			resource: 'record',
			operation: 'transform',
			recordType: type(sourceType),
			recordId,
			targetType: type(targetType),
			...extra,
		});
	const row = (id: unknown) =>
		emulator.data.db.all('SELECT type, entity, createdfrom, memo FROM "transaction" WHERE id = ?', [Number(id)])[0];
	const lines = (id: unknown) =>
		emulator.data.db.all('SELECT item, quantity FROM transactionline WHERE "transaction" = ? ORDER BY line', [Number(id)]);

	it('makes an invoice from a sales order with its customer and lines', async () => {
		const { json, error } = await transform('salesOrder', '101', 'invoice');
		expect(error).toBeUndefined();
		expect(json).toEqual([{ id: expect.stringMatching(/^\d+$/), recordType: 'invoice', createdFrom: '101' }]);
		expect(row(json[0].id)).toMatchObject({ type: 'CustInvc', entity: 1, createdfrom: 101 });
		expect(lines(json[0].id)).toEqual(lines(101));
	});

	it('makes a sales order from an estimate, and an item receipt from a purchase order', async () => {
		const order = await transform('estimate', '401', 'salesOrder');
		expect(row(order.json[0].id)).toMatchObject({ type: 'SalesOrd', entity: 1, createdfrom: 401 });
		expect(lines(order.json[0].id)).toEqual([{ item: 2, quantity: 3 }]);
		const receipt = await transform('purchaseOrder', '501', 'itemReceipt');
		expect(row(receipt.json[0].id)).toMatchObject({ type: 'ItemRcpt', entity: 3, createdfrom: 501 });
		expect(lines(receipt.json[0].id)).toEqual(lines(501));
	});

	it('takes the source by eid: and sends the body overrides to NetSuite', async () => {
		emulator.clearLog();
		const { json, error } = await transform('salesOrder', 'eid:SO-EXT-7', 'invoice', {
			bodyMode: 'json',
			bodyJson: '{"memo": "billed early"}',
		});
		// SO-EXT-7 is not an external ID in the seed: the emulator answers 404, and the path shows eid: was sent as such.
		expect(json).toEqual([]);
		expect(error?.message).toContain('salesOrder eid:SO-EXT-7 into invoice');
		expect(emulator.requestLog.some((r) => r.path.endsWith('/salesOrder/eid:SO-EXT-7/!transform/invoice'))).toBe(true);
		emulator.data.db.run(`UPDATE "transaction" SET externalid = 'SO-EXT-3' WHERE id = 103`);
		emulator.clearLog();
		const found = await transform('salesOrder', 'eid:SO-EXT-3', 'invoice', { bodyMode: 'json', bodyJson: '{"memo": "billed early"}' });
		expect(found.error).toBeUndefined();
		expect(row(found.json[0].id)).toMatchObject({ type: 'CustInvc', createdfrom: 103, memo: 'billed early' });
		const sent = emulator.requestLog.find((r) => r.path.includes('!transform'));
		expect(JSON.parse(sent!.body)).toEqual({ memo: 'billed early' });
	});

	it("refuses an undocumented pair, naming the pair and keeping NetSuite's message", async () => {
		const { error } = await transform('purchaseOrder', '501', 'invoice');
		expect(error?.message).toMatch(/purchaseOrder 501 into invoice/);
		expect(error?.message).toContain('Transformation from purchaseOrder to invoice is not supported.');
	});

	it('fails on a missing source, naming it', async () => {
		const { error } = await transform('estimate', '999', 'salesOrder');
		expect(error?.message).toContain('estimate 999 into salesOrder');
		expect(error?.message).not.toMatch(/\d+ into.*\d+ into/);
	});

	it('returns the new record with Return Full Record', async () => {
		const { json } = await transform('salesOrder', '102', 'invoice', { options: { returnFullRecord: true } });
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({ id: expect.any(String), createdFrom: { id: '102' }, entity: { id: '2' } });
	});

	it("creates an invoice from a sales order through the Invoice shortcut; an order already billed is refused with NetSuite's error", async () => {
		const bill = (salesOrderId: string) =>
			runNetSuite(emulator, {
				resource: 'invoice',
				operation: 'createFromSalesOrder',
				salesOrderId,
				bodyMode: 'json',
				bodyJson: '{"memo": "from shortcut"}',
			});
		// A sales order of its own: the tests before this one bill the seeded orders.
		const created = await tbaFetch(emulator, 'POST', '/services/rest/record/v1/salesOrder', {
			body: JSON.stringify({ entity: { id: '1' }, item: { items: [{ item: { id: '1' }, quantity: 1 }] } }),
		});
		const orderId = created.headers.get('location')!.split('/').pop()!;
		const { json, error } = await bill(orderId);
		expect(error).toBeUndefined();
		expect(json).toEqual([{ id: expect.stringMatching(/^\d+$/), recordType: 'invoice', createdFrom: orderId }]);
		expect(row(json[0].id)).toMatchObject({ type: 'CustInvc', createdfrom: Number(orderId), memo: 'from shortcut' });
		const invoices = () =>
			emulator.data.db.all(`SELECT id FROM "transaction" WHERE type = 'CustInvc' AND createdfrom = ?`, [Number(orderId)]).length;
		const again = await bill(orderId);
		expect(again.error?.message).toBe(
			`NetSuite refused to transform salesOrder ${orderId} into invoice: You can not initialize invoice: invalid reference ${orderId}. [INVALID_INITIALIZE_REF]`,
		);
		expect(invoices()).toBe(1);
	});

	it('offers the documented targets of the chosen source type', async () => {
		const targets = async (recordType: string) =>
			(
				await runListSearch({
					nodeType: new NetSuite(),
					method: 'searchTransformTargets',
					parameters: { authentication: 'tokenBasedAuth', resource: 'record', operation: 'transform', recordType: type(recordType) },
					credentials: credentialsFor(emulator),
				})
			).results.map((r) => r.value);
		expect(await targets('purchaseOrder')).toEqual(['itemReceipt', 'vendorBill']);
		expect(await targets('customrecord_demo_project')).toEqual([]);
	});
});

describe('example workflow tba-transform.json', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());

	it('bills the sales order with the memo, then receives the purchase order, node by node', async () => {
		const example = JSON.parse(readFileSync(path.resolve(__dirname, '../../../examples/workflows/tba-transform.json'), 'utf8')) as {
			nodes: Array<{ type: string; parameters: INodeParameters }>;
		};
		const outputs = [];
		for (const node of example.nodes.filter((n) => n.type === 'CUSTOM.netSuite')) {
			const { json, error } = await runNetSuite(emulator, node.parameters);
			expect(error).toBeUndefined();
			outputs.push(json[0]);
		}
		expect(outputs[0]).toMatchObject({ memo: 'Billed by n8n', createdFrom: { id: '101' } });
		expect(outputs[1]).toMatchObject({ recordType: 'itemReceipt', createdFrom: '501' });
	});
});
