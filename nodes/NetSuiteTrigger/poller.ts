// One poll, as data: the record changes and deletes after the cursor, each once, with its event,
// and the state to keep. Knows SuiteQL only through a PageReader (see changeStream.ts).
import type { IDataObject } from 'n8n-workflow';

import { readWindow, startCursor, type PageReader, type StartFrom } from './changeStream';
import { eventOf, type ChangeEvent, type StreamCursor } from './cursor';
import { deletedStream, recordStream } from './pollQuery';
import type { PollTable } from './recordTables';

/**
 * Kept in the node's static data. n8n 2.40 writes static data to its database only when a poll
 * returns items (`__emit` → WorkflowStaticDataService.saveStaticData, in n8n's
 * workflows/triggers/trigger-execution-context.factory.js) and once an activation (which runs
 * one poll at once) is done (ActiveWorkflowManager.add → saveStaticData). A poll that returns
 * null only calls n8n-core's commitStagedCursor, which does nothing unless n8n's durable poll
 * cursors are enabled (off by default): whatever that poll changed lives in memory until the
 * next emitting poll, and is gone after a restart. The cursor is built so that this costs a
 * re-read at most (cursor.ts).
 */
export interface TriggerState {
	/** Record type the cursors belong to; a changed Record Type starts over. */
	recordType: string;
	records: StreamCursor;
	/** Present while Show Deleted Records is on. */
	deleted?: StreamCursor;
}

export interface PollOptions {
	showNew: boolean;
	showUpdated: boolean;
	showDeleted: boolean;
	startFrom: StartFrom;
	pageSize: number;
}

export interface Change {
	event: ChangeEvent;
	id: string;
	/** REST record type of this record (for the item table: the row's own item type). */
	recordType: string;
	/** NetSuite's timestamps, 'YYYY-MM-DD HH:MM:SS' in the account's time zone. */
	created?: string;
	lastModified?: string;
	deleted?: string;
	deletedBy?: string;
	context?: string;
}

export interface PollPlan {
	recordType: string;
	table: PollTable;
	filter: string;
}

function restTypeOf(plan: PollPlan, code: unknown): string {
	const types = plan.table.typeColumn?.restTypes;
	if (!types || typeof code !== 'string') return plan.recordType;
	// item.itemtype is a code ('InvtPart'); DeletedRecord.type is the REST type in lower case.
	return types[code] ?? Object.values(types).find((t) => t.toLowerCase() === code.toLowerCase()) ?? plan.recordType;
}

/** A record row as a change: its version's event, its REST type, NetSuite's timestamps. */
export function recordChange(plan: PollPlan, row: IDataObject): Change {
	const created = String(row.ns_created ?? '');
	const lastModified = String(row.ns_time);
	return { event: eventOf(created, lastModified), id: String(row.id), recordType: restTypeOf(plan, row.ns_type), created, lastModified };
}

function deletedChange(plan: PollPlan, row: IDataObject): Change {
	return {
		event: 'deleted',
		id: String(row.id),
		recordType: restTypeOf(plan, row.ns_type),
		deleted: String(row.ns_time),
		...(row.ns_deletedby !== undefined && { deletedBy: String(row.ns_deletedby) }),
		...(row.ns_context !== undefined && { context: String(row.ns_context) }),
	};
}

/** The first state of a trigger; with Start From = Now it reads nothing yet (all is history). */
async function start(read: PageReader, plan: PollPlan, options: PollOptions): Promise<TriggerState> {
	const records = await startCursor(read, recordStream(plan.table, plan.filter), options.startFrom, options.pageSize);
	const deleted = options.showDeleted ? await startCursor(read, deletedStream(plan.recordType, plan.table), options.startFrom, options.pageSize) : undefined;
	return { recordType: plan.recordType, records, ...(deleted && { deleted }) };
}

export async function pollChanges(
	read: PageReader,
	plan: PollPlan,
	previous: TriggerState | undefined,
	options: PollOptions,
): Promise<{ changes: Change[]; state: TriggerState }> {
	if (previous?.recordType !== plan.recordType) {
		const state = await start(read, plan, options);
		if (options.startFrom.mode === 'now') return { changes: [], state };
		previous = state;
	}
	const changes: Change[] = [];
	const records = await readWindow(read, recordStream(plan.table, plan.filter), previous.records, options.pageSize);
	for (const row of records.rows) {
		const change = recordChange(plan, row);
		if (change.event === 'created' ? options.showNew : options.showUpdated) changes.push(change);
	}
	let deleted: StreamCursor | undefined;
	if (options.showDeleted) {
		const stream = deletedStream(plan.recordType, plan.table);
		// Turned on after activation: deletes count from now on, as records did at activation.
		const cursor = previous.deleted ?? (await startCursor(read, stream, { mode: 'now' }, options.pageSize));
		const window = previous.deleted ? await readWindow(read, stream, cursor, options.pageSize) : { rows: [], cursor };
		changes.push(...window.rows.map((row) => deletedChange(plan, row)));
		deleted = window.cursor;
	}
	return { changes, state: { recordType: plan.recordType, records: records.cursor, ...(deleted && { deleted }) } };
}
