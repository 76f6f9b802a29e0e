/* eslint-disable @n8n/community-nodes/require-node-api-error -- runs in Node (tests, emulator, scripts), never inside n8n */
// Reading records: one record (with sublists, expandSubResources, simpleEnumFormat, fields),
// a collection page with q, and sublist lines.
import type { SqlValue } from 'sql.js';

import { nsError } from '../errors';
import type { EmulatorRequest } from '../types';
import type { Db } from './db';
import { qToSql, QError } from './qFilter';
import { RecordError, recordUrl, renderRow, type Json, type RenderOptions } from './recordJson';
import type { RecordTypeDef, SublistDef } from './schema';

export const notFound = () => new RecordError(nsError(404, 'NONEXISTENT_ID', 'Record does not exist.'));

export function scope(type: RecordTypeDef): { sql: string; params: SqlValue[] } {
	const d = type.discriminator;
	if (!d) return { sql: '1 = 1', params: [] };
	const columns: Array<[string, string]> = [[d.column, d.value], ...Object.entries(d.also ?? {})];
	return { sql: columns.map(([c]) => `"${c}" = ?`).join(' AND '), params: columns.map(([, v]) => v) };
}

/** `42` or `eid:CRM-1000` → the row's id. */
export function findId(db: Db, type: RecordTypeDef, idSegment: string): number | undefined {
	const s = scope(type);
	if (/^\d+$/.test(idSegment)) {
		return db.all(`SELECT id FROM "${type.table}" WHERE id = ? AND ${s.sql}`, [Number(idSegment), ...s.params])[0]?.id as
			number | undefined;
	}
	if (idSegment.toLowerCase().startsWith('eid:')) {
		return db.all(`SELECT id FROM "${type.table}" WHERE externalid = ? AND ${s.sql}`, [idSegment.slice(4), ...s.params])[0]?.id as
			number | undefined;
	}
	throw new RecordError(
		nsError(400, 'INVALID_ID', `The record instance ID '${idSegment}' is not valid. Use a numeric internal ID or eid:<external ID>.`),
	);
}

export function renderLines(db: Db, type: RecordTypeDef, sublist: SublistDef, id: number, origin: string, options: RenderOptions): Json[] {
	return db.all(`SELECT * FROM "${sublist.table}" WHERE "${sublist.parentColumn}" = ? ORDER BY line`, [id]).map((row) => ({
		links: [{ rel: 'self', href: `${recordUrl(origin, type.name, id)}/${sublist.name}/${row.line}` }],
		...renderRow(db, sublist.fields, row, { ...options, fields: undefined }),
	}));
}

export function renderRecord(db: Db, type: RecordTypeDef, id: number, req: EmulatorRequest): Json {
	const row = db.all(`SELECT * FROM "${type.table}" WHERE id = ?`, [id])[0];
	if (!row) throw notFound();
	const fieldsParam = req.query.get('fields');
	const options: RenderOptions = {
		origin: req.origin,
		simpleEnumFormat: req.query.get('simpleEnumFormat') === 'true',
		fields: fieldsParam ? fieldsParam.split(',').map((f) => f.trim()) : undefined,
	};
	const expand = req.query.get('expandSubResources') === 'true';
	const record: Json = {
		links: [{ rel: 'self', href: recordUrl(req.origin, type.name, id) }],
		...renderRow(db, type.fields, row, options),
	};
	for (const sublist of type.sublists) {
		if (options.fields && !options.fields.includes(sublist.name)) continue;
		const href = `${recordUrl(req.origin, type.name, id)}/${sublist.name}`;
		record[sublist.name] = expand
			? { links: [{ rel: 'self', href }], items: renderLines(db, type, sublist, id, req.origin, options), totalResults: undefined }
			: { links: [{ rel: 'self', href }] };
	}
	return record;
}

export function pageLinks(base: string, limit: number, offset: number, total: number): Json[] {
	const link = (rel: string, o: number) => ({ rel, href: `${base}?limit=${limit}&offset=${o}` });
	const links = [link('self', offset)];
	if (offset > 0) links.push(link('prev', Math.max(0, offset - limit)), link('first', 0));
	if (offset + limit < total) links.push(link('next', offset + limit), link('last', Math.floor((total - 1) / limit) * limit));
	return links;
}

export function pagingParams(req: EmulatorRequest): { limit: number; offset: number } {
	const limit = req.query.has('limit') ? Number(req.query.get('limit')) : 1000;
	const offset = req.query.has('offset') ? Number(req.query.get('offset')) : 0;
	if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
		throw new RecordError(
			nsError(400, 'INVALID_PARAMETER', `Invalid query parameter value 'limit'. The value must be an integer between 1 and 1000.`, {
				'o:errorQueryParam': 'limit',
			}),
		);
	}
	if (!Number.isInteger(offset) || offset < 0 || offset % limit !== 0) {
		throw new RecordError(
			nsError(400, 'INVALID_PARAMETER', `Invalid query parameter value 'offset'. The offset must be a multiple of the limit.`, {
				'o:errorQueryParam': 'offset',
			}),
		);
	}
	return { limit, offset };
}

export function listRecords(db: Db, type: RecordTypeDef, req: EmulatorRequest): Json {
	const { limit, offset } = pagingParams(req);
	const s = scope(type);
	let where = s.sql;
	const params = [...s.params];
	const q = req.query.get('q');
	if (q) {
		try {
			const filter = qToSql(q, type);
			where += ` AND (${filter.where})`;
			params.push(...filter.params);
		} catch (error) {
			if (error instanceof QError) throw new RecordError(nsError(400, 'INVALID_PARAMETER', error.message, { 'o:errorQueryParam': 'q' }));
			throw error;
		}
	}
	const total = Number(db.all(`SELECT COUNT(*) AS n FROM "${type.table}" WHERE ${where}`, params)[0].n);
	const rows = db.all(`SELECT id FROM "${type.table}" WHERE ${where} ORDER BY id LIMIT ? OFFSET ?`, [...params, limit, offset]);
	const base = `${req.origin}/services/rest/record/v1/${type.name}`;
	return {
		links: pageLinks(base, limit, offset, total),
		count: rows.length,
		hasMore: offset + rows.length < total,
		items: rows.map((r) => ({ links: [{ rel: 'self', href: recordUrl(req.origin, type.name, r.id) }], id: String(r.id) })),
		offset,
		totalResults: total,
	};
}
