/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { NetSuite } from '../../../nodes/NetSuite/NetSuite.node';
import { retryTiming } from '../../../nodes/shared/api/retry';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { runListSearch } from '../../harness';
import { callAsTool } from '../../harness/runTool';
import { credentialsFor } from '../credentials';
import { runNetSuite } from './run';

const search = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const RESULT = /^\/services\/rest\/query\/v1\/savedsearch\/[^/]+\/result$/;

describe('NetSuite node: Saved Search', () => {
	let emulator: RunningEmulator;
	// 10 seeded customers + 24,990 generated: Customer Contacts has 25,000 rows.
	beforeAll(async () => (emulator = await startEmulator({ port: 0, seedCustomers: 24_990 })));
	afterAll(async () => await emulator.stop());
	beforeEach(() => emulator.clearLog());
	const realSleep = retryTiming.sleep;
	beforeAll(() => (retryTiming.sleep = async () => undefined));
	afterAll(() => (retryTiming.sleep = realSleep));

	const runSearch = (savedSearch: INodeParameters, extra: INodeParameters = {}) =>
		runNetSuite(emulator, { resource: 'savedSearch', operation: 'run', savedSearch, returnAll: true, ...extra });
	const resultPages = () => emulator.requestLog.filter((r) => RESULT.test(r.path));

	it('Get Many lists the searches the role may run, with their record type; Name Contains and Limit narrow it', async () => {
		const all = await runNetSuite(emulator, { resource: 'savedSearch', operation: 'list', returnAll: true });
		expect(all.json.map((s) => [s.scriptId, s.recordType])).toEqual([
			['customsearch_open_sales_orders', 'transaction'],
			['customsearch_sales_by_customer', 'transaction'],
			['customsearch_customer_contacts', 'customer'],
			['customsearch_item_prices_by_type', 'item'],
		]);
		expect(all.json.some((s) => s.scriptId === 'customsearch_payroll_private')).toBe(false);
		const named = await runNetSuite(emulator, { resource: 'savedSearch', operation: 'list', nameContains: 'summary', limit: 1 });
		expect(named.json).toEqual([
			{ id: '12', scriptId: 'customsearch_sales_by_customer', name: 'Sales by Customer (summary)', recordType: 'transaction' },
		]);
	});

	it('Run answers one item per row, columns as NetSuite names them: summary, formula, join and null columns', async () => {
		const summary = await runSearch(search('12'));
		expect(summary.error).toBeUndefined();
		expect(summary.json[1]).toEqual({
			'GROUP(entity)': 'Globex Inc',
			'COUNT(tranid)': '1',
			'SUM(amount)': '258',
			'SUM(formulacurrency)': '309.6',
		});
		const open = await runSearch(search('customsearch_open_sales_orders'));
		expect(open.json[0]).toMatchObject({ tranid: 'SO-1001', 'customerMain.email': 'ap@acme.example', memo: null });
		const contacts = await runSearch(search('customsearch_customer_contacts', 'list'), { returnAll: false, limit: 2 });
		expect(contacts.json).toEqual([
			expect.objectContaining({ internalid: '1', formulatext: 'Acme Corporation <ap@acme.example>' }),
			expect.objectContaining({ internalid: '2', formulatext: 'Globex Inc <billing@globex.example>' }),
		]);
		expect(resultPages().at(-1)?.rawQuery).toBe('limit=2&offset=0');
	});

	it('Return All reads a 25,000-row search completely, 1000 rows a page, each row once', async () => {
		const { json, error } = await runSearch(search('13'));
		expect(error).toBeUndefined();
		expect(json).toHaveLength(25_000);
		expect(new Set(json.map((r) => r.internalid)).size).toBe(25_000);
		expect([json[0].internalid, json.at(-1)!.internalid]).toEqual(['1', '25990']);
		expect(resultPages().map((r) => r.rawQuery)).toEqual(Array.from({ length: 25 }, (_, i) => `limit=1000&offset=${i * 1000}`));
	});

	it('a page lost to a 503 is asked again: the result is still complete and in order', async () => {
		emulator.faults.failNext(1, 503, { path: RESULT });
		const { json, error } = await runSearch(search('13'));
		expect(error).toBeUndefined();
		expect(json).toHaveLength(25_000);
		expect(resultPages().filter((r) => r.status === 503)).toHaveLength(1);
	});

	it("names the field for a malformed ID (nothing sent); a missing search fails with NetSuite's 404", async () => {
		const malformed = await runSearch(search('open orders'));
		expect(malformed.error?.message).toContain('Saved Search "open orders" is neither an internal ID (digits) nor a script ID');
		expect(emulator.requestLog).toEqual([]);
		const missing = await runSearch(search('customsearch_payroll_private'));
		expect(missing.error?.message).toContain('does not exist or is not available to your role');
		const badLimit = await runSearch(search('13'), { returnAll: false, limit: 0 });
		expect(badLimit.error?.message).toContain('Limit must be a whole number of 1 or more');
	});

	it('the picker finds a search by name and keeps its script ID', async () => {
		const { results } = await runListSearch({
			nodeType: new NetSuite(),
			method: 'searchSavedSearches',
			filter: 'ORDERS',
			parameters: { authentication: 'tokenBasedAuth', resource: 'savedSearch', operation: 'run' },
			credentials: credentialsFor(emulator),
		});
		expect(results).toEqual([{ name: 'Open Sales Orders (customsearch_open_sales_orders)', value: 'customsearch_open_sales_orders' }]);
	});

	it('as tools, a model finds a search by name with Get Many and runs it by the script ID it got back', async () => {
		const tool = async (name: string, parameters: INodeParameters, call: IDataObject) => {
			const fromAi = Object.fromEntries(Object.keys(call).map((k) => [k, `={{ $fromAI('${k}', 'the ${k}', 'string') }}`]));
			const { results } = await callAsTool({
				nodeType: new NetSuite(),
				name,
				parameters: { authentication: 'tokenBasedAuth', ...parameters, ...fromAi },
				credentials: credentialsFor(emulator),
				calls: [call],
			});
			const [outcome] = results;
			if ('error' in outcome) throw outcome.error;
			return JSON.parse(outcome.ok) as IDataObject[];
		};
		const found = await tool(
			'Find_saved_search',
			{ resource: 'savedSearch', operation: 'list', returnAll: true },
			{ nameContains: 'item prices' },
		);
		expect(found).toHaveLength(1);
		const rows = await tool(
			'Run_saved_search',
			{ resource: 'savedSearch', operation: 'run', returnAll: true },
			{ savedSearch: String(found[0].scriptId) },
		);
		expect(rows.map((r) => r['GROUP(type)'])).toEqual(['InvtPart', 'NonInvtPart', 'Service', 'ShipItem']);
		// 25,000 rows as a tool: the first 100 and a note, read in one page of 101.
		emulator.clearLog();
		const cut = await tool('Run_saved_search', { resource: 'savedSearch', operation: 'run', returnAll: true }, { savedSearch: '13' });
		expect(cut).toHaveLength(101);
		expect(String(cut[100].note)).toContain('Result cut to the first 100 rows');
		expect(resultPages().map((r) => r.rawQuery)).toEqual(['limit=101&offset=0']);
	});
});

describe('example workflow tba-saved-search.json', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());

	it('finds the summary search by name, then runs it, node by node', async () => {
		const file = path.resolve(__dirname, '../../../examples/workflows/tba-saved-search.json');
		const example = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Array<{ type: string; parameters: INodeParameters }> };
		const [find, runIt] = example.nodes.filter((n) => n.type === 'CUSTOM.netSuite');
		const found = await runNetSuite(emulator, find.parameters);
		expect(found.json).toEqual([expect.objectContaining({ scriptId: 'customsearch_sales_by_customer' })]);
		const ran = await runNetSuite(emulator, runIt.parameters, { items: found.json.map((json) => ({ json })) });
		expect(ran.error).toBeUndefined();
		expect(ran.json.map((r) => r['GROUP(entity)'])).toEqual(['Acme Corporation', 'Globex Inc', 'Initech LLC']);
	});
});
