/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- runs in Node (tests, emulator, scripts), never inside n8n */
// Agent mode in a real n8n, 2.40.7 (Node 24) and 2.8.4 (Node 20): a published workflow with an
// MCP Server Trigger exposes NetSuite tools (`CUSTOM.netSuiteTool`), and a real MCP client
// (@modelcontextprotocol/sdk, Streamable HTTP, as the trigger serves from version 2) lists and
// calls them. One n8n start per version.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type RunningEmulator } from '../emulator';
import { OPERATIONS } from '../nodes/netSuite/operationTable';
import { DEMO_MCP_TOKEN, demoCredentials, workflow } from './fixtures';
import { installN8n, N8nInstance } from './n8n';

type Node = {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: number[];
	parameters: Record<string, unknown>;
	credentials?: Record<string, unknown>;
};
type McpText = { content: Array<{ type: string; text?: string }>; isError?: boolean };

/** The tool name of the operation table's row (n8n names a tool after its node). */
const everyTool = (operation: string) => `Every_${operation.replace('.', '_')}`;
const fromAi = (key: string) => `={{ $fromAI('${key}', 'The ${key} NetSuite needs', 'string') }}`;

/**
 * The example's read-only tools plus a filtered List and a Create, as an author would add them,
 * and one tool per row of the operation table (its model-filled parameters as $fromAI).
 */
function mcpWorkflow(): Record<string, unknown> {
	const example = workflow('netsuite-mcp-agent') as unknown as { nodes: Node[]; connections: Record<string, unknown> };
	const tba = example.nodes.find((n) => n.type === 'CUSTOM.netSuiteTool')!.credentials;
	const tool = (id: string, name: string, parameters: Record<string, unknown>): Node => ({
		id,
		name,
		type: 'CUSTOM.netSuiteTool',
		typeVersion: 1,
		position: [880, 220],
		parameters: { authentication: 'tokenBasedAuth', ...parameters },
		credentials: tba,
	});
	const customer = { __rl: true, mode: 'id', value: 'customer' };
	const extra = [
		tool('list-customers', 'NetSuite List Customers', {
			resource: 'record',
			operation: 'list',
			recordType: customer,
			filterMode: 'q',
			q: "={{ $fromAI('q', 'NetSuite q filter, e.g. email START_WITH \"ap@\"', 'string') }}",
		}),
		tool('create-customer', 'NetSuite Create Customer', {
			resource: 'record',
			operation: 'create',
			recordType: customer,
			bodyMode: 'json',
			bodyJson: "={{ $fromAI('customer', 'Fields of the new customer: companyName, subsidiary {id}', 'json') }}",
		}),
	];
	for (const [operation, row] of Object.entries(OPERATIONS)) {
		const asked = Object.fromEntries(Object.keys(row.fromModel ?? {}).map((key) => [key, fromAi(key)]));
		extra.push(tool(everyTool(operation), everyTool(operation), { ...row.parameters, ...asked }));
	}
	const connections = { ...example.connections };
	for (const n of extra) connections[n.name] = { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] };
	return { ...example, id: 'nsMcpE2e', name: 'NetSuite MCP e2e', nodes: [...example.nodes, ...extra], connections };
}

/** n8n reports ready before it has activated published workflows: wait for the endpoint. */
async function waitForEndpoint(url: string, n8n: N8nInstance): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		if (response.status !== 404) return;
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`the MCP endpoint ${url} was never registered:\n${n8n.serverLog.slice(-3000)}`);
}

const EXAMPLE_TOOLS = [
	'NetSuite_Create_Customer',
	'NetSuite_Get_Record',
	'NetSuite_Get_Record_Metadata',
	'NetSuite_List_Customers',
	'NetSuite_List_Record_Types',
	'NetSuite_SuiteQL',
];

const text = (result: McpText) => result.content.map((c) => c.text ?? '').join('\n');
const rows = (result: McpText) => JSON.parse(text(result)) as Array<Record<string, unknown>>;

describe.each(['2.40.7', '2.8.4'])('n8n %s serves NetSuite tools to an MCP client', (version) => {
	let emulator: RunningEmulator;
	let n8n: N8nInstance;
	let url: string;
	let client: Client;

	beforeAll(async () => {
		emulator = await startEmulator({ port: 0 });
		n8n = new N8nInstance(installN8n(version));
		await n8n.importCredentials(demoCredentials(emulator.credentials));
		await n8n.importWorkflow(mcpWorkflow());
		await n8n.cli(['publish:workflow', '--id=nsMcpE2e']);
		url = `${await n8n.start()}/mcp/netsuite`;
		await waitForEndpoint(url, n8n);
		client = new Client({ name: 'suitetalk-e2e', version: '1.0.0' });
		await client.connect(
			new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${DEMO_MCP_TOKEN}` } } }),
		);
	}, 20 * 60_000);

	afterAll(async () => {
		await client?.close();
		await n8n?.stop();
		await emulator?.stop();
	});

	const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as McpText;

	it('serves the same tools to an SSE client (the older MCP transport)', async () => {
		const authorization = { Authorization: `Bearer ${DEMO_MCP_TOKEN}` };
		const sse = new Client({ name: 'suitetalk-e2e-sse', version: '1.0.0' });
		// The SDK's EventSource takes headers through its own fetch; the POSTs through requestInit.
		const fetchWithAuth: typeof fetch = async (input, init) =>
			await fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...authorization } });
		await sse.connect(
			new SSEClientTransport(new URL(url), { eventSourceInit: { fetch: fetchWithAuth }, requestInit: { headers: authorization } }),
		);
		try {
			const { tools } = await sse.listTools();
			expect(tools).toHaveLength(EXAMPLE_TOOLS.length + Object.keys(OPERATIONS).length);
			const result = (await sse.callTool({
				name: 'NetSuite_SuiteQL',
				arguments: { query: "SELECT COUNT(*) AS invoices FROM transaction WHERE type = 'CustInvc'" },
			})) as McpText;
			expect(rows(result)).toEqual([{ invoices: '1' }]);
		} finally {
			await sse.close();
		}
	});

	it('refuses a client without the bearer token', async () => {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
			body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
		});
		expect([401, 403]).toContain(response.status);
	});

	it('lists the tools with descriptions a model can act on', async () => {
		const { tools } = await client.listTools();
		console.log(
			`MCP tools/list:\n${tools.map((t) => `- ${t.name}: ${t.description}\n  input: ${JSON.stringify(t.inputSchema)}`).join('\n')}`,
		);
		expect(tools.map((t) => t.name).sort()).toEqual([...EXAMPLE_TOOLS, ...Object.keys(OPERATIONS).map(everyTool)].sort());
		const suiteQl = tools.find((t) => t.name === 'NetSuite_SuiteQL')!;
		expect(suiteQl.description).toMatch(/SuiteQL.*transaction.*transactionline.*customer.*item.*string/);
		expect((suiteQl.inputSchema.properties as Record<string, { description?: string }>).query.description).toMatch(
			/^One SuiteQL SELECT \(Oracle SQL dialect\)/,
		);
		const get = tools.find((t) => t.name === 'NetSuite_Get_Record')!;
		expect(get.description).toContain('eid:');
		expect((get.inputSchema.properties as Record<string, { description?: string }>).recordId.description).toContain('eid:');
	});

	it('SuiteQL: the open invoices of a customer, with the amount summed over their lines', async () => {
		const result = await call('NetSuite_SuiteQL', {
			query:
				"SELECT t.tranid, c.companyname, t.trandate, SUM(l.amount) AS amount FROM transaction t JOIN customer c ON c.id = t.entity JOIN transactionline l ON l.transaction = t.id WHERE t.type = 'CustInvc' AND t.status = 'A' AND c.companyname = 'Globex Inc' GROUP BY t.tranid, c.companyname, t.trandate",
		});
		console.log(`MCP tools/call NetSuite_SuiteQL → ${text(result)}`);
		expect(result.isError).toBeFalsy();
		expect(rows(result)).toEqual([expect.objectContaining({ tranid: 'INV-2001', companyname: 'Globex Inc', amount: '258' })]);
	});

	it('Get Record by eid:', async () => {
		const result = await call('NetSuite_Get_Record', { recordType: 'customer', recordId: 'eid:CRM-1003' });
		expect(result.isError).toBeFalsy();
		expect(rows(result)[0]).toMatchObject({ id: '4', companyName: 'Umbrella Corp', externalId: 'CRM-1003' });
	});

	it('List with a filter', async () => {
		const result = await call('NetSuite_List_Customers', { q: 'email START_WITH "billing@"' });
		expect(
			rows(result)
				.map((r) => r.id)
				.sort(),
		).toEqual(['2', '6']);
	});

	it('Metadata for a record type, and the list of types', async () => {
		const fields = rows(await call('NetSuite_Get_Record_Metadata', { recordType: 'salesOrder' }))[0].fields as Array<{ id: string }>;
		expect(fields.map((f) => f.id)).toEqual(expect.arrayContaining(['entity', 'tranDate', 'item']));
		const types = rows(await call('NetSuite_List_Record_Types', {})).map((t) => t.name);
		expect(types).toEqual(expect.arrayContaining(['customer', 'salesOrder', 'invoice']));
	});

	it('Create: the new customer exists in NetSuite afterwards', async () => {
		const result = await call('NetSuite_Create_Customer', { customer: { companyName: 'MCP Made Ltd', subsidiary: { id: '1' } } });
		expect(result.isError).toBeFalsy();
		const [created] = rows(result);
		const stored = emulator.data.db.all('SELECT companyname FROM customer WHERE id = ?', [Number(created.id)]);
		expect(stored).toEqual([{ companyname: 'MCP Made Ltd' }]);
	});

	it("errors come back as isError with NetSuite's detail and code", async () => {
		const missing = await call('NetSuite_Get_Record', { recordType: 'customer', recordId: '999999' });
		expect(missing.isError).toBe(true);
		expect(text(missing)).toContain('Record does not exist. [NONEXISTENT_ID]');
		const bad = await call('NetSuite_SuiteQL', { query: 'SELECT id FROM customer WHERE' });
		expect(bad.isError).toBe(true);
		expect(text(bad)).toMatch(/Invalid search query\..*\[INVALID_PARAMETER\]/);
	});

	// The operation table's rows touch records no other call here reads, so each row's check
	// holds on this shared emulator as it does in the unit test on a fresh one.
	it.each(Object.keys(OPERATIONS))('every operation as a tool: %s', async (operation) => {
		const row = OPERATIONS[operation];
		const result = await call(everyTool(operation), row.fromModel ?? {});
		expect({ isError: result.isError ?? false, text: result.isError ? text(result) : '' }).toEqual({ isError: false, text: '' });
		row.check(rows(result) as IDataObject[], emulator);
	});
});
