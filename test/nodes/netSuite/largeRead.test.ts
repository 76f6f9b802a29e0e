import type { INodeParameters } from 'n8n-workflow';

import { NetSuite } from '../../../nodes/NetSuite/NetSuite.node';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { runNode } from '../../harness';
import { asRoutingOnly } from '../../harness/runTool';
import { credentialsFor } from '../credentials';
import { runNetSuite } from './run';

describe('NetSuite node: a SuiteQL read larger than the offset cap', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0, seedCustomers: 130_000 })), 60_000);
	afterAll(async () => await emulator.stop());

	it('without Page by Key fails at the first page with an error that suggests it', async () => {
		emulator.clearLog();
		const { error } = await runNetSuite(emulator, {
			resource: 'suiteQl',
			operation: 'run',
			query: 'SELECT id FROM customer',
			returnAll: true,
		});
		expect(error?.message).toBe('SuiteQL stops at 100,000 rows when paging by offset, and this query has more');
		expect(error?.description).toContain('Page by Key');
		expect(emulator.requestLog.filter((r) => r.path.endsWith('/suiteql'))).toHaveLength(1);
	}, 120_000);

	it('with Page by Key reads all 130,010 rows, each once, in 131 requests', async () => {
		emulator.clearLog();
		const { json, error } = await runNetSuite(emulator, {
			resource: 'suiteQl',
			operation: 'run',
			query: 'SELECT id FROM customer',
			returnAll: true,
			options: { pageByKey: true },
		});
		expect(error).toBeUndefined();
		expect(json).toHaveLength(130_010);
		expect(new Set(json.map((r) => r.id)).size).toBe(130_010);
		expect(emulator.requestLog.filter((r) => r.path.endsWith('/suiteql'))).toHaveLength(131);
	}, 120_000);

	describe("through n8n's routing engine (how n8n runs the node as a tool)", () => {
		const routed = async (options: INodeParameters) =>
			await runNode({
				nodeType: asRoutingOnly(new NetSuite()),
				parameters: {
					authentication: 'tokenBasedAuth',
					resource: 'suiteQl',
					operation: 'run',
					query: 'SELECT id FROM customer',
					returnAll: true,
					options,
				},
				credentials: credentialsFor(emulator),
			});

		it('fails at the first page past the offset cap, as the custom operation does', async () => {
			emulator.clearLog();
			const { error } = await routed({});
			expect(error?.message).toBe('SuiteQL stops at 100,000 rows when paging by offset, and this query has more');
			expect(emulator.requestLog.filter((r) => r.path.endsWith('/suiteql'))).toHaveLength(1);
		}, 120_000);

		it('stops Page by Key at 100,000 rows with a clear error, not a stack overflow in n8n-core', async () => {
			const { error, items } = await routed({ pageByKey: true });
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(
				"SuiteQL through n8n's routing engine returns at most 100,000 rows per input item, and this query has more",
			);
		}, 120_000);
	});
});
