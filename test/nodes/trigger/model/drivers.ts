// The trigger under the model, two ways: its core (pollOnce) reading the emulator's SuiteQL
// in-process (fast: the bulk of the schedules), and the whole node run by n8n-core's
// PollContext over HTTP against the running emulator (fewer schedules).
import type { IDataObject } from 'n8n-workflow';
import type { Statement } from 'sql.js';

import { NetSuiteTrigger } from '../../../../nodes/NetSuiteTrigger/NetSuiteTrigger.node';
import { pollOnce, type TriggerStaticData } from '../../../../nodes/NetSuiteTrigger/pollOnce';
import { knownPollTable } from '../../../../nodes/NetSuiteTrigger/recordTables';
import type { RunningEmulator } from '../../../emulator';
import type { Db } from '../../../emulator/data/db';
import { formatOracle, parseOracle } from '../../../emulator/data/dates';
import { bindConstants, toSqlite } from '../../../emulator/data/suiteql';
import { ActivePoller } from '../../../harness';
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
		const bound = bindConstants(toSqlite(query.q), (query.params ?? []).map(String), (value, format) =>
			parseOracle(value, format, db.clock.timeZone, db.clock.overlapReading),
		);
		const sql = `SELECT * FROM (${bound.sql}) LIMIT ?`;
		let statement = cache.get(sql);
		if (!statement) cache.set(sql, (statement = db.sql.prepare(sql)));
		statement.bind([...bound.params, limit + 1]);
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

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T;

/** The node's poll core (pollOnce: overlap guard, streams, cursor write) on a static data object of its own per activation. */
export function inProcessDriver(db: Db): PollDriver {
	const table = knownPollTable('customer')!;
	return (saved, config) => {
		const memory = json(saved) as TriggerStaticData;
		const options = {
			...config,
			startFrom: config.startTime ? ({ mode: 'time', time: config.startTime } as const) : ({ mode: 'now' } as const),
		};
		return {
			poll: async (between) => {
				const run = await pollOnce(
					memory,
					readerOver(db, between ?? (() => {})),
					{ recordType: 'customer', table, filter: '' },
					options,
					async (changes) => changes as Emitted[],
				);
				return run.skipped ? [] : run.items;
			},
			state: () => json(memory),
		};
	};
}

/**
 * The node's items carry UTC instants ('2032-01-01T08:00:00Z'); the model knows changes by the
 * times SuiteQL shows, so each is turned back into the account's local time by the emulator's
 * own rendering: a wrong conversion in the node is a change the model does not know.
 */
function localTimes(item: Emitted, timeZone: string | undefined): Emitted {
	const local = (iso: string | undefined) =>
		iso && /Z$/.test(iso) ? formatOracle(iso.slice(0, 19).replace('T', ' '), 'YYYY-MM-DD HH24:MI:SS', timeZone) : iso && `not UTC: ${iso}`;
	return { ...item, created: local(item.created), lastModified: local(item.lastModified), deleted: local(item.deleted) };
}

/** The node as n8n runs it: one Workflow and poll context per activation, the emulator's hook between requests. */
export function harnessDriver(emulator: RunningEmulator): PollDriver {
	return (saved, config) => {
		const poller = new ActivePoller(
			{
				nodeType: new NetSuiteTrigger(),
				parameters: {
					authentication: 'tokenBasedAuth',
					recordType: { __rl: true, mode: 'id', value: 'customer' },
					showNew: config.showNew,
					showUpdated: config.showUpdated,
					showDeleted: config.showDeleted,
					...(config.maxItems !== undefined && { maxItems: config.maxItems }),
					...(config.accountTimeZone && { accountTimeZone: config.accountTimeZone }),
					...(config.startTime && { startFrom: 'time', startTime: config.startTime.replace(' ', 'T') }),
				},
				credentials: credentialsFor(emulator),
			},
			json(saved) as IDataObject,
		);
		return {
			poll: async (between) => {
				// An overlapping poll (no `between`) shares the hook of the poll it overlaps.
				let requests = 0;
				if (between)
					emulator.data.beforeSuiteQl = () => {
						if (requests++ > 0) between();
					};
				try {
					return ((await poller.poll()) ?? []).map((i) => localTimes(i.json as unknown as Emitted, emulator.clock.timeZone));
				} finally {
					if (between) emulator.data.beforeSuiteQl = undefined;
				}
			},
			state: () => poller.staticData(),
		};
	};
}
