// One NetSuite node call made two ways, each against its own emulator holding the same data:
// as a workflow runs it (WorkflowExecute → the node's custom operation or routing) and as an AI
// tool (n8n-core's createNodeAsTool + makeHandleToolInvocation on the `netSuiteTool` type, which
// runs the routing engine only). What differs between the two is then only the path.
import type { IDataObject } from 'n8n-workflow';

import { NetSuite } from '../../../nodes/NetSuite/NetSuite.node';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { callAsTool } from '../../harness/runTool';
import { credentialsFor } from '../credentials';
import type { Call } from './operationTable';
import { runNetSuite } from './run';

/** The instant both emulators live at, so that every stamp in their data is the same. */
const FROZEN_AT = '2026-03-02T09:30:00Z';

const STAMPED: Record<string, string[]> = {
	subsidiary: ['datecreated', 'lastmodifieddate'],
	customer: ['datecreated', 'lastmodifieddate'],
	contact: ['datecreated', 'lastmodifieddate'],
	item: ['createddate', 'lastmodifieddate'],
	transaction: ['createddate', 'lastmodifieddate'],
	customrecord_demo_project: ['created', 'lastmodified'],
};

/** A seeded emulator whose clock stands still: the seed's stamps and every later write's agree. */
export async function frozenEmulator(seedCustomers = 0): Promise<RunningEmulator> {
	const emulator = await startEmulator({ port: 0, seedCustomers });
	emulator.clock.freeze(FROZEN_AT);
	const { db } = emulator.data;
	const now = db.now();
	for (const [table, columns] of Object.entries(STAMPED)) {
		db.run(
			`UPDATE "${table}" SET ${columns.map((c) => `${c} = ?`).join(', ')}`,
			columns.map(() => now),
		);
	}
	db.run('UPDATE "transaction" SET trandate = ?', [now.slice(0, 10)]);
	return emulator;
}

/** Everything the emulator stores, table by table, in insertion order. */
export function storeOf(emulator: RunningEmulator): Record<string, unknown[]> {
	const { db } = emulator.data;
	const tables = db.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => String(r.name));
	return Object.fromEntries(tables.map((table) => [table, db.all(`SELECT * FROM "${table}" ORDER BY rowid`)]));
}

/** What one path produced: the output items' json, or the error, and the store afterwards. */
export interface Outcome {
	json?: IDataObject[];
	error?: string;
	store: Record<string, unknown[]>;
	emulator: RunningEmulator;
}

/** The data and the faults both emulators start with. */
export interface Setting {
	/** Generated customers beyond the seed (ids from 1001), for reads past the tool's row cap. */
	seedCustomers?: number;
	/** Called on each fresh emulator before the node runs, e.g. to script a fault. */
	before?: (emulator: RunningEmulator) => void;
}

async function prepared(setting: Setting): Promise<RunningEmulator> {
	const emulator = await frozenEmulator(setting.seedCustomers);
	setting.before?.(emulator);
	return emulator;
}

const fromAi = (key: string) => `={{ $fromAI('${key}', 'The ${key} NetSuite needs', 'string') }}`;

export async function inWorkflow(call: Call, setting: Setting = {}): Promise<Outcome> {
	const emulator = await prepared(setting);
	const run = await runNetSuite(emulator, { ...call.parameters, ...call.fromModel });
	return { json: run.error ? undefined : run.json, error: run.error?.message, store: storeOf(emulator), emulator };
}

export async function asTool(call: Call, toolName: string, setting: Setting = {}): Promise<Outcome> {
	const emulator = await prepared(setting);
	const asked = Object.fromEntries(Object.keys(call.fromModel ?? {}).map((key) => [key, fromAi(key)]));
	const result = await callAsTool({
		nodeType: new NetSuite(),
		name: toolName,
		parameters: { authentication: 'tokenBasedAuth', ...call.parameters, ...asked },
		credentials: credentialsFor(emulator),
		calls: [call.fromModel ?? {}],
	});
	const [outcome] = result.results;
	const store = storeOf(emulator);
	if ('error' in outcome) return { error: outcome.error.message, store, emulator };
	return { json: JSON.parse(outcome.ok) as IDataObject[], store, emulator };
}
