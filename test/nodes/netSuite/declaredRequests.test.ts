// Every operation's routing is a promise: the request it declares (method, URL template, static
// query and headers) is the first one n8n sends for it, and every request the operation sends
// at all goes through n8n's own routing request (RoutingNode.rawRoutingRequest, which is what
// makeRoutingRequest calls). The table must name every operation the node has.
import { RoutingNode } from 'n8n-core';
import type { IDataObject, IHttpRequestOptions, INodeParameters } from 'n8n-workflow';

import { NetSuite } from '../../../nodes/NetSuite/NetSuite.node';
import { routingOf } from '../../../nodes/NetSuite/operation';
import { OPERATIONS } from '../../../nodes/NetSuite/resources';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { runNode } from '../../harness';
import { asRoutingOnly } from '../../harness/runTool';
import { credentialsFor } from '../credentials';
import { type } from './run';

const customerBody = '{"companyName": "Declared Ltd", "subsidiary": {"id": "1"}}';

/** Inputs that make each operation succeed against the emulator's demo data. */
const CASES: Record<string, INodeParameters> = {
	'connection.getServerTime': {},
	'connection.verify': {},
	'customer.create': { companyName: 'Declared Ltd', subsidiary: '1' },
	'customer.get': { recordId: '1', options: { fields: 'companyName' } },
	'customer.list': { limit: 2, filterMode: 'q', q: 'companyName START_WITH "A"', options: { fullRecords: true } },
	'customer.update': { recordId: '2', updateFields: { phone: '555-0101' } },
	'invoice.createFromSalesOrder': { salesOrderId: '101', bodyMode: 'json', bodyJson: '{"memo": "declared"}' },
	'invoice.get': { recordId: 'eid:INV-2001' },
	'invoice.list': { limit: 2 },
	'item.get': { recordId: '3' },
	'item.list': { limit: 3, itemTypes: ['nonInventorySaleItem'] },
	'itemFulfillment.create': { salesOrderId: '101', lines: { line: [{ orderLine: 1, quantity: 1 }] } },
	'itemFulfillment.get': { recordId: '1' },
	'itemFulfillment.list': { limit: 2 },
	'metadata.getRecordMetadata': { recordType: type('customer') },
	'metadata.getSelectOptions': {
		recordType: type('customer'),
		fieldId: 'entityStatus',
		options: { fieldValues: '{"subsidiary": {"id": "1"}}' },
	},
	'metadata.listRecordTypes': {},
	'record.attach': { recordType: type('customer'), recordId: '1', attachType: 'contact', attachedId: '1', contactRole: '-10' },
	'record.create': { recordType: type('customer'), bodyMode: 'json', bodyJson: customerBody, options: { returnFullRecord: true } },
	'record.delete': { recordType: type('customer'), recordId: '3' },
	'record.detach': { recordType: type('customer'), recordId: '6', attachType: 'contact', attachedId: 'eid:CON-2' },
	'record.get': { recordType: type('customer'), recordId: 'eid:CRM-1003', options: { expandSubResources: true } },
	'record.list': { recordType: type('customer'), limit: 2 },
	'record.transform': { recordType: type('estimate'), recordId: '401', targetType: type('salesOrder') },
	'record.update': {
		recordType: type('salesOrder'),
		recordId: '102',
		bodyMode: 'json',
		bodyJson: '{"memo": "rush"}',
		options: { replace: 'item' },
	},
	'record.upsert': { recordType: type('customer'), externalId: 'DECLARED-1', bodyMode: 'json', bodyJson: customerBody },
	'salesOrder.get': { recordId: '101' },
	'savedSearch.list': { nameContains: 'sales', limit: 1 },
	'savedSearch.run': { savedSearch: { __rl: true, mode: 'list', value: 'customsearch_sales_by_customer' }, returnAll: true },
	'salesOrder.list': { limit: 2 },
	'sublist.addLine': {
		recordType: type('salesOrder'),
		recordId: '103',
		sublistId: 'item',
		lines: '[{"item": {"id": "2"}, "quantity": 1}]',
	},
	'sublist.get': { recordType: type('salesOrder'), recordId: '102', sublistId: 'item' },
	'suiteQl.run': { query: 'SELECT id FROM customer WHERE id < ?', parameters: { values: [{ value: '4' }] } },
};

type RawRoutingRequest = (context: unknown, requestData: { options: IHttpRequestOptions }, ...rest: unknown[]) => Promise<unknown>;

/** The declared URL template as a pattern: each {segment} is one path segment. */
const templatePattern = (url: string) =>
	new RegExp(
		`^${url
			.replace(/[.*+?^$()|[\]\\!]/g, '\\$&')
			.replace(/\\?\{\w+\\?\}/g, '[^/]+')
			.replace(/\{\w+\}/g, '[^/]+')}$`,
	);

describe('what each operation declares is what n8n sends', () => {
	let emulator: RunningEmulator;
	let sent: IHttpRequestOptions[];
	beforeAll(async () => (emulator = await startEmulator({ port: 0, seedCustomers: 10 })));
	afterAll(async () => await emulator.stop());
	beforeEach(() => {
		sent = [];
		// rawRoutingRequest is private to n8n-core's RoutingNode: the one place routing requests leave.
		const routing = RoutingNode.prototype as unknown as { rawRoutingRequest: RawRoutingRequest };
		const original = routing.rawRoutingRequest;
		jest.spyOn(routing, 'rawRoutingRequest').mockImplementation(async function (this: unknown, ...args: Parameters<RawRoutingRequest>) {
			sent.push({ ...args[1].options });
			return await original.apply(this, args);
		});
	});
	afterEach(() => jest.restoreAllMocks());

	it('has a case for every operation of the node', () => {
		expect(Object.keys(CASES).sort()).toEqual(OPERATIONS.map(({ resource, operation }) => `${resource.value}.${operation.value}`).sort());
	});

	it.each(OPERATIONS.map(({ resource, operation }) => [`${resource.value}.${operation.value}`, operation] as const))(
		'%s',
		async (key, operation) => {
			const [resource, name] = key.split('.');
			const logged = emulator.requestLog.length;
			const result = await runNode({
				// SuiteQL in a workflow is a custom operation; its routing is what tool calls run.
				nodeType: asRoutingOnly(new NetSuite()),
				parameters: { authentication: 'tokenBasedAuth', resource, operation: name, ...CASES[key] },
				credentials: credentialsFor(emulator, 'tokenBasedAuth'),
			});
			expect(result.items.filter((i) => i.error)).toEqual([]);
			const declared = routingOf(operation).request!;
			const [first] = sent;
			expect(first.method).toBe(declared.method);
			expect(first.url).toMatch(templatePattern(String(declared.url)));
			expect(first.qs).toEqual(expect.objectContaining((declared.qs ?? {}) as IDataObject));
			expect(first.headers).toEqual(expect.objectContaining((declared.headers ?? {}) as IDataObject));
			// Everything NetSuite received for this item came through n8n's routing request.
			const received = emulator.requestLog.slice(logged).filter((r) => !r.path.includes('/governanceLimits'));
			expect(received.map((r) => `${r.method} ${r.path}`)).toEqual(sent.map((s) => `${s.method} ${s.url}`));
		},
	);
});
