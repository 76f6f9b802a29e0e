// Every operation of the NetSuite node answers the same in a workflow and as an AI tool (n8n-core's
// own tool code: createNodeAsTool + makeHandleToolInvocation on the `netSuiteTool` type), and a
// write leaves NetSuite in the same state either way. The table has one row per resource ×
// operation the node declares: an operation added without a row fails the first test.
import type { IDataObject } from 'n8n-workflow';

import { NetSuite } from '../../../nodes/NetSuite/NetSuite.node';
import { cutNote, TOOL_ROW_CAP } from '../../../nodes/NetSuite/tool/toolCall';
import { retryTiming } from '../../../nodes/shared/api/retry';
import { OPERATIONS, type Call } from './operationTable';
import { runNetSuite, type } from './run';
import { asTool, frozenEmulator, inWorkflow, storeOf, type Outcome, type Setting } from './twoWays';

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
	const note = String(cutNote(TOOL_ROW_CAP, '').note).trim();
	return [...json.slice(0, TOOL_ROW_CAP), { note: expect.stringContaining(note) as string }];
}

/** Both paths end alike: the same answer (as a model sees it) or the same error, and the same data. */
function expectSameOutcome(workflow: Outcome, tool: Outcome, volatile: string[] = []): void {
	if (workflow.error !== undefined) {
		// n8n's tool wrapper re-wraps the error and may append "Details: <description>".
		expect({ startsLikeWorkflow: tool.error?.startsWith(workflow.error), tool: tool.error }).toEqual({
			startsLikeWorkflow: true,
			tool: tool.error,
		});
		expect(tool.json).toBeUndefined();
	} else {
		expect({ error: tool.error, json: withoutVolatile(tool.json, volatile) }).toEqual({
			error: undefined,
			json: asModelSees(withoutVolatile(workflow.json, volatile)!),
		});
	}
	expect(tool.store).toEqual(workflow.store);
}

const withoutVolatile = (json: IDataObject[] | undefined, volatile: string[] = []) =>
	json?.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => !volatile.includes(key))));

/** A Fisher–Yates shuffle driven by a seeded PRNG (mulberry32): the same seed, the same order. */
function shuffled<T>(values: T[], seed: number): T[] {
	let state = seed;
	const next = () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const out = [...values];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** The store of an emulator nobody has called yet. */
async function seededStore(): Promise<Record<string, unknown[]>> {
	const emulator = await frozenEmulator();
	await emulator.stop();
	return storeOf(emulator);
}

async function bothWays(name: string, row: Call, setting: Setting = {}): Promise<{ workflow: Outcome; tool: Outcome }> {
	const workflow = await inWorkflow(row, setting);
	try {
		const tool = await asTool(row, name.replace('.', '_'), setting);
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
		expectSameOutcome(workflow, tool, row.volatile);
	});

	// 160 customers: a workflow outputs them all, a tool call the first 100 and a note.
	const PAST_THE_CAP: Record<string, Call> = {
		'suiteQl.run': {
			parameters: { resource: 'suiteQl', operation: 'run', returnAll: true },
			fromModel: { query: 'SELECT id, companyname FROM customer ORDER BY id' },
		},
		'record.list': { parameters: { resource: 'record', operation: 'list', recordType: type('customer'), returnAll: true } },
		'customer.list': {
			parameters: { resource: 'customer', operation: 'list', returnAll: true, filterMode: 'q' },
			fromModel: { q: 'email CONTAIN "@"' },
		},
		'savedSearch.run': {
			parameters: { resource: 'savedSearch', operation: 'run', returnAll: true },
			fromModel: { savedSearch: 'customsearch_customer_contacts' },
		},
	};

	it.each(Object.keys(PAST_THE_CAP))(
		'%s past the tool row cap: the tool answers the first 100 of the same items and a note',
		async (name) => {
			const { workflow, tool } = await bothWays(name, PAST_THE_CAP[name], { seedCustomers: 150 });
			expect(workflow.json).toHaveLength(160);
			expect(tool.json).toHaveLength(TOOL_ROW_CAP + 1);
			expectSameOutcome(workflow, tool);
		},
	);

	// The first record, query or server-time request (not the governance lookup that sizes a write's
	// Batch Size Auto) refused or failed once: whatever the transport makes of it (a retry, or an error for a
	// write it may not repeat), it makes the same of it in both paths.
	const DATA_SERVICES = /^\/services\/rest\/(record\/|query\/|system\/v1\/serverTime$)/;
	const FAULTS: Array<[string, number]> = Object.keys(OPERATIONS).flatMap(
		(name) =>
			[
				[name, 429],
				[name, 503],
			] as Array<[string, number]>,
	);

	describe('with a fault on the first record, query or server-time request', () => {
		const realSleep = retryTiming.sleep;
		beforeAll(() => (retryTiming.sleep = async () => undefined));
		afterAll(() => (retryTiming.sleep = realSleep));

		it.each(FAULTS)('%s after a %i: the same outcome in both paths', async (name, status) => {
			const row = OPERATIONS[name];
			const { workflow, tool } = await bothWays(name, row, {
				before: (emulator) => emulator.faults.failNext(1, status, { path: DATA_SERVICES }),
			});
			for (const outcome of [workflow, tool]) expect(outcome.emulator.requestLog.filter((r) => r.status === status)).toHaveLength(1);
			// NetSuite refused a 429 before running it: retrying is always safe, so it always ends well.
			if (status === 429) {
				expect(workflow.error).toBeUndefined();
				row.check(workflow.json!, workflow.emulator);
			}
			expectSameOutcome(workflow, tool, row.volatile);
		});
	});

	// The e2e workflow runs every row in one execution against one NetSuite: no row may depend on
	// another's writes, in whatever order n8n takes the branches.
	it.each([3, 2026])('every row holds against one shared emulator, in a shuffled order (seed %i)', async (seed) => {
		const order = shuffled(Object.keys(OPERATIONS), seed);
		const emulator = await frozenEmulator();
		try {
			for (const name of order) {
				const row = OPERATIONS[name];
				const run = await runNetSuite(emulator, { ...row.parameters, ...row.fromModel });
				const context = `seed ${seed}, ${name} after ${order.slice(0, order.indexOf(name)).join(', ')}`;
				expect({ context, error: run.error?.message }).toEqual({ context, error: undefined });
				row.check(run.json, emulator);
			}
		} finally {
			await emulator.stop();
		}
	});

	const customer = type('customer');
	const salesOrder = type('salesOrder');
	const FAILURES: Record<string, { row: Call; netSuiteSays: string }> = {
		'a record that does not exist': {
			row: { parameters: { resource: 'record', operation: 'get', recordType: customer }, fromModel: { recordId: '999999' } },
			netSuiteSays: 'Record does not exist. [NONEXISTENT_ID]',
		},
		'an update of a customer that does not exist': {
			row: {
				parameters: { resource: 'customer', operation: 'update', updateFields: { phone: '555-0000' } },
				fromModel: { recordId: 'eid:NOPE' },
			},
			netSuiteSays: 'Record does not exist. [NONEXISTENT_ID]',
		},
		'a create NetSuite refuses (no subsidiary in OneWorld)': {
			row: {
				parameters: { resource: 'record', operation: 'create', recordType: customer, bodyMode: 'json' },
				fromModel: { bodyJson: '{"companyName": "No Subsidiary Ltd"}' },
			},
			netSuiteSays: 'Please enter value(s) for: Subsidiary [USER_ERROR]',
		},
		'a SuiteQL syntax error': {
			row: { parameters: { resource: 'suiteQl', operation: 'run' }, fromModel: { query: 'SELECT id FROM customer WHERE' } },
			netSuiteSays: 'Invalid search query.',
		},
		'lines that are not JSON (checked before any request)': {
			row: {
				parameters: { resource: 'sublist', operation: 'addLine', recordType: salesOrder, recordId: '103', sublistId: 'item' },
				fromModel: { lines: 'not json' },
			},
			netSuiteSays: 'Lines (JSON) must be a JSON array',
		},
	};

	it.each(Object.keys(FAILURES))("%s: both paths fail with NetSuite's own words and change nothing", async (name) => {
		const { row, netSuiteSays } = FAILURES[name];
		const { workflow, tool } = await bothWays('failing.call', row);
		expect(workflow.error?.slice(0, netSuiteSays.length)).toBe(netSuiteSays);
		expectSameOutcome(workflow, tool);
		expect(tool.store).toEqual(await seededStore());
	});
});
