// The trigger under the model, two ways: its core (pollChanges) reading the emulator's SuiteQL
// in-process (fast: the bulk of the schedules), and the whole node run by n8n-core's
// PollContext over HTTP against the running emulator (fewer schedules).
import type { IDataObject } from 'n8n-workflow';
import type { Statement } from 'sql.js';

import { NetSuiteTrigger } from '../../../../nodes/NetSuiteTrigger/NetSuiteTrigger.node';
import { pollChanges, type TriggerState } from '../../../../nodes/NetSuiteTrigger/poller';
import { knownPollTable } from '../../../../nodes/NetSuiteTrigger/recordTables';
import type { RunningEmulator } from '../../../emulator';
import type { Db } from '../../../emulator/data/db';
import { toSqlite } from '../../../emulator/data/suiteql';
import { runPoll } from '../../../harness';
import { credentialsFor } from '../../credentials';
import type { Emitted, PollDriver } from './schedule';

/**
 * SuiteQL run by the emulator's SQL engine without HTTP. For speed it skips the handler's
 * envelope and row count (one row past the page tells whether there is more) and keeps each
 * statement prepared: the trigger sends the same few queries with new values.
 */
const prepared = new WeakMap<Db, Map<string, Statement>>();

function readerOver(db: Db, between: () => void) {
	let statements = prepared.get(db);
	if (!statements) prepared.set(db, (statements = new Map()));
	const cache = statements;
	let requests = 0;
	return async (query: { q: string; params?: unknown[] }, limit: number) => {
		if (requests++ > 0) between();
		const sql = `SELECT * FROM (${toSqlite(query.q)}) LIMIT ?`;
		let statement = cache.get(sql);
		if (!statement) cache.set(sql, (statement = db.sql.prepare(sql)));
		statement.bind([...(query.params ?? []).map(String), limit + 1]);
		const items: IDataObject[] = [];
		while (statement.step()) {
			const row = statement.getAsObject();
			items.push(
				Object.fromEntries(
					Object.entries(row)
						.filter(([, v]) => v !== null)
						.map(([k, v]) => [k.toLowerCase(), String(v)]),
				),
			);
		}
		statement.reset();
		return { items: items.slice(0, limit), hasMore: items.length > limit };
	};
}

export function inProcessDriver(db: Db): PollDriver {
	const table = knownPollTable('customer')!;
	return async (state, config, between) => {
		const { changes, state: next } = await pollChanges(
			readerOver(db, between),
			{ recordType: 'customer', table, filter: '' },
			(state ?? undefined) as TriggerState | undefined,
			{
				...config,
				startFrom: config.startTime ? { mode: 'time', time: config.startTime } : { mode: 'now' },
			},
		);
		return { items: changes as Emitted[], state: next };
	};
}

/** The node as n8n runs it; static data in and out as JSON, the emulator's hook between requests. */
export function harnessDriver(emulator: RunningEmulator): PollDriver {
	return async (state, config, between) => {
		let requests = 0;
		emulator.data.beforeSuiteQl = () => {
			if (requests++ > 0) between();
		};
		try {
			const result = await runPoll({
				nodeType: new NetSuiteTrigger(),
				parameters: {
					authentication: 'tokenBasedAuth',
					recordType: { __rl: true, mode: 'id', value: 'customer' },
					showNew: config.showNew,
					showUpdated: config.showUpdated,
					showDeleted: config.showDeleted,
					...(config.startTime && { startFrom: 'time', startTime: config.startTime.replace(' ', 'T') }),
				},
				credentials: credentialsFor(emulator),
				staticData: (state ?? {}) as IDataObject,
			});
			return { items: (result.items ?? []).map((i) => i.json as unknown as Emitted), state: result.staticData };
		} finally {
			emulator.data.beforeSuiteQl = undefined;
		}
	};
}
