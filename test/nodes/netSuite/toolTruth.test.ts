// What each tool's description promises holds when a model calls it (issue 24 point 8). Every
// read that says "a final note says when there were more" adds that note whenever rows were left
// out, by the tool's Limit (50 by default) as well as by the 100-row cap; Customer › Create and
// Update say they take named inputs, and a field the tool has no input for is not sent.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { NetSuite } from '../../../nodes/NetSuite/NetSuite.node';
import { OPERATIONS } from '../../../nodes/NetSuite/resources';
import { CUT } from '../../../nodes/NetSuite/tool/words';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { callAsTool } from '../../harness/runTool';
import { credentialsFor } from '../credentials';
import { type } from './run';

const fromAi = (key: string) => `={{ $fromAI('${key}', 'the ${key}', 'string') }}`;

/** Reads with more rows than their Limit against 160 customers, each as a tool call would set it. */
const READS: Record<string, { parameters: INodeParameters; call?: IDataObject; rows: number }> = {
	'customer.list': { parameters: { resource: 'customer', operation: 'list' }, rows: 160 },
	'record.list': {
		parameters: { resource: 'record', operation: 'list', recordType: type('customer'), options: { fullRecords: true } },
		rows: 160,
	},
	'salesOrder.list': { parameters: { resource: 'salesOrder', operation: 'list' }, rows: 3 },
	'invoice.list': { parameters: { resource: 'invoice', operation: 'list' }, rows: 1 },
	'itemFulfillment.list': { parameters: { resource: 'itemFulfillment', operation: 'list' }, rows: 1 },
	'item.list': { parameters: { resource: 'item', operation: 'list' }, rows: 9 },
	'savedSearch.list': { parameters: { resource: 'savedSearch', operation: 'list' }, rows: 4 },
	'savedSearch.run': { parameters: { resource: 'savedSearch', operation: 'run' }, call: { savedSearch: '13' }, rows: 160 },
	'suiteQl.run': {
		parameters: { resource: 'suiteQl', operation: 'run' },
		call: { query: 'SELECT id FROM customer ORDER BY id' },
		rows: 160,
	},
};

describe('tool descriptions that are true', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0, seedCustomers: 150 })));
	afterAll(async () => await emulator.stop());

	const asTool = async (parameters: INodeParameters, call: IDataObject = {}) => {
		const asked = Object.fromEntries(Object.keys(call).map((key) => [key, fromAi(key)]));
		const { results } = await callAsTool({
			nodeType: new NetSuite(),
			name: 'NetSuite',
			parameters: { authentication: 'tokenBasedAuth', ...parameters, ...asked },
			credentials: credentialsFor(emulator),
			calls: [call],
		});
		const [outcome] = results;
		if ('error' in outcome) throw outcome.error;
		return JSON.parse(outcome.ok) as IDataObject[];
	};

	it('every read whose description promises the note is in the table', () => {
		const promising = OPERATIONS.filter(({ operation }) => operation.toolDescription?.includes(CUT)).map(
			({ resource, operation }) => `${resource.value}.${operation.value}`,
		);
		expect(promising.sort()).toEqual(Object.keys(READS).sort());
	});

	it.each(Object.keys(READS))('%s: the note comes when the Limit left rows out, and only then', async (name) => {
		const { parameters, call, rows } = READS[name];
		const limit = Math.max(1, Math.min(50, rows - 1));
		if (rows > 1) {
			const cut = await asTool({ ...parameters, limit }, call);
			expect(cut).toHaveLength(limit + 1);
			expect(String(cut[limit].note)).toContain(`Result cut to the first ${limit} rows; there are more.`);
		}
		if (rows <= 100) {
			const whole = await asTool({ ...parameters, limit: rows }, call);
			expect(whole).toHaveLength(rows);
			expect(whole.some((row) => 'note' in row)).toBe(false);
		} else {
			const capped = await asTool({ ...parameters, returnAll: true }, call);
			expect(capped).toHaveLength(101);
			expect(String(capped[100].note)).toContain('Result cut to the first 100 rows; there are more.');
		}
	});

	it('the default Limit (50) on 160 customers: 50 IDs and the note (as an MCP client saw it: 50 and no note)', async () => {
		const answer = await asTool({ resource: 'customer', operation: 'list' });
		expect(answer).toHaveLength(51);
		expect(answer.slice(0, 50).every((row) => typeof row.id === 'string')).toBe(true);
		expect(answer[50].note).toEqual(expect.stringContaining('Result cut to the first 50 rows'));
	});

	it('Customer › Create and Update describe named inputs, not a JSON body; a model cannot add a field the tool has no input for', async () => {
		for (const value of ['create', 'update']) {
			const { operation } = OPERATIONS.find((o) => o.resource.value === 'customer' && o.operation.value === value)!;
			expect(operation.toolDescription).not.toMatch(/JSON object/);
			expect(operation.toolDescription).toContain('Only the inputs this tool offers are sent');
		}
		emulator.clearLog();
		const [created] = await asTool(
			{ resource: 'customer', operation: 'create', subsidiary: '1' },
			{ companyName: 'Named Inputs Ltd', email: 'dropped@example.com' },
		);
		const sent = emulator.requestLog.find((r) => r.method === 'POST' && r.path.endsWith('/record/v1/customer'));
		expect(JSON.parse(sent!.body)).toEqual({ companyName: 'Named Inputs Ltd', subsidiary: { id: '1' } });
		expect(emulator.data.db.all('SELECT email FROM customer WHERE id = ?', [Number(created.id)])).toEqual([{ email: null }]);
	});
});
