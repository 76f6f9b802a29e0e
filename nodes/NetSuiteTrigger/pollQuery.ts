// The polling query: records modified at or after the cursor, in (modified, id) order, paged
// by that key so any number of changes is read (no 100,000-row offset limit). Every value
// is a bound parameter; only the user's Additional Filter is SuiteQL text.
import type { SuiteQlQuery } from '../shared/suiteQl';
import type { PollTable } from './recordTables';

export const NS_FORMAT = 'YYYY-MM-DD HH24:MI:SS';

/** "AND x = 1" and "x = 1" both become "x = 1". */
export function normalizeFilter(filter: string): string {
	return filter.trim().replace(/^AND\s+/i, '').trim();
}

function conditions(table: PollTable, filter: string): { sql: string[]; params: string[] } {
	const sql: string[] = [];
	const params: string[] = [];
	if (table.where) {
		sql.push(`${table.where.column} = ?`);
		params.push(table.where.value);
	}
	const extra = normalizeFilter(filter);
	if (extra) sql.push(`(${extra})`);
	return { sql, params };
}

const columns = (table: PollTable) =>
	`id, TO_CHAR(${table.modified}, '${NS_FORMAT}') AS ns_modified, TO_CHAR(${table.created}, '${NS_FORMAT}') AS ns_created`;

/** Rows changed after (modified, id) = (since, afterId), or at/after `since` when afterId is empty. */
export function changesQuery(table: PollTable, filter: string, since: string, afterId: string | undefined): SuiteQlQuery {
	const where = conditions(table, filter);
	const cursor =
		afterId === undefined
			? { sql: `${table.modified} >= TO_TIMESTAMP(?, '${NS_FORMAT}')`, params: [since] }
			: {
					sql: `(${table.modified} > TO_TIMESTAMP(?, '${NS_FORMAT}') OR (${table.modified} = TO_TIMESTAMP(?, '${NS_FORMAT}') AND id > ?))`,
					params: [since, since, afterId],
				};
	return {
		q: `SELECT ${columns(table)} FROM ${table.table} WHERE ${[cursor.sql, ...where.sql].join(' AND ')} ORDER BY ${table.modified}, id`,
		params: [...cursor.params, ...where.params],
	};
}

/** The newest change, where a first activation starts (NetSuite's clock, never ours). */
export function latestQuery(table: PollTable, filter: string): SuiteQlQuery {
	const where = conditions(table, filter);
	return {
		q: `SELECT TO_CHAR(MAX(${table.modified}), '${NS_FORMAT}') AS ns_modified FROM ${table.table}${where.sql.length ? ` WHERE ${where.sql.join(' AND ')}` : ''}`,
		params: where.params,
	};
}

/** The most recent matching records, for the editor's test step. */
export function recentQuery(table: PollTable, filter: string, count: number): SuiteQlQuery {
	const where = conditions(table, filter);
	return {
		q: `SELECT ${columns(table)} FROM ${table.table}${where.sql.length ? ` WHERE ${where.sql.join(' AND ')}` : ''} ORDER BY ${table.modified} DESC, id DESC FETCH FIRST ${count} ROWS ONLY`,
		params: where.params,
	};
}

export const nowQuery: SuiteQlQuery = { q: `SELECT TO_CHAR(SYSDATE, '${NS_FORMAT}') AS ns_modified FROM DUAL` };
