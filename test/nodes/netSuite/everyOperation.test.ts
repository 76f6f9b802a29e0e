// Every operation of the NetSuite node answers the same in a workflow and as an AI tool (n8n-core's
// own tool code: createNodeAsTool + makeHandleToolInvocation on the `netSuiteTool` type), and a
// write leaves NetSuite in the same state either way. The table has one row per resource ×
// operation the node declares: an operation added without a row fails the first test.
import type { IDataObject } from 'n8n-workflow';

import { NetSuite } from '../../../nodes/NetSuite/NetSuite.node';
import { cutNote, TOOL_ROW_CAP } from '../../../nodes/NetSuite/tool/toolCall';
import type { RunningEmulator } from '../../emulator';
import { type } from './run';
import { asTool, frozenEmulator, inWorkflow, storeOf, type Call, type Outcome } from './twoWays';

interface Row extends Call {
	/** What the workflow's answer and NetSuite's state show; the tool's must then be the same. */
	check(json: IDataObject[], emulator: RunningEmulator): void;
	/** Output fields that differ by nature between any two runs (timings). */
	volatile?: string[];
}

const customer = type('customer');
const salesOrder = type('salesOrder');
const rowsOf = (emulator: RunningEmulator, query: string, params: Array<string | number> = []) => emulator.data.db.all(query, params);
const ids = (json: IDataObject[]) => json.map((r) => r.id);
const lineCount = (emulator: RunningEmulator, order: number) => Number(rowsOf(emulator, 'SELECT COUNT(*) AS n FROM transactionline WHERE "transaction" = ?', [order])[0].n);

const OPERATIONS: Record<string, Row> = {
	'connection.verify': {
		parameters: { resource: 'connection', operation: 'verify' },
		volatile: ['responseTimeMs'],
		check: (json) => expect(json).toEqual([expect.objectContaining({ ok: true, accountId: '1234567_SB1', authentication: 'tokenBasedAuth', credentialType: 'netSuiteTbaApi' })]),
	},
	'customer.create': {
		parameters: { resource: 'customer', operation: 'create', subsidiary: '2', additionalFields: { email: 'hi@parity.example' } },
		fromModel: { companyName: 'Parity Ltd' },
		check: (json, ns) => {
			expect(json).toEqual([{ id: '11', recordType: 'customer' }]);
			expect(rowsOf(ns, 'SELECT companyname, email, subsidiary FROM customer WHERE id = 11')).toEqual([{ companyname: 'Parity Ltd', email: 'hi@parity.example', subsidiary: 2 }]);
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
			expect(rowsOf(ns, 'SELECT companyname, phone FROM customer WHERE id = 3')).toEqual([{ companyname: 'Initech LLC', phone: '555-9999' }]);
		},
	},
	'invoice.get': {
		parameters: { resource: 'invoice', operation: 'get' },
		fromModel: { recordId: '201' },
		check: (json) => expect(json).toEqual([expect.objectContaining({ id: '201', tranId: 'INV-2001', createdFrom: expect.objectContaining({ id: '102' }) })]),
	},
	'invoice.list': {
		parameters: { resource: 'invoice', operation: 'list', returnAll: true },
		check: (json) => expect(json).toEqual([{ id: '201' }]),
	},
	'item.get': {
		parameters: { resource: 'item', operation: 'get' },
		fromModel: { recordId: '3' },
		check: (json) => expect(json).toEqual([expect.objectContaining({ id: '3', itemId: 'GADGET-01', recordType: 'inventoryItem' })]),
	},
	'item.list': {
		parameters: { resource: 'item', operation: 'list', returnAll: true, itemTypes: ['NonInvtPart'] },
		check: (json) => expect(json.map((i) => [i.itemid, i.recordType])).toEqual([['SVC-INSTALL', 'nonInventorySaleItem'], ['SVC-SUPPORT', 'nonInventorySaleItem']]),
	},
	'itemFulfillment.create': {
		parameters: { resource: 'itemFulfillment', operation: 'create', lines: { line: [{ orderLine: 1, quantity: 4 }] }, additionalBody: '{"memo": "partial"}' },
		fromModel: { salesOrderId: '101' },
		check: (json, ns) => {
			expect(json).toEqual([expect.objectContaining({ id: '302', recordType: 'itemFulfillment' })]);
			expect(rowsOf(ns, 'SELECT type, memo, createdfrom FROM "transaction" WHERE id = 302')).toEqual([{ type: 'ItemShip', memo: 'partial', createdfrom: 101 }]);
			expect(rowsOf(ns, 'SELECT item, quantity FROM transactionline WHERE "transaction" = 302')).toEqual([{ item: 1, quantity: 4 }]);
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
		parameters: { resource: 'itemFulfillment', operation: 'list', returnAll: true },
		check: (json) => expect(json).toEqual([{ id: '301' }]),
	},
	'metadata.getRecordMetadata': {
		parameters: { resource: 'metadata', operation: 'getRecordMetadata', recordType: customer },
		check: (json) => {
			const fields = json[0].fields as Array<{ id: string; required: boolean; custom: boolean }>;
			expect(fields.find((f) => f.id === 'subsidiary')).toMatchObject({ required: true });
			expect(fields.find((f) => f.id === 'custentity_segment')).toMatchObject({ custom: true });
		},
	},
	'metadata.listRecordTypes': {
		parameters: { resource: 'metadata', operation: 'listRecordTypes' },
		check: (json) => expect(json).toEqual(expect.arrayContaining([{ name: 'customer', custom: false }, { name: 'customrecord_demo_project', custom: true }])),
	},
	'record.create': {
		parameters: { resource: 'record', operation: 'create', recordType: type('customrecord_demo_project'), bodyMode: 'json' },
		fromModel: { bodyJson: '{"name": "Data Migration", "custrecord_budget": 999, "custrecord_customer": {"id": "2"}}' },
		check: (json, ns) => {
			expect(json).toEqual([{ id: '3', recordType: 'customrecord_demo_project' }]);
			expect(rowsOf(ns, 'SELECT name, custrecord_budget, custrecord_customer FROM customrecord_demo_project WHERE id = 3')).toEqual([{ name: 'Data Migration', custrecord_budget: 999, custrecord_customer: 2 }]);
		},
	},
	'record.delete': {
		parameters: { resource: 'record', operation: 'delete', recordType: customer },
		fromModel: { recordId: '7' },
		check: (json, ns) => {
			expect(json).toEqual([{ id: '7', recordType: 'customer', deleted: true }]);
			expect(rowsOf(ns, 'SELECT id FROM customer WHERE id = 7')).toEqual([]);
			expect(rowsOf(ns, 'SELECT type, recordid FROM deletedrecord')).toEqual([{ type: 'customer', recordid: 7 }]);
		},
	},
	'record.get': {
		parameters: { resource: 'record', operation: 'get', recordType: salesOrder, options: { expandSubResources: true, simpleEnumFormat: true } },
		fromModel: { recordId: '101' },
		check: (json) => {
			expect(json).toEqual([expect.objectContaining({ id: '101', tranId: 'SO-1001', status: 'B', custbody_channel: 'web' })]);
			expect((json[0].item as { items: unknown[] }).items).toHaveLength(2);
		},
	},
	'record.list': {
		parameters: { resource: 'record', operation: 'list', recordType: customer, filterMode: 'q', limit: 3, options: { fullRecords: true, fields: 'companyName' } },
		fromModel: { q: 'email START_WITH "ap@"' },
		check: (json) => expect(json.map((r) => r.companyName)).toEqual(['Acme Corporation', 'Stark Industries', 'Hooli']),
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
		parameters: { resource: 'record', operation: 'upsert', recordType: customer, bodyMode: 'json', bodyJson: '{"companyName": "Shopify Buyer", "subsidiary": {"id": "1"}}' },
		fromModel: { externalId: 'SHOP-77' },
		check: (json, ns) => {
			expect(json).toEqual([expect.objectContaining({ id: '11', recordType: 'customer' })]);
			expect(rowsOf(ns, "SELECT id, companyname FROM customer WHERE externalid = 'SHOP-77'")).toEqual([{ id: 11, companyname: 'Shopify Buyer' }]);
		},
	},
	'salesOrder.get': {
		parameters: { resource: 'salesOrder', operation: 'get' },
		fromModel: { recordId: '102' },
		check: (json) => expect(json).toEqual([expect.objectContaining({ id: '102', tranId: 'SO-1002', entity: expect.objectContaining({ id: '2' }) })]),
	},
	'salesOrder.list': {
		parameters: { resource: 'salesOrder', operation: 'list', returnAll: true },
		check: (json) => expect(ids(json)).toEqual(['101', '102', '103']),
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
		check: (json) => expect(json.map((l) => [l.line, (l.item as IDataObject).id, l.quantity])).toEqual([[1, '1', 10], [2, '4', 1]]),
	},
	'suiteQl.run': {
		parameters: { resource: 'suiteQl', operation: 'run', parameters: { values: [{ value: 'CustInvc' }] } },
		fromModel: {
			query: 'SELECT t.tranid, c.companyname, SUM(l.amount) AS amount FROM transaction t JOIN customer c ON c.id = t.entity JOIN transactionline l ON l.transaction = t.id WHERE t.type = ? GROUP BY t.tranid, c.companyname',
		},
		check: (json) => expect(json).toEqual([{ tranid: 'INV-2001', companyname: 'Globex Inc', amount: '258' }]),
	},
};

/** resource.operation for every operation the node's description offers. */
function declaredOperations(): string[] {
	const { properties } = new NetSuite().description;
	const resources = properties.find((p) => p.name === 'resource')!.options!.map((o) => (o as { value: string }).value);
	return properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => {
			const shownFor = (p.displayOptions?.show?.resource ?? []) as string[];
			expect(resources).toEqual(expect.arrayContaining(shownFor));
			return shownFor.flatMap((resource) => p.options!.map((o) => `${resource}.${(o as { value: string }).value}`));
		})
		.sort();
}

/** What a model is shown for a workflow's items: the same items, cut with a note past the cap. */
function asModelSees(json: IDataObject[]): IDataObject[] {
	if (json.length <= TOOL_ROW_CAP) return json;
	return [...json.slice(0, TOOL_ROW_CAP), expect.objectContaining({ note: cutNote(TOOL_ROW_CAP, '').note }) as IDataObject];
}

const withoutVolatile = (json: IDataObject[] | undefined, volatile: string[] = []) =>
	json?.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => !volatile.includes(key))));

/** The store of an emulator nobody has called yet. */
async function seededStore(): Promise<Record<string, unknown[]>> {
	const emulator = await frozenEmulator();
	await emulator.stop();
	return storeOf(emulator);
}

async function bothWays(name: string, row: Call): Promise<{ workflow: Outcome; tool: Outcome }> {
	const workflow = await inWorkflow(row);
	try {
		const tool = await asTool(row, name.replace('.', '_'));
		await tool.emulator.stop();
		return { workflow, tool };
	} finally {
		await workflow.emulator.stop();
	}
}

describe('every NetSuite operation, in a workflow and as an AI tool', () => {
	it('has a row for each resource × operation the node declares, and no other', () => {
		expect(Object.keys(OPERATIONS).sort()).toEqual(declaredOperations());
	});

	it.each(Object.keys(OPERATIONS))('%s: the tool answers what the workflow outputs, and leaves NetSuite the same', async (name) => {
		const row = OPERATIONS[name];
		const { workflow, tool } = await bothWays(name, row);
		expect(workflow.error).toBeUndefined();
		row.check(workflow.json!, workflow.emulator);
		expect({ error: tool.error, json: withoutVolatile(tool.json, row.volatile) }).toEqual({ error: undefined, json: asModelSees(withoutVolatile(workflow.json, row.volatile)!) });
		expect(tool.store).toEqual(workflow.store);
	});

	const FAILURES: Record<string, { row: Call; netSuiteSays: string }> = {
		'a record that does not exist': {
			row: { parameters: { resource: 'record', operation: 'get', recordType: customer }, fromModel: { recordId: '999999' } },
			netSuiteSays: 'Record does not exist. [NONEXISTENT_ID]',
		},
		'an update of a customer that does not exist': {
			row: { parameters: { resource: 'customer', operation: 'update', updateFields: { phone: '555-0000' } }, fromModel: { recordId: 'eid:NOPE' } },
			netSuiteSays: 'Record does not exist. [NONEXISTENT_ID]',
		},
		'a create NetSuite refuses (no subsidiary in OneWorld)': {
			row: { parameters: { resource: 'record', operation: 'create', recordType: customer, bodyMode: 'json' }, fromModel: { bodyJson: '{"companyName": "No Subsidiary Ltd"}' } },
			netSuiteSays: 'Please enter value(s) for: Subsidiary [USER_ERROR]',
		},
		'a SuiteQL syntax error': {
			row: { parameters: { resource: 'suiteQl', operation: 'run' }, fromModel: { query: 'SELECT id FROM customer WHERE' } },
			netSuiteSays: 'Invalid search query.',
		},
		'lines that are not JSON (checked before any request)': {
			row: { parameters: { resource: 'sublist', operation: 'addLine', recordType: salesOrder, recordId: '103', sublistId: 'item' }, fromModel: { lines: 'not json' } },
			netSuiteSays: 'Lines (JSON) must be a JSON array',
		},
	};

	it.each(Object.keys(FAILURES))("%s: both paths fail with NetSuite's own words and change nothing", async (name) => {
		const { row, netSuiteSays } = FAILURES[name];
		const { workflow, tool } = await bothWays('failing.call', row);
		expect(workflow.error?.startsWith(netSuiteSays)).toBe(true);
		// n8n's tool wrapper re-wraps the error and may append "Details: <description>".
		expect(tool.error?.startsWith(workflow.error!)).toBe(true);
		expect(tool.json).toBeUndefined();
		expect(tool.store).toEqual(workflow.store);
		expect(tool.store).toEqual(await seededStore());
	});
});
