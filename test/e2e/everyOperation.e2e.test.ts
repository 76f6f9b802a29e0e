// Every operation of the NetSuite node in one workflow run by a real n8n, 2.40.7 (Node 24) and
// 2.8.4 (Node 20): a Manual Trigger fans out to one NetSuite node per row of the operation table
// (test/nodes/netSuite/operationTable.ts), and each node's output and the emulator's data after
// the run are checked as the unit test checks them. The rows touch disjoint records, so the
// order n8n runs the branches in does not matter. One `n8n execute` per version.
import type { IDataObject } from 'n8n-workflow';

import { OPERATIONS } from '../nodes/netSuite/operationTable';
import { startEmulator, type RunningEmulator } from '../emulator';
import { demoCredentials } from './fixtures';
import { installN8n, N8nInstance } from './n8n';

const WORKFLOW_ID = 'nsEveryOperation';
const nodeName = (operation: string) => `NetSuite ${operation}`;

function everyOperationWorkflow(): object {
	const operations = Object.keys(OPERATIONS);
	const nodes = operations.map((operation, i) => {
		const row = OPERATIONS[operation];
		return {
			id: operation,
			name: nodeName(operation),
			type: 'CUSTOM.netSuite',
			typeVersion: 1,
			position: [300, i * 120],
			parameters: { authentication: 'tokenBasedAuth', ...row.parameters, ...row.fromModel },
			credentials: { netSuiteTbaApi: { id: 'nsTba', name: 'NetSuite TBA (emulator)' } },
		};
	});
	return {
		id: WORKFLOW_ID,
		name: 'NetSuite: every operation',
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			...nodes,
		],
		connections: { Start: { main: [nodes.map((n) => ({ node: n.name, type: 'main', index: 0 }))] } },
		settings: { executionOrder: 'v1' },
		active: false,
		pinData: {},
	};
}

describe.each(['2.40.7', '2.8.4'])('n8n %s runs every NetSuite operation in one workflow', (version) => {
	let emulator: RunningEmulator;
	let n8n: N8nInstance;
	let outputs: Record<string, Array<{ json: Record<string, unknown> }>>;

	beforeAll(async () => {
		emulator = await startEmulator({ port: 0 });
		n8n = new N8nInstance(installN8n(version));
		await n8n.importCredentials(demoCredentials(emulator.credentials));
		await n8n.importWorkflow(everyOperationWorkflow());
		outputs = await n8n.executeEveryNode(WORKFLOW_ID);
	}, 20 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		await emulator?.stop();
	});

	it('ran one node per operation, each once, every request signed with TBA', () => {
		expect(Object.keys(outputs).sort()).toEqual(['Start', ...Object.keys(OPERATIONS).map(nodeName)].sort());
		const netSuiteCalls = emulator.requestLog.filter((r) => r.path.startsWith('/services/rest/'));
		expect(netSuiteCalls.length).toBeGreaterThanOrEqual(Object.keys(OPERATIONS).length);
		expect(netSuiteCalls.filter((r) => r.auth !== 'tba' || r.status === 401)).toEqual([]);
	});

	it.each(Object.keys(OPERATIONS))('%s', (operation) => {
		OPERATIONS[operation].check(
			outputs[nodeName(operation)].map((item) => item.json as IDataObject),
			emulator,
		);
	});
});
