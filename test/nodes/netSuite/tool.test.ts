// The NetSuite node called as an AI tool through n8n-core's own tool wrapper (createNodeAsTool
// + makeHandleToolInvocation), which runs the routing engine and never the custom operations.
import { NetSuite } from '../../../nodes/NetSuite/NetSuite.node';
import { TOOL_ROW_CAP } from '../../../nodes/NetSuite/tool/toolCall';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { callAsTool, type ToolCallResult } from '../../harness/runTool';
import { credentialsFor } from '../credentials';
import { type } from './run';

const fromAi = (key: string, description: string, kind = 'string') => `={{ $fromAI('${key}', '${description}', '${kind}') }}`;
const QUERY_HELP = 'A SuiteQL SELECT statement';

/** A small seeded PRNG (mulberry32): the same seed gives the same cases. */
function random(seed: number): (max: number) => number {
	let state = seed;
	return (max) => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max);
	};
}

function answer(result: ToolCallResult, call = 0): Array<Record<string, unknown>> {
	const outcome = result.results[call];
	if ('error' in outcome) throw new Error(`tool call failed: ${outcome.error.message}`);
	return JSON.parse(outcome.ok) as Array<Record<string, unknown>>;
}

function failure(result: ToolCallResult, call = 0): Error {
	const outcome = result.results[call];
	if (!('error' in outcome)) throw new Error(`tool call answered: ${outcome.ok.slice(0, 300)}`);
	return outcome.error;
}

describe('NetSuite node as an AI tool (n8n-core tool wrapper, routing engine)', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0, seedCustomers: 2500 })));
	afterAll(async () => await emulator.stop());

	const asTool = async (name: string, parameters: Record<string, unknown>, calls: Array<Record<string, unknown>>) =>
		await callAsTool({
			nodeType: new NetSuite(),
			name,
			parameters: { authentication: 'tokenBasedAuth', ...parameters } as never,
			credentials: credentialsFor(emulator),
			calls: calls as never,
		});

	it('answers a SuiteQL query written by the model: the open invoices of a customer, summed over their lines', async () => {
		emulator.clearLog();
		const q =
			"SELECT t.id, t.tranid, c.companyname AS customer, t.status, SUM(l.amount) AS amount FROM transaction t JOIN customer c ON c.id = t.entity JOIN transactionline l ON l.transaction = t.id WHERE t.type = 'CustInvc' AND t.entity = 2 AND t.status = 'A' GROUP BY t.id, t.tranid, c.companyname, t.status";
		const result = await asTool('Run_SuiteQL', { resource: 'suiteQl', operation: 'run', query: fromAi('query', QUERY_HELP) }, [
			{ query: q },
		]);
		expect(answer(result)).toEqual([{ id: '201', tranid: 'INV-2001', customer: 'Globex Inc', status: 'A', amount: '258' }]);
		const sent = emulator.requestLog.filter((r) => r.path.endsWith('/suiteql'));
		expect(sent).toHaveLength(1);
		expect(sent[0].method).toBe('POST');
		expect(sent[0].headers.prefer).toBe('transient');
		expect(JSON.parse(sent[0].body)).toEqual({ q });
	});

	it('tells the model what SuiteQL is and passes the $fromAI description into the schema', async () => {
		const result = await asTool('Run_SuiteQL', { resource: 'suiteQl', operation: 'run', query: fromAi('query', QUERY_HELP) }, []);
		expect(result.tool.name).toBe('Run_SuiteQL');
		expect(result.tool.description).toMatch(
			/^Run one SuiteQL query in NetSuite\. SuiteQL is Oracle-style SQL .*transaction .*'CustInvc'.*transactionline.*customer.*item.*BUILTIN\.DF.*TO_CHAR.*TO_DATE.*Every value comes back as a string.*100 rows/,
		);
		expect(Object.keys(result.tool.schema.shape)).toEqual(['query']);
		expect(result.tool.schema.shape.query.description).toBe(QUERY_HELP);
	});

	it("uses the author's own tool description when one is written", async () => {
		const result = await asTool(
			'Open_invoices',
			{
				resource: 'suiteQl',
				operation: 'run',
				query: fromAi('query', QUERY_HELP),
				toolDescription: 'Answers questions about open invoices.',
			},
			[],
		);
		expect(result.tool.description).toBe('Answers questions about open invoices.');
	});

	it('shows the tool description only on the tool variant', () => {
		const fields = new NetSuite().description.properties.filter((p) => p.name === 'toolDescription');
		expect(fields.length).toBeGreaterThan(5);
		for (const field of fields) expect(field.displayOptions?.show?.['@tool']).toEqual([true]);
	});

	it('sends bound parameters from the Parameters list as params', async () => {
		emulator.clearLog();
		const result = await asTool(
			'Customer_by_email',
			{
				resource: 'suiteQl',
				operation: 'run',
				query: 'SELECT id, companyname FROM customer WHERE email = ?',
				parameters: { values: [{ value: fromAi('email', 'Customer e-mail') }] },
			},
			[{ email: 'ap@acme.example' }],
		);
		expect(answer(result)).toEqual([{ id: '1', companyname: 'Acme Corporation' }]);
		expect(JSON.parse(emulator.requestLog.find((r) => r.path.endsWith('/suiteql'))!.body).params).toEqual(['ap@acme.example']);
	});

	it('cuts a large answer to the tool row cap with a note on how to narrow it, reading one page', async () => {
		emulator.clearLog();
		const result = await asTool(
			'Run_SuiteQL',
			{ resource: 'suiteQl', operation: 'run', query: fromAi('query', QUERY_HELP), returnAll: true },
			[{ query: 'SELECT id FROM customer ORDER BY id' }],
		);
		const rows = answer(result);
		expect(rows).toHaveLength(TOOL_ROW_CAP + 1);
		expect(rows[TOOL_ROW_CAP - 1]).toEqual({ id: String(1001 + TOOL_ROW_CAP - 11) });
		expect(rows[TOOL_ROW_CAP].note).toMatch(/^Result cut to the first 100 rows; there are more\. Narrow the query: add WHERE/);
		expect(emulator.requestLog.filter((r) => r.path.endsWith('/suiteql')).map((r) => r.rawQuery)).toEqual([
			`limit=${TOOL_ROW_CAP + 1}&offset=0`,
		]);
	});

	it("keeps the author's smaller Limit and says when it cut the answer", async () => {
		const result = await asTool('Run_SuiteQL', { resource: 'suiteQl', operation: 'run', query: fromAi('query', QUERY_HELP), limit: 3 }, [
			{ query: 'SELECT id FROM customer ORDER BY id' },
		]);
		const rows = answer(result);
		expect(rows.slice(0, 3)).toEqual([{ id: '1' }, { id: '2' }, { id: '3' }]);
		expect(rows[3].note).toMatch(/^Result cut to the first 3 rows/);
		expect(rows).toHaveLength(4);
	});

	it('does not add a note when the answer is whole', async () => {
		const result = await asTool('Run_SuiteQL', { resource: 'suiteQl', operation: 'run', query: fromAi('query', QUERY_HELP), limit: 10 }, [
			{ query: 'SELECT id FROM customer WHERE id <= 10 ORDER BY id' },
		]);
		expect(answer(result)).toHaveLength(10);
	});

	it('pages by key inside the cap when the author turned Page by Key on', async () => {
		emulator.clearLog();
		const result = await asTool(
			'Run_SuiteQL',
			{
				resource: 'suiteQl',
				operation: 'run',
				query: fromAi('query', QUERY_HELP),
				returnAll: true,
				options: { pageByKey: true, pageSize: 40 },
			},
			[{ query: 'SELECT id FROM customer' }],
		);
		const rows = answer(result);
		expect(rows).toHaveLength(TOOL_ROW_CAP + 1);
		expect(new Set(rows.slice(0, TOOL_ROW_CAP).map((r) => r.id)).size).toBe(TOOL_ROW_CAP);
		expect(emulator.requestLog.filter((r) => r.path.endsWith('/suiteql'))).toHaveLength(3);
	});

	it.each([7, 1234])(
		'randomized (seed %i): a tool call shows the first min(Limit, 100) rows in order, and a note exactly when rows were left out',
		async (seed) => {
			const next = random(seed);
			for (let round = 0; round < 12; round++) {
				const total = [0, 3, 10, 99, 100, 101, 250, 2510][next(8)];
				const upTo = total <= 10 ? total : 1000 + total - 10;
				const settings = {
					returnAll: next(2) === 1,
					limit: 1 + next(300),
					options: { pageSize: 1 + next(1000), pageByKey: next(2) === 1 },
				};
				const all = emulator.data.db.all(`SELECT id FROM customer WHERE id <= ${upTo} ORDER BY id`).map((r) => ({ id: String(r.id) }));
				const shown = Math.min(settings.returnAll ? Infinity : settings.limit, TOOL_ROW_CAP);
				const context = `seed ${seed}, round ${round}: ${all.length} rows, ${JSON.stringify(settings)}`;
				const result = await asTool(
					'Run_SuiteQL',
					{ resource: 'suiteQl', operation: 'run', query: fromAi('query', QUERY_HELP), ...settings },
					[{ query: `SELECT id FROM customer WHERE id <= ${upTo} ORDER BY id` }],
				);
				const rows = answer(result);
				const note = rows.length && 'note' in rows[rows.length - 1] ? rows.pop() : undefined;
				expect({ context, rows, cut: note !== undefined }).toEqual({ context, rows: all.slice(0, shown), cut: all.length > shown });
			}
		},
		60_000,
	);

	it("answers a SuiteQL error with NetSuite's detail and code, short", async () => {
		const result = await asTool('Run_SuiteQL', { resource: 'suiteQl', operation: 'run', query: fromAi('query', QUERY_HELP) }, [
			{ query: 'SELECT id FROM customer WHERE' },
		]);
		const error = failure(result);
		expect(error.message).toMatch(/^Invalid search query\..*\[INVALID_PARAMETER\]/);
		expect(error.message.length).toBeLessThan(600);
	});

	it('gets a record by eid: and says so in its description', async () => {
		const result = await asTool(
			'Get_record',
			{
				resource: 'record',
				operation: 'get',
				recordType: type('customer'),
				recordId: fromAi('id', 'Internal ID, or eid: followed by the external ID'),
			},
			[{ id: 'eid:CRM-1001' }, { id: 'eid:NOPE' }],
		);
		expect(answer(result, 0)[0]).toMatchObject({ id: '2', companyName: 'Globex Inc', externalId: 'CRM-1001' });
		expect(failure(result, 1).message).toMatch(/^Record does not exist\. \[NONEXISTENT_ID\]/);
		expect(result.tool.description).toContain('eid:');
		expect(result.tool.schema.shape.id.description).toBe('Internal ID, or eid: followed by the external ID');
	});

	it('lists records with a q filter from the model', async () => {
		const result = await asTool(
			'List_customers',
			{ resource: 'record', operation: 'list', recordType: type('customer'), filterMode: 'q', q: fromAi('q', 'NetSuite q filter') },
			[{ q: 'email START_WITH "ap@"' }],
		);
		expect(
			answer(result)
				.map((r) => r.id)
				.sort(),
		).toEqual(['1', '10', '5', '7', '9'].sort());
	});

	it('cuts a List with Return All at the tool row cap too', async () => {
		const result = await asTool(
			'List_customers',
			{ resource: 'record', operation: 'list', recordType: type('customer'), returnAll: true },
			[{}],
		);
		const rows = answer(result);
		expect(rows).toHaveLength(TOOL_ROW_CAP + 1);
		expect(rows[TOOL_ROW_CAP].note).toMatch(/^Result cut to the first 100 rows/);
	});

	it('creates a record from JSON the model wrote and answers its new id', async () => {
		const result = await asTool(
			'Create_customer',
			{
				resource: 'record',
				operation: 'create',
				recordType: type('customer'),
				bodyMode: 'json',
				bodyJson: fromAi('record', 'Fields of the new customer', 'json'),
			},
			[{ record: { companyName: 'Tool Made Ltd', subsidiary: { id: '1' } } }],
		);
		const [created] = answer(result);
		expect(created).toMatchObject({ recordType: 'customer' });
		expect(created.id).toMatch(/^\d+$/);
	});

	it('reads record metadata for a type', async () => {
		const result = await asTool(
			'Record_fields',
			{
				resource: 'metadata',
				operation: 'getRecordMetadata',
				recordType: { __rl: true, mode: 'id', value: fromAi('recordType', 'NetSuite record type id') },
			},
			[{ recordType: 'salesOrder' }],
		);
		const [schema] = answer(result);
		expect(JSON.stringify(schema)).toContain('entity');
	});
});
