// One row per resource × operation of the NetSuite node: the parameters an author sets, the
// ones a model would fill, and what the answer and NetSuite's data show afterwards. The rows
// touch disjoint records (a write never changes what another row reads), so they hold in any
// order against one emulator (the e2e workflow runs them all in one execution) as well as each
// against a fresh one.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RunningEmulator } from '../../emulator';

export interface Call {
	/** The node's parameters as the author sets them. */
	parameters: INodeParameters;
	/**
	 * Parameters a model fills: a workflow gets the value itself, a tool gets
	 * `$fromAI(key)` and the model's call carries the value.
	 */
	fromModel?: Record<string, string>;
}

export interface Row extends Call {
	/** What the workflow's answer and NetSuite's state show; the tool's must then be the same. */
	check(json: IDataObject[], emulator: RunningEmulator): void;
	/** Output fields that differ by nature between any two runs (timings). */
	volatile?: string[];
}

const type = (value: string) => ({ __rl: true, mode: 'id', value });
const customer = type('customer');
const salesOrder = type('salesOrder');
const rowsOf = (emulator: RunningEmulator, query: string, params: Array<string | number> = []) => emulator.data.db.all(query, params);
const ids = (json: IDataObject[]) => json.map((r) => r.id);
const idOf = (json: IDataObject[]) => Number(json[0].id);
const NEW_ID = /^\d+$/;
const lineCount = (emulator: RunningEmulator, order: number) =>
	Number(rowsOf(emulator, 'SELECT COUNT(*) AS n FROM transactionline WHERE "transaction" = ?', [order])[0].n);

export const OPERATIONS: Record<string, Row> = {
	'connection.getServerTime': {
		parameters: { resource: 'connection', operation: 'getServerTime' },
		// NetSuite's clock, not n8n's: frozen in the unit table, running in the e2e one.
		check: (json, ns) => {
			expect(json).toEqual([{ serverTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) }]);
			expect(Math.abs(Date.parse(String(json[0].serverTime)) - ns.clock.now().getTime())).toBeLessThan(60_000);
		},
	},
	'connection.verify': {
		parameters: { resource: 'connection', operation: 'verify' },
		volatile: ['responseTimeMs'],
		check: (json) =>
			expect(json).toEqual([
				expect.objectContaining({ ok: true, accountId: '1234567_SB1', authentication: 'tokenBasedAuth', credentialType: 'netSuiteTbaApi' }),
			]),
	},
	'customer.create': {
		parameters: { resource: 'customer', operation: 'create', subsidiary: '2', additionalFields: { email: 'hi@parity.example' } },
		fromModel: { companyName: 'Parity Ltd' },
		check: (json, ns) => {
			expect(json).toEqual([{ id: expect.stringMatching(NEW_ID), recordType: 'customer' }]);
			expect(rowsOf(ns, 'SELECT companyname, email, subsidiary FROM customer WHERE id = ?', [idOf(json)])).toEqual([
				{ companyname: 'Parity Ltd', email: 'hi@parity.example', subsidiary: 2 },
			]);
		},
	},
	'customer.get': {
		parameters: { resource: 'customer', operation: 'get' },
		fromModel: { recordId: 'eid:CRM-1003' },
		check: (json) => expect(json).toEqual([expect.objectContaining({ id: '4', companyName: 'Umbrella Corp', externalId: 'CRM-1003' })]),
	},
	'customer.list': {
		parameters: { resource: 'customer', operation: 'list', filterMode: 'q', returnAll: true },
		fromModel: { q: 'email START_WITH "billing@"' },
		check: (json) => expect(json).toEqual([{ id: '2' }, { id: '6' }]),
	},
	'customer.update': {
		parameters: { resource: 'customer', operation: 'update', updateFields: { phone: '555-9999' } },
		fromModel: { recordId: '3' },
		check: (json, ns) => {
			expect(json).toEqual([{ id: '3', recordType: 'customer', updated: true }]);
			expect(rowsOf(ns, 'SELECT companyname, phone FROM customer WHERE id = 3')).toEqual([
				{ companyname: 'Initech LLC', phone: '555-9999' },
			]);
		},
	},
	'invoice.createFromSalesOrder': {
		parameters: { resource: 'invoice', operation: 'createFromSalesOrder', bodyMode: 'json', bodyJson: '{"memo": "billed"}' },
		fromModel: { salesOrderId: '103' },
		check: (json, ns) => {
			expect(json).toEqual([{ id: expect.stringMatching(NEW_ID), recordType: 'invoice', createdFrom: '103' }]);
			expect(rowsOf(ns, 'SELECT type, memo, createdfrom FROM "transaction" WHERE id = ?', [idOf(json)])).toEqual([
				{ type: 'CustInvc', memo: 'billed', createdfrom: 103 },
			]);
		},
	},
	'invoice.get': {
		parameters: { resource: 'invoice', operation: 'get' },
		fromModel: { recordId: '201' },
		check: (json) =>
			expect(json).toEqual([
				expect.objectContaining({ id: '201', tranId: 'INV-2001', createdFrom: expect.objectContaining({ id: '102' }) }),
			]),
	},
	'invoice.list': {
		parameters: { resource: 'invoice', operation: 'list', returnAll: true },
		// Invoice › Create from Sales Order may have billed an order before: the seeded invoice comes first.
		check: (json) => expect(json[0]).toEqual({ id: '201' }),
	},
	'item.get': {
		parameters: { resource: 'item', operation: 'get' },
		fromModel: { recordId: '3' },
		check: (json) => expect(json).toEqual([expect.objectContaining({ id: '3', itemId: 'GADGET-01', recordType: 'inventoryItem' })]),
	},
	'item.list': {
		parameters: { resource: 'item', operation: 'list', returnAll: true, itemTypes: ['nonInventorySaleItem'] },
		check: (json) =>
			expect(json.map((i) => [i.itemid, i.recordType])).toEqual([
				['SVC-INSTALL', 'nonInventorySaleItem'],
				['SVC-SUPPORT', 'nonInventorySaleItem'],
			]),
	},
	'itemFulfillment.create': {
		parameters: {
			resource: 'itemFulfillment',
			operation: 'create',
			lines: { line: [{ orderLine: 1, quantity: 4 }] },
			additionalBody: '{"memo": "partial"}',
		},
		fromModel: { salesOrderId: '103' },
		check: (json, ns) => {
			expect(json).toEqual([expect.objectContaining({ id: expect.stringMatching(NEW_ID), recordType: 'itemFulfillment' })]);
			expect(rowsOf(ns, 'SELECT type, memo, createdfrom FROM "transaction" WHERE id = ?', [idOf(json)])).toEqual([
				{ type: 'ItemShip', memo: 'partial', createdfrom: 103 },
			]);
			expect(rowsOf(ns, 'SELECT item, quantity FROM transactionline WHERE "transaction" = ?', [idOf(json)])).toEqual([
				{ item: 2, quantity: 4 },
			]);
		},
	},
	'itemFulfillment.get': {
		parameters: { resource: 'itemFulfillment', operation: 'get', options: { expandSubResources: true } },
		fromModel: { recordId: '301' },
		check: (json) => {
			expect(json).toEqual([expect.objectContaining({ id: '301', tranId: 'IF-3001' })]);
			expect((json[0].item as { items: unknown[] }).items).toHaveLength(1);
		},
	},
	'itemFulfillment.list': {
		// Every match: Item Fulfillment › Create may have run before (a Limit that cut would give a tool call a note).
		parameters: { resource: 'itemFulfillment', operation: 'list', returnAll: true },
		check: (json) => expect(json[0]).toEqual({ id: '301' }),
	},
	'metadata.getRecordMetadata': {
		parameters: { resource: 'metadata', operation: 'getRecordMetadata', recordType: customer },
		check: (json) => {
			const fields = json[0].fields as Array<{ id: string; required: boolean; custom: boolean }>;
			expect(fields.find((f) => f.id === 'subsidiary')).toMatchObject({ required: true });
			expect(fields.find((f) => f.id === 'custentity_segment')).toMatchObject({ custom: true });
		},
	},
	'metadata.getSelectOptions': {
		parameters: { resource: 'metadata', operation: 'getSelectOptions', recordType: salesOrder },
		fromModel: { fieldId: 'item.item' },
		check: (json) =>
			expect(json).toEqual([
				{ field: 'item.item', id: '1', refName: 'WIDGET-01' },
				{ field: 'item.item', id: '2', refName: 'WIDGET-02' },
				{ field: 'item.item', id: '3', refName: 'GADGET-01' },
			]),
	},
	'metadata.listRecordTypes': {
		parameters: { resource: 'metadata', operation: 'listRecordTypes' },
		check: (json) =>
			expect(json).toEqual(
				expect.arrayContaining([
					{ name: 'customer', custom: false },
					{ name: 'customrecord_demo_project', custom: true },
				]),
			),
	},
	'record.attach': {
		parameters: { resource: 'record', operation: 'attach', recordType: customer, attachType: 'contact', contactRole: '-10' },
		fromModel: { recordId: '5', attachedId: 'eid:CON-3' },
		check: (json, ns) => {
			expect(json).toEqual([
				{ id: '5', recordType: 'customer', attachedType: 'contact', attachedId: 'eid:CON-3', attached: true, contactRole: '-10' },
			]);
			expect(rowsOf(ns, "SELECT attachedid, role FROM attachment WHERE recordtype = 'customer' AND recordid = 5")).toEqual([
				{ attachedid: 3, role: '-10' },
			]);
		},
	},
	'record.create': {
		parameters: { resource: 'record', operation: 'create', recordType: type('customrecord_demo_project'), bodyMode: 'json' },
		fromModel: { bodyJson: '{"name": "Data Migration", "custrecord_budget": 999, "custrecord_customer": {"id": "2"}}' },
		check: (json, ns) => {
			expect(json).toEqual([{ id: expect.stringMatching(NEW_ID), recordType: 'customrecord_demo_project' }]);
			expect(
				rowsOf(ns, 'SELECT name, custrecord_budget, custrecord_customer FROM customrecord_demo_project WHERE id = ?', [idOf(json)]),
			).toEqual([{ name: 'Data Migration', custrecord_budget: 999, custrecord_customer: 2 }]);
		},
	},
	'record.delete': {
		parameters: { resource: 'record', operation: 'delete', recordType: customer },
		fromModel: { recordId: '8' },
		check: (json, ns) => {
			expect(json).toEqual([{ id: '8', recordType: 'customer', deleted: true }]);
			expect(rowsOf(ns, 'SELECT id FROM customer WHERE id = 8')).toEqual([]);
			expect(rowsOf(ns, 'SELECT type, recordid, name FROM deletedrecord')).toEqual([
				{ type: 'customer', recordid: 8, name: 'Vandelay Industries' },
			]);
		},
	},
	'record.detach': {
		parameters: { resource: 'record', operation: 'detach', recordType: customer, attachType: 'contact' },
		fromModel: { recordId: '6', attachedId: '2' },
		check: (json, ns) => {
			expect(json).toEqual([{ id: '6', recordType: 'customer', attachedType: 'contact', attachedId: '2', detached: true }]);
			expect(rowsOf(ns, "SELECT * FROM attachment WHERE recordtype = 'customer' AND recordid = 6")).toEqual([]);
		},
	},
	'record.get': {
		parameters: {
			resource: 'record',
			operation: 'get',
			recordType: salesOrder,
			options: { expandSubResources: true, simpleEnumFormat: true },
		},
		fromModel: { recordId: '101' },
		check: (json) => {
			expect(json).toEqual([expect.objectContaining({ id: '101', tranId: 'SO-1001', status: 'B', custbody_channel: 'web' })]);
			expect((json[0].item as { items: unknown[] }).items).toHaveLength(2);
		},
	},
	'record.list': {
		parameters: {
			resource: 'record',
			operation: 'list',
			recordType: customer,
			filterMode: 'q',
			// Every match: a Limit that leaves rows out gives a tool call a note the workflow has not
			// (toolTruth.test.ts proves that note).
			limit: 5,
			options: { fullRecords: true, fields: 'companyName' },
		},
		fromModel: { q: 'email START_WITH "ap@"' },
		check: (json) =>
			expect(json.map((r) => r.companyName)).toEqual([
				'Acme Corporation',
				'Stark Industries',
				'Hooli',
				'Soylent Green Co',
				'Tyrell Corporation',
			]),
	},
	'record.transform': {
		parameters: { resource: 'record', operation: 'transform', recordType: type('purchaseOrder'), targetType: type('itemReceipt') },
		fromModel: { recordId: '501' },
		check: (json, ns) => {
			expect(json).toEqual([{ id: expect.stringMatching(NEW_ID), recordType: 'itemReceipt', createdFrom: '501' }]);
			expect(rowsOf(ns, 'SELECT item, quantity FROM transactionline WHERE "transaction" = ? ORDER BY line', [idOf(json)])).toEqual([
				{ item: 1, quantity: 20 },
				{ item: 3, quantity: 5 },
			]);
		},
	},
	'record.update': {
		parameters: { resource: 'record', operation: 'update', recordType: salesOrder, bodyMode: 'json', options: { replace: 'item' } },
		fromModel: { recordId: '102', bodyJson: '{"memo": "rush", "item": {"items": [{"item": {"id": "5"}, "quantity": 1}]}}' },
		check: (json, ns) => {
			expect(json).toEqual([{ id: '102', recordType: 'salesOrder', updated: true }]);
			expect(rowsOf(ns, 'SELECT memo FROM "transaction" WHERE id = 102')).toEqual([{ memo: 'rush' }]);
			expect(rowsOf(ns, 'SELECT item, quantity FROM transactionline WHERE "transaction" = 102')).toEqual([{ item: 5, quantity: 1 }]);
		},
	},
	'record.upsert': {
		parameters: {
			resource: 'record',
			operation: 'upsert',
			recordType: customer,
			bodyMode: 'json',
			bodyJson: '{"companyName": "Shopify Buyer", "subsidiary": {"id": "1"}}',
		},
		fromModel: { externalId: 'SHOP-77' },
		check: (json, ns) => {
			expect(json).toEqual([expect.objectContaining({ id: expect.stringMatching(NEW_ID), recordType: 'customer' })]);
			expect(rowsOf(ns, "SELECT id, companyname FROM customer WHERE externalid = 'SHOP-77'")).toEqual([
				{ id: idOf(json), companyname: 'Shopify Buyer' },
			]);
		},
	},
	'salesOrder.get': {
		parameters: { resource: 'salesOrder', operation: 'get' },
		fromModel: { recordId: '102' },
		check: (json) =>
			expect(json).toEqual([expect.objectContaining({ id: '102', tranId: 'SO-1002', entity: expect.objectContaining({ id: '2' }) })]),
	},
	'salesOrder.list': {
		parameters: { resource: 'salesOrder', operation: 'list', returnAll: true },
		check: (json) => expect(ids(json)).toEqual(['101', '102', '103']),
	},
	'savedSearch.list': {
		parameters: { resource: 'savedSearch', operation: 'list', returnAll: true },
		fromModel: { nameContains: 'SALES' },
		check: (json) =>
			expect(json).toEqual([
				{ id: '11', scriptId: 'customsearch_open_sales_orders', name: 'Open Sales Orders', recordType: 'transaction' },
				{ id: '12', scriptId: 'customsearch_sales_by_customer', name: 'Sales by Customer (summary)', recordType: 'transaction' },
			]),
	},
	'savedSearch.run': {
		// Over items, which no row writes (the sales searches read orders other rows change).
		parameters: { resource: 'savedSearch', operation: 'run', returnAll: true },
		fromModel: { savedSearch: 'customsearch_item_prices_by_type' },
		check: (json) =>
			expect(json).toEqual([
				{ 'GROUP(type)': 'InvtPart', 'COUNT(internalid)': '4', 'SUM(baseprice)': '191.5', 'MAX(formulanumeric)': '154.8' },
				{ 'GROUP(type)': 'NonInvtPart', 'COUNT(internalid)': '3', 'SUM(baseprice)': '321', 'MAX(formulanumeric)': '288' },
				{ 'GROUP(type)': 'Service', 'COUNT(internalid)': '1', 'SUM(baseprice)': '180', 'MAX(formulanumeric)': '216' },
				{ 'GROUP(type)': 'ShipItem', 'COUNT(internalid)': '1', 'SUM(baseprice)': '8', 'MAX(formulanumeric)': '9.6' },
			]),
	},
	'sublist.addLine': {
		parameters: { resource: 'sublist', operation: 'addLine', recordType: salesOrder, sublistId: 'item' },
		fromModel: { recordId: '103', lines: '[{"item": {"id": "2"}, "quantity": 3, "custcol_note": "gift wrap"}]' },
		check: (json, ns) => {
			expect(json).toEqual([expect.objectContaining({ id: '103' })]);
			expect(lineCount(ns, 103)).toBe(2);
			expect(rowsOf(ns, 'SELECT line, item, quantity, custcol_note FROM transactionline WHERE "transaction" = 103 ORDER BY line')).toEqual([
				{ line: 1, item: 2, quantity: 5, custcol_note: null },
				{ line: 2, item: 2, quantity: 3, custcol_note: 'gift wrap' },
			]);
		},
	},
	'sublist.get': {
		parameters: { resource: 'sublist', operation: 'get', recordType: salesOrder, sublistId: 'item' },
		fromModel: { recordId: '101' },
		check: (json) =>
			expect(json.map((l) => [l.line, (l.item as IDataObject).id, l.quantity])).toEqual([
				[1, '1', 10],
				[2, '4', 1],
			]),
	},
	'suiteQl.run': {
		parameters: { resource: 'suiteQl', operation: 'run', parameters: { values: [{ value: 'CustInvc' }] } },
		fromModel: {
			query:
				"SELECT t.tranid, c.companyname, SUM(l.amount) AS amount FROM transaction t JOIN customer c ON c.id = t.entity JOIN transactionline l ON l.transaction = t.id WHERE t.type = ? AND t.tranid LIKE 'INV-%' GROUP BY t.tranid, c.companyname",
		},
		check: (json) => expect(json).toEqual([{ tranid: 'INV-2001', companyname: 'Globex Inc', amount: '258' }]),
	},
};
