// SuiteQL over the same SQLite store: NetSuite's envelope, the 1000-row page, the
// 100,000-row offset cap, `Prefer: transient`, and the Oracle bits the nodes use
// (TO_CHAR, TO_TIMESTAMP, SYSDATE, FETCH FIRST, BUILTIN.DF) by small textual rewrites.
import type { SqlValue } from 'sql.js';

import { nsError } from '../errors';
import { parseOracle } from './dates';
import type { EmulatorRequest, EmulatorResponse } from '../types';
import type { Db } from './db';
import { RecordError } from './recordJson';
import { pagingParams } from './recordRead';

export const OFFSET_CAP = 100_000;

export function toSqlite(q: string): string {
	return (
		q
			.trim()
			.replace(/;\s*$/, '')
			.replace(/\bBUILTIN\.DF\s*\(/gi, 'builtin_df(')
			// TO_TIMESTAMP(...) ± n/24 (days, as Oracle counts): the trigger's hour either side.
			.replace(
				/\bTO_TIMESTAMP\(([^()]*)\)\s*([+-])\s*(\d+)\s*\/\s*(\d+)/gi,
				(_m, args: string, sign: string, n: string, d: string) =>
					`ns_add_days(TO_TIMESTAMP(${args}), ${sign === '-' ? '-' : ''}${Number(n) / Number(d)})`,
			)
			.replace(/\bSYSDATE\b/gi, 'ns_sysdate()')
			.replace(/\bCURRENT_DATE\b/gi, 'ns_sysdate()')
			.replace(/\bFETCH\s+(?:FIRST|NEXT)\s+(\d+)\s+ROWS?\s+ONLY\b/gi, 'LIMIT $1')
			// TRANSACTION is an SQLite keyword; in SuiteQL it is a table and a column.
			.replace(/(?<![\w"'])transaction(?![\w"'])/gi, '"transaction"')
	);
}

/**
 * `TO_TIMESTAMP(?, 'format')` of a bound value is a constant: read it once, here, and bind the
 * result in its place. (SQLite calls a JavaScript function again for every row it compares, and
 * sql.js cannot mark one deterministic, so a page of the trigger's window cost a parse per row
 * of the whole table.) Question marks inside quoted text are not parameters.
 */
export function bindConstants(
	sql: string,
	params: SqlValue[],
	parse: (value: string, format: string) => string | null,
): { sql: string; params: SqlValue[] } {
	const out: SqlValue[] = [];
	let index = 0;
	const rewritten = sql.replace(
		/'(?:[^']|'')*'|\bTO_TIMESTAMP\(\s*\?\s*,\s*'([^']*)'\s*\)|\?/gi,
		(match: string, format: string | undefined) => {
			if (match.startsWith("'")) return match;
			const value = params[index++];
			if (format === undefined) {
				out.push(value);
				return '?';
			}
			out.push(value === null || value === undefined ? null : parse(String(value), format));
			return '?';
		},
	);
	return { sql: rewritten, params: [...out, ...params.slice(index)] };
}

const searchError = (message: string) =>
	nsError(400, 'INVALID_PARAMETER', `Invalid search query. Detailed unprocessed description follows. Search error occurred: ${message}`, {
		'o:errorQueryParam': 'q',
	});

const countCache = new WeakMap<Db, Map<string, number>>();

export function suiteQl(db: Db, req: EmulatorRequest): EmulatorResponse {
	if (req.method !== 'POST') return nsError(405, 'INVALID_REQUEST', `Method ${req.method} is not allowed for SuiteQL; use POST.`);
	if (!/\btransient\b/i.test(String(req.headers.prefer ?? ''))) {
		return nsError(400, 'INVALID_HEADER', "The 'Prefer: transient' header is required for SuiteQL queries.", { 'o:errorHeader': 'Prefer' });
	}
	let body: { q?: unknown; params?: unknown };
	try {
		body = JSON.parse(req.body.toString('utf8') || '{}');
	} catch {
		return nsError(400, 'INVALID_CONTENT', 'Invalid JSON in the request body.');
	}
	if (typeof body.q !== 'string' || !body.q.trim())
		return nsError(400, 'INVALID_CONTENT', 'The request body must contain the query in "q".', { 'o:errorPath': 'q' });
	if (body.params !== undefined && !Array.isArray(body.params))
		return nsError(400, 'INVALID_CONTENT', '"params" must be an array.', { 'o:errorPath': 'params' });
	if (!/^\s*(SELECT|WITH)\b/i.test(body.q)) return searchError('Only SELECT statements are supported.');
	const { limit, offset } = pagingParams(req);
	if (offset + limit > OFFSET_CAP) {
		return nsError(
			400,
			'INVALID_PARAMETER',
			`Invalid query parameter value 'offset'. SuiteQL returns at most ${OFFSET_CAP} rows by offset; page by a key column instead.`,
			{ 'o:errorQueryParam': 'offset' },
		);
	}
	const bound = bindConstants(
		toSqlite(body.q),
		((body.params as unknown[] | undefined) ?? []).map((p) => (p === null ? null : typeof p === 'number' ? p : String(p))) as SqlValue[],
		(value, format) => parseOracle(value, format, db.clock.timeZone, db.clock.overlapReading),
	);
	const { sql, params } = bound;
	try {
		// total_changes() moves on every write, however it was made: a stale count is impossible.
		const version = db.all('SELECT total_changes() AS v')[0].v;
		const cacheKey = `${version}\u0000${sql}\u0000${JSON.stringify(params)}`;
		let counts = countCache.get(db);
		if (!counts) countCache.set(db, (counts = new Map()));
		// Counts are cached per query and data version, for paging speed.
		let total = counts.get(cacheKey);
		if (total === undefined) {
			total = Number(db.all(`SELECT COUNT(*) AS n FROM (${sql})`, params)[0].n);
			counts.set(cacheKey, total);
		}
		const rows = db.all(`SELECT * FROM (${sql}) LIMIT ? OFFSET ?`, [...params, limit, offset]);
		const items = rows.map((row) => {
			const item: Record<string, unknown> = { links: [] };
			for (const [k, v] of Object.entries(row))
				if (v !== null) item[k.toLowerCase()] = typeof v === 'number' && Number.isInteger(v) ? String(v) : String(v);
			return item;
		});
		const base = `${req.origin}/services/rest/query/v1/suiteql`;
		const links = [{ rel: 'self', href: `${base}?limit=${limit}&offset=${offset}` }];
		if (offset + limit < total) links.push({ rel: 'next', href: `${base}?limit=${limit}&offset=${offset + limit}` });
		if (offset > 0) links.push({ rel: 'previous', href: `${base}?limit=${limit}&offset=${Math.max(0, offset - limit)}` });
		return {
			status: 200,
			body: { links, count: items.length, hasMore: offset + items.length < total, items, offset, totalResults: total },
		};
	} catch (error) {
		if (error instanceof RecordError) return error.response;
		return searchError(error instanceof Error ? error.message : String(error));
	}
}

export function forgetCounts(db: Db): void {
	countCache.delete(db);
}
