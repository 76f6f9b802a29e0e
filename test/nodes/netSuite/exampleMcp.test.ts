// The example MCP workflow (examples/workflows/netsuite-mcp-agent.json) as n8n reads it: a
// read-only tool set whose every model-filled input carries a description, each tool answering
// through n8n-core's tool wrapper.
import { traverseNodeParameters, type FromAIArgument, type INodeParameters } from 'n8n-workflow';

import { NetSuite } from '../../../nodes/NetSuite/NetSuite.node';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { workflow } from '../../e2e/fixtures';
import { callAsTool } from '../../harness/runTool';
import { credentialsFor } from '../credentials';

type ExampleNode = { name: string; type: string; parameters: INodeParameters };
const example = workflow('netsuite-mcp-agent') as unknown as {
	nodes: ExampleNode[];
	connections: Record<string, { ai_tool?: Array<Array<{ node: string }>> }>;
};
const tools = example.nodes.filter((n) => n.type === 'CUSTOM.netSuiteTool');
const trigger = example.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.mcpTrigger')!;
const byName = (name: string) => tools.find((t) => t.name === name)!;

describe('example workflow: NetSuite tools over MCP', () => {
	it('is read-only: SuiteQL, Get Record, List Record Types, Get Record Metadata', () => {
		expect(tools.map((t) => `${String(t.parameters.resource)}.${String(t.parameters.operation)}`).sort()).toEqual(
			['metadata.getRecordMetadata', 'metadata.listRecordTypes', 'record.get', 'suiteQl.run'].sort(),
		);
	});

	it('connects every tool to the MCP Server Trigger, which asks clients for a bearer token', () => {
		for (const tool of tools) expect(example.connections[tool.name]?.ai_tool?.[0]?.[0]?.node).toBe(trigger.name);
		expect(trigger.parameters.authentication).toBe('bearerAuth');
	});

	it.each([
		['NetSuite SuiteQL', ['query']],
		['NetSuite Get Record', ['recordType', 'recordId']],
		['NetSuite List Record Types', []],
		['NetSuite Get Record Metadata', ['recordType']],
	])('%s: the model fills %j, each with a description it can act on', (name, keys) => {
		const inputs: FromAIArgument[] = [];
		traverseNodeParameters(byName(name).parameters, inputs);
		expect(inputs.map((i) => i.key)).toEqual(keys);
		for (const input of inputs) expect(input.description?.length ?? 0).toBeGreaterThan(60);
	});

	describe('each tool answers through n8n-core', () => {
		let emulator: RunningEmulator;
		beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
		afterAll(async () => await emulator.stop());

		const call = async (name: string, args: Record<string, unknown>) => {
			const { results } = await callAsTool({
				nodeType: new NetSuite(),
				name,
				parameters: byName(name).parameters,
				credentials: credentialsFor(emulator),
				calls: [args as never],
			});
			const [outcome] = results;
			if ('error' in outcome) throw outcome.error;
			return JSON.parse(outcome.ok) as Array<Record<string, unknown>>;
		};

		it('SuiteQL', async () => {
			expect(await call('NetSuite SuiteQL', { query: "SELECT tranid FROM transaction WHERE type = 'SalesOrd' ORDER BY id" })).toEqual([
				{ tranid: 'SO-1001' },
				{ tranid: 'SO-1002' },
				{ tranid: 'SO-1003' },
			]);
		});

		it('Get Record by eid:', async () => {
			expect((await call('NetSuite Get Record', { recordType: 'customer', recordId: 'eid:CRM-1000' }))[0]).toMatchObject({
				id: '1',
				companyName: 'Acme Corporation',
			});
		});

		it('List Record Types', async () => {
			expect((await call('NetSuite List Record Types', {})).map((r) => r.name)).toEqual(
				expect.arrayContaining(['customer', 'salesOrder', 'customrecord_demo_project']),
			);
		});

		it('Get Record Metadata', async () => {
			const [metadata] = await call('NetSuite Get Record Metadata', { recordType: 'customer' });
			expect((metadata.fields as Array<{ id: string }>).map((f) => f.id)).toEqual(
				expect.arrayContaining(['companyName', 'email', 'subsidiary']),
			);
		});
	});
});
