// The polling queries. Each change stream (a record table, DeletedRecord) is read in
// (time, id) order, paged by that key so any number of changes is read (no 100,000-row offset
// cap), between the cursor and a bound fixed at the start of the poll. Every value is a bound
// parameter; only the user's Additional Filter is SuiteQL text.
import type { SuiteQlQuery } from '../shared/api/suiteQl';
import type { Bound, ChangeKey } from './cursor';
import { deletedTypesOf, type PollTable } from './recordTables';

/** Dates are read and compared in this fixed format, never in the user's display format. */
export const NS_FORMAT = 'YYYY-MM-DD HH24:MI:SS';
const AT = `TO_TIMESTAMP(?, '${NS_FORMAT}')`;
const local = (expr: string) => `TO_CHAR(${expr}, '${NS_FORMAT}')`;

/**
 * The hour a daylight-saving change repeats: its local times mean two instants, and TO_TIMESTAMP
 * reads the text back as one of them (Oracle's default, ERROR_ON_OVERLAP_TIME = FALSE, is
 * standard time: the later; NetSuite does not say). So every time read comes with its shift:
 * -1 when the time is an hour before its text read back, +1 an hour after, else 0, as NetSuite's
 * own zone rules answer (no zone needed here). A key with a shift is compared at its text read
 * back plus the shift, which is the key's true instant whichever reading NetSuite makes.
 * Assumed: the repeated span is one hour (every zone but Lord Howe Island's half hour).
 */
const shiftOf = (expr: string) =>
	`CASE WHEN ${expr} < TO_TIMESTAMP(${local(expr)}, '${NS_FORMAT}') THEN -1 WHEN ${expr} > TO_TIMESTAMP(${local(expr)}, '${NS_FORMAT}') THEN 1 ELSE 0 END`;

/** The instant of a key given as (text, shift): its text read back, an hour earlier or later. */
export const instantOf = (shift: number | undefined) => (shift === -1 ? `(${AT} - 1/24)` : shift === 1 ? `(${AT} + 1/24)` : AT);

/** One change stream as SuiteQL sees it. Rows come back with `id` and `ns_time` plus `columns`. */
export interface StreamSource {
	table: string;
	/** Timestamp column the stream is ordered by. */
	time: string;
	/** Id column (unique within the stream). */
	id: string;
	/** Further columns, as `expression AS ns_name`. */
	columns: string[];
	/** Conditions that pick the stream's rows out of the table (record type). */
	scope: { sql: string[]; params: string[] };
	/** The user's Additional Filter (records only): rows, not the bound, are filtered by it. */
	filter?: string;
}

/** "AND x = 1" and "x = 1" both become "x = 1" (a trailing ";" goes too). */
export function normalizeFilter(filter: string): string {
	return filter
		.trim()
		.replace(/^AND\b/i, '')
		.replace(/;\s*$/, '')
		.trim();
}

/** Record changes in (last modified, id) order: every version of every record. */
export function recordStream(table: PollTable, filter: string): StreamSource {
	return {
		table: table.table,
		time: table.modified,
		id: 'id',
		columns: [`${local(table.created)} AS ns_created`, `${shiftOf(table.created)} AS ns_created_shift`, ...typeColumn(table)],
		scope: scopeOf(table),
		filter: normalizeFilter(filter) || undefined,
	};
}

/**
 * Record creations in (created, id) order. A creation's key never changes, so each record is
 * read here once however often it is saved before a poll sees it.
 */
export function creationStream(table: PollTable, filter: string): StreamSource {
	return {
		table: table.table,
		time: table.created,
		id: 'id',
		columns: [`${local(table.modified)} AS ns_modified`, `${shiftOf(table.modified)} AS ns_modified_shift`, ...typeColumn(table)],
		scope: scopeOf(table),
		filter: normalizeFilter(filter) || undefined,
	};
}

/** The whole item table: the columns that name each row's REST type, as ns_<column>. */
const typeColumn = (table: PollTable) => (table.typeColumn?.columns ?? []).map((c) => `${c} AS ns_${c}`);
const scopeOf = (table: PollTable) => ({
	sql: (table.where ?? []).map((w) => `${w.column} = ?`),
	params: (table.where ?? []).map((w) => w.value),
});

/** SuiteQL's DeletedRecord table: one row per deleted record, stamped by NetSuite's clock. */
export function deletedStream(recordType: string, table: PollTable): StreamSource {
	const types = deletedTypesOf(recordType, table);
	return {
		table: 'DeletedRecord',
		time: 'deleteddate',
		id: 'recordid',
		columns: ['type AS ns_type', 'deletedby AS ns_deletedby', 'context AS ns_context'],
		scope: { sql: [`type IN (${types.map(() => '?').join(', ')})`], params: types },
	};
}

const where = (conditions: string[]) => (conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '');
const select = (s: StreamSource) =>
	`SELECT ${s.id} AS id, ${local(s.time)} AS ns_time, ${shiftOf(s.time)} AS ns_shift${s.columns.map((c) => `, ${c}`).join('')} FROM ${s.table}`;

/**
 * The newest time in the stream: the poll's bound, from NetSuite's own data (so its clock and
 * time zone, never ours), and NetSuite's clock at that moment (SYSDATE, one row even for an
 * empty table: MAX is an aggregate), which says when that second is settled (cursor.ts).
 * Without the Additional Filter: the bound is about time.
 */
export function newestQuery(s: StreamSource): SuiteQlQuery {
	return {
		q: `SELECT ${local(`MAX(${s.time})`)} AS ns_time, ${shiftOf(`MAX(${s.time})`)} AS ns_shift, ${local('SYSDATE')} AS ns_now FROM ${s.table}${where(s.scope.sql)}`,
		params: s.scope.params,
	};
}

/** One page of the window: keys after `after`, up to the bound, in key order. */
export function windowQuery(s: StreamSource, after: ChangeKey | undefined, bound: Bound): SuiteQlQuery {
	const sql: string[] = [];
	const params: string[] = [];
	if (after) {
		const at = instantOf(after.shift);
		// (time, id) after the key, said as a range on the time column first: a database can walk
		// an index on (time, id) in key order from there and stop at the page, instead of
		// gathering every later row to sort it (the OR form does that in SQLite: bench case 6).
		sql.push(`${s.time} >= ${at}`, `(${s.time} > ${at} OR ${s.id} > ?)`);
		params.push(after.time, after.time, after.id);
	}
	sql.push(`${s.time} ${bound.inclusive ? '<=' : '<'} ${instantOf(bound.shift)}`);
	params.push(bound.time);
	sql.push(...s.scope.sql);
	params.push(...s.scope.params);
	if (s.filter) sql.push(`(${s.filter})`);
	return { q: `${select(s)}${where(sql)} ORDER BY ${s.time}, ${s.id}`, params };
}

/**
 * The ids of the stream's newest second (ids after `afterId`), for the history list of a first
 * activation. One statement finds the second and its rows, so no change slips in between.
 */
export function newestSecondQuery(s: StreamSource, afterId: string): SuiteQlQuery {
	const newest = `(SELECT MAX(${s.time}) FROM ${s.table}${where(s.scope.sql)})`;
	return {
		q: `SELECT ${s.id} AS id, ${local(s.time)} AS ns_time, ${shiftOf(s.time)} AS ns_shift FROM ${s.table}${where([`${s.time} = ${newest}`, `${s.id} > ?`, ...s.scope.sql])} ORDER BY ${s.id}`,
		params: [...s.scope.params, afterId, ...s.scope.params],
	};
}

/** The most recent matching records, for the editor's test step (the page size limits them). */
export function recentQuery(s: StreamSource): SuiteQlQuery {
	return {
		q: `${select(s)}${where([...s.scope.sql, ...(s.filter ? [`(${s.filter})`] : [])])} ORDER BY ${s.time} DESC, ${s.id} DESC`,
		params: s.scope.params,
	};
}
