/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// The templates in examples/workflows/, run as builders run them: published in a real n8n and
// started by the store's own webhook payloads (test/e2e/templates/), then checked by what
// NetSuite (the emulator's data) holds afterwards. Every delivery is made twice, as a store
// delivers a webhook at least once: the second round must change nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { startEmulator, type RunningEmulator } from '../emulator';
import { tbaFetch } from '../emulator/testClient';
import { demoCredentials, workflow } from './fixtures';
import { freePort, installN8n, N8nInstance } from './n8n';

const shopify = JSON.parse(readFileSync(path.join(__dirname, 'templates/shopify-orders-create.json'), 'utf8')) as {
	orders: Array<Record<string, unknown>>;
};
const [order1001, order1002, order1003] = shopify.orders;

describe.each(['2.40.7', '2.8.4'])('n8n %s runs the Shopify order template', (version) => {
	let emulator: RunningEmulator;
	let n8n: N8nInstance;
	let port: number;
	const url = () => `http://127.0.0.1:${port}/webhook/shopify/orders-create`;

	/** One orders/create delivery, as Shopify posts it. */
	const deliver = async (order: object) => {
		const response = await fetch(url(), {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create' },
			body: JSON.stringify(order),
		});
		return { status: response.status, body: (await response.text()).slice(0, 2000) };
	};

	/** What the template leaves in NetSuite: its customers, orders and lines, without the times a re-save moves. */
	const endState = () => ({
		customers: emulator.data.db.all(
			"SELECT id, externalid, companyname, email, subsidiary FROM customer WHERE externalid LIKE 'shopify-%' ORDER BY id",
		),
		orders: emulator.data.db.all(
			`SELECT id, externalid, entity, otherrefnum, memo, shipmethod, shippingcost FROM "transaction" WHERE externalid LIKE 'shopify-order-%' ORDER BY id`,
		),
		lines: emulator.data.db.all(
			`SELECT l."transaction", l.item, l.quantity, l.rate, l.amount, l.istaxable, l.description FROM transactionline l
			 JOIN "transaction" t ON t.id = l."transaction" WHERE t.externalid LIKE 'shopify-order-%' ORDER BY l."transaction", l.line`,
		),
	});

	beforeAll(async () => {
		emulator = await startEmulator({ port: 0 });
		n8n = new N8nInstance(installN8n(version));
		await n8n.importCredentials(demoCredentials(emulator.credentials));
		const template = workflow('template-shopify-order');
		await n8n.importWorkflow(template);
		await n8n.cli(['publish:workflow', `--id=${template.id}`]);
		port = await freePort();
		await n8n.start({ N8N_PORT: String(port) });
		// Registered once the production URL stops answering 404 (an empty body fails the mapping: 500).
		const deadline = Date.now() + 60_000;
		for (;;) {
			const { status } = await deliver({});
			if (status !== 404) break;
			if (Date.now() > deadline) throw new Error(`webhook not registered: ${n8n.serverLog.slice(-2000)}`);
			await new Promise((r) => setTimeout(r, 250));
		}
	}, 20 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		await emulator?.stop();
	});

	it('makes one customer and one sales order per order, maps lines, discounts and shipping, refuses an unknown SKU, and a second delivery changes nothing', async () => {
		const first = await deliver(order1001);
		expect(first.status).toBe(200);
		expect(JSON.parse(first.body)).toMatchObject({ externalId: 'shopify-order-820982911946154508', recordType: 'salesOrder' });
		expect((await deliver(order1002)).status).toBe(200);
		const unknownSku = await deliver(order1003);
		expect(unknownSku.status).toBe(500);

		const state = endState();
		// Keyed by the GraphQL id's text: the numeric ids are past 2^53 and lose their last digits when parsed.
		expect(state.customers.map((c) => [c.externalid, c.companyname, c.email, c.subsidiary])).toEqual([
			['shopify-customer-115310627314723954', 'Jon Snow', 'jon@example.com', 1],
			['shopify-customer-115310627314723955', 'Zoë O\'Brien & Søn "Ltd"', 'Zoe.OBrien@example.com', 1],
		]);
		expect(state.orders).toHaveLength(2);
		const [so1001, so1002] = state.orders;
		expect(so1001).toMatchObject({
			externalid: 'shopify-order-820982911946154508',
			entity: state.customers[0].id,
			otherrefnum: '#1001',
			memo: 'Shopify #1001, tax 11.68 USD',
			shipmethod: 9,
			shippingcost: 4.5,
		});
		expect(so1002).toMatchObject({ externalid: 'shopify-order-820982911946154509', entity: state.customers[1].id, shippingcost: 0 });
		// WIDGET-01 is item 1, GADGET-01 item 3, SVC-INSTALL item 4 in the emulator's seed; the 1.00 discount comes off the widget line.
		expect(state.lines.map((l) => [l.transaction, l.item, l.quantity, l.rate, l.amount, l.istaxable, l.description])).toEqual([
			[so1001.id, 1, 2, 9.5, 18, 'T', 'Blue Widget'],
			[so1001.id, 3, 1, 129, 129, 'T', 'Gadget Pro'],
			[so1002.id, 4, 1, 75, 75, 'F', 'Installation — on site'],
		]);
		// The order with an unknown SKU wrote nothing: no guest customer, no order.
		expect(emulator.data.db.all("SELECT id FROM customer WHERE externalid = 'shopify-email-guest@example.com'")).toEqual([]);

		// Shopify delivers at least once: every webhook again, the duplicate first.
		expect((await deliver(order1001)).status).toBe(200);
		expect((await deliver(order1002)).status).toBe(200);
		expect((await deliver(order1003)).status).toBe(500);
		expect(endState()).toEqual(state);
	}, 120_000);
});

describe.each(['2.40.7', '2.8.4'])('n8n %s runs the invoices-from-orders template', (version) => {
	let emulator: RunningEmulator;
	let n8n: N8nInstance;
	const template = workflow('template-invoices-from-orders');

	/** A sales order with one line, in the status given: A pending approval, B pending fulfillment, E/F pending billing, G billed. */
	const salesOrder = async (status: string) => {
		const created = await tbaFetch(emulator, 'POST', '/services/rest/record/v1/salesOrder', {
			body: JSON.stringify({ entity: { id: '2' }, item: { items: [{ item: { id: '1' }, quantity: 3 }] } }),
		});
		const id = Number(created.headers.get('location')!.split('/').pop());
		emulator.data.db.run(`UPDATE "transaction" SET status = ? WHERE id = ?`, [status, id]);
		return id;
	};
	const invoicesOf = (orderId: number) =>
		emulator.data.db.all(`SELECT id, entity, memo FROM "transaction" WHERE type = 'CustInvc' AND createdfrom = ?`, [orderId]);

	beforeAll(async () => {
		emulator = await startEmulator({ port: 0 });
		n8n = new N8nInstance(installN8n(version));
		await n8n.importCredentials(demoCredentials(emulator.credentials));
		await n8n.importWorkflow(template);
	}, 20 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		await emulator?.stop();
	});

	it('bills each order pending billing once, leaves the others, and a second run bills nothing', async () => {
		const pendingBilling = await salesOrder('F');
		const partlyFulfilled = await salesOrder('E');
		const pendingFulfillment = await salesOrder('B');
		const billed = await salesOrder('G');
		const seededPending = emulator.data.db
			.all(`SELECT id FROM "transaction" WHERE type = 'SalesOrd' AND status IN ('E', 'F')`)
			.map((r) => Number(r.id));
		const outputs = await n8n.executeEveryNode(template.id);
		expect(outputs['Billed'].map((i) => i.json.createdFrom).sort()).toEqual(seededPending.map(String).sort());
		for (const order of [pendingBilling, partlyFulfilled]) {
			const invoices = invoicesOf(order);
			expect(invoices).toHaveLength(1);
			expect(invoices[0]).toMatchObject({ entity: 2, memo: expect.stringMatching(/^Billed by n8n from /) });
		}
		expect(invoicesOf(pendingFulfillment)).toEqual([]);
		expect(invoicesOf(billed)).toEqual([]);

		const before = emulator.data.db.all(`SELECT id FROM "transaction" WHERE type = 'CustInvc' ORDER BY id`);
		const again = await n8n.executeEveryNode(template.id);
		expect(again['Billed'] ?? []).toEqual([]);
		expect(emulator.data.db.all(`SELECT id FROM "transaction" WHERE type = 'CustInvc' ORDER BY id`)).toEqual(before);
	}, 300_000);
});
