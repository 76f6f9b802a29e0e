// One poll, as data: the creations, updates and deletes after the cursors, each once, and the
// state to keep. Knows SuiteQL only through a PageReader (see changeStream.ts).
import type { IDataObject } from 'n8n-workflow';

import { readWindow, startCursor, type PageReader, type StartFrom } from './changeStream';
import { shiftFrom, type ChangeEvent, type StreamCursor } from './cursor';
import { creationStream, deletedStream, recordStream, type StreamSource } from './pollQuery';
import type { PollTable } from './recordTables';

/**
 * Kept in the node's static data. n8n 2.40 writes static data to its database only when a poll
 * returns items (`__emit` → WorkflowStaticDataService.saveStaticData, in n8n's
 * workflows/triggers/trigger-execution-context.factory.js) and once an activation (which runs
 * one poll at once) is done (ActiveWorkflowManager.add → saveStaticData). A poll that returns
 * null only calls n8n-core's commitStagedCursor, which does nothing unless n8n's durable poll
 * cursors are enabled (off by default): whatever that poll changed lives in memory until the
 * next emitting poll, and is gone after a restart. The cursors are built so that this costs a
 * re-read at most (cursor.ts).
 */
export interface TriggerState {
	/** Record type the cursors belong to; a changed Record Type starts over. */
	recordType: string;
	/** One cursor per stream, present while its Show … option is on. */
	created?: StreamCursor;
	updated?: StreamCursor;
	deleted?: StreamCursor;
}

type StreamName = 'created' | 'updated' | 'deleted';

export interface PollOptions {
	showNew: boolean;
	showUpdated: boolean;
	showDeleted: boolean;
	startFrom: StartFrom;
	pageSize: number;
	/**
	 * At most this many changes per poll (Max Items per Poll), shared out between the streams
	 * that are on so none waits behind another's backlog; the rest comes at the next polls.
	 */
	maxItems?: number;
}

/**
 * Stream `index` of `count`: its share of `max` (the shares add up to `max`), at least one, so
 * no stream ever waits forever (a Max Items below the number of streams allows one each).
 */
export function shareOf(max: number, count: number, index: number): number {
	return Math.max(1, Math.floor(max / count) + (index < max % count ? 1 : 0));
}

export interface Change {
	event: ChangeEvent;
	id: string;
	/**
	 * REST record type of this record (for the item table: the row's own item type, or `item`
	 * when the row has none; see noRecordType).
	 */
	recordType: string;
	/** The item table: the row's SuiteQL item type code ('InvtPart', 'Service', 'TaxItem', …). */
	itemType?: string;
	/** The item table: why the row has no REST record type, so its full record cannot be fetched. */
	noRecordType?: string;
	/** NetSuite's timestamps, 'YYYY-MM-DD HH:MM:SS' in the account's time zone. */
	created?: string;
	lastModified?: string;
	deleted?: string;
	deletedBy?: string;
	context?: string;
	/** Times in an hour daylight saving repeats: the hour from their text read back (cursor.ts ChangeKey). */
	shifts?: Partial<Record<'created' | 'lastModified' | 'deleted', number>>;
}

type TimeName = keyof NonNullable<Change['shifts']>;

/** The non-zero shifts of a row's times, as `shifts` (absent when all are 0). */
function shiftsOf(row: IDataObject, columns: Partial<Record<TimeName, string>>): Pick<Change, 'shifts'> {
	const shifts: Change['shifts'] = {};
	for (const [name, column] of Object.entries(columns) as Array<[TimeName, string]>) {
		const shift = shiftFrom(row[column]).shift;
		if (shift !== undefined) shifts[name] = shift;
	}
	return Object.keys(shifts).length ? { shifts } : {};
}

export interface PollPlan {
	recordType: string;
	table: PollTable;
	filter: string;
}

/** A record row's REST type: its table's own, or (the item table) the type its columns name. */
function typeOfRow(plan: PollPlan, row: IDataObject): Pick<Change, 'recordType' | 'itemType' | 'noRecordType'> {
	const typeColumn = plan.table.typeColumn;
	if (!typeColumn) return { recordType: plan.recordType };
	const columns = Object.fromEntries(typeColumn.columns.map((c) => [c, row[`ns_${c}`]]));
	const found = typeColumn.restTypeOf(columns);
	const itemType = columns.itemtype === undefined || columns.itemtype === null ? undefined : String(columns.itemtype);
	return found.recordType
		? { recordType: found.recordType, ...(itemType !== undefined && { itemType }) }
		: { recordType: plan.recordType, ...(itemType !== undefined && { itemType }), noRecordType: found.reason };
}

/** DeletedRecord.type is the REST type in lower case ('serviceresaleitem'). */
function deletedTypeOf(plan: PollPlan, type: unknown): string {
	const types = plan.table.typeColumn?.restTypes;
	if (!types || typeof type !== 'string') return plan.recordType;
	return types.find((t) => t.toLowerCase() === type.toLowerCase()) ?? plan.recordType;
}

/** A row of a stream as the change it reports (undefined: not a change of that stream). */
const changeOf: Record<StreamName, (plan: PollPlan, row: IDataObject) => Change | undefined> = {
	created: (plan, row) => ({
		event: 'created',
		id: String(row.id),
		...typeOfRow(plan, row),
		created: String(row.ns_time),
		lastModified: String(row.ns_modified ?? ''),
		...shiftsOf(row, { created: 'ns_shift', lastModified: 'ns_modified_shift' }),
	}),
	// A version saved in the second the record was created is its creation, not an update (the
	// same text in the other pass of a repeated hour is another second).
	updated: (plan, row) =>
		row.ns_created === row.ns_time && shiftFrom(row.ns_created_shift).shift === shiftFrom(row.ns_shift).shift
			? undefined
			: {
					event: 'updated',
					id: String(row.id),
					...typeOfRow(plan, row),
					created: String(row.ns_created ?? ''),
					lastModified: String(row.ns_time),
					...shiftsOf(row, { created: 'ns_created_shift', lastModified: 'ns_shift' }),
				},
	deleted: (plan, row) => ({
		event: 'deleted',
		id: String(row.id),
		recordType: deletedTypeOf(plan, row.ns_type),
		deleted: String(row.ns_time),
		...shiftsOf(row, { deleted: 'ns_shift' }),
		...(row.ns_deletedby !== undefined && { deletedBy: String(row.ns_deletedby) }),
		...(row.ns_context !== undefined && { context: String(row.ns_context) }),
	}),
};

/** The editor's test step shows recent records as their latest change. */
export function recentChange(plan: PollPlan, row: IDataObject): Change {
	return (
		changeOf.updated(plan, row) ?? {
			...changeOf.created(plan, {
				...row,
				ns_time: row.ns_created,
				ns_shift: row.ns_created_shift,
				ns_modified: row.ns_time,
				ns_modified_shift: row.ns_shift,
			})!,
			lastModified: String(row.ns_time),
		}
	);
}

function streams(plan: PollPlan, options: PollOptions): Array<[StreamName, StreamSource]> {
	const wanted: Array<[StreamName, boolean, () => StreamSource]> = [
		['created', options.showNew, () => creationStream(plan.table, plan.filter)],
		['updated', options.showUpdated, () => recordStream(plan.table, plan.filter)],
		['deleted', options.showDeleted, () => deletedStream(plan.recordType, plan.table)],
	];
	return wanted.filter(([, on]) => on).map(([name, , source]) => [name, source()]);
}

export async function pollChanges(
	read: PageReader,
	plan: PollPlan,
	previous: TriggerState | undefined,
	options: PollOptions,
): Promise<{ changes: Change[]; state: TriggerState; more: boolean }> {
	const first = previous?.recordType !== plan.recordType;
	const state: TriggerState = { recordType: plan.recordType };
	const changes: Change[] = [];
	let more = false;
	const on = streams(plan, options);
	for (const [index, [name, source]] of on.entries()) {
		const cursor = first ? undefined : previous[name];
		const limit = options.maxItems === undefined ? Infinity : shareOf(options.maxItems, on.length, index);
		if (!cursor) {
			// A first activation, or this Show … option turned on since: Start From applies to the
			// first; an option turned on later counts from now, as the others did at activation.
			const from = first ? options.startFrom : ({ mode: 'now' } as const);
			state[name] = await startCursor(read, source, from, options.pageSize);
			if (from.mode === 'now') continue;
		}
		const window = await readWindow(read, source, state[name] ?? cursor!, options.pageSize, limit, (row) => changeOf[name](plan, row));
		for (const change of window.rows) changes.push(change);
		state[name] = window.cursor;
		more ||= window.cut;
	}
	return { changes, state, more };
}
