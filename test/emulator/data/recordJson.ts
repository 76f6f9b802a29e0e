// Rows to NetSuite's REST JSON (references as {id, refName, links}, enums as {id, refName},
// datetimes ISO UTC) and REST JSON bodies back to column values, with NetSuite's validation.
import type { SqlValue } from 'sql.js';

import { nsError } from '../errors';
import type { EmulatorResponse } from '../types';
import type { Db } from './db';
import { isoFromSql, parseOracle } from './dates';
import { column, recordType, type FieldDef, type RecordTypeDef } from './schema';

export type Json = Record<string, unknown>;

export class RecordError extends Error {
	constructor(readonly response: EmulatorResponse) {
		super('record error');
	}
}

export const recordUrl = (origin: string, type: string, id: SqlValue) => `${origin}/services/rest/record/v1/${type}/${id}`;

export function refName(db: Db, typeName: string, id: SqlValue): string | undefined {
	const type = recordType(typeName);
	if (!type || id === null) return undefined;
	const row = db.all(`SELECT "${type.display}" AS name FROM "${type.table}" WHERE id = ?`, [id])[0];
	return row?.name === undefined || row.name === null ? undefined : String(row.name);
}

export interface RenderOptions {
	origin: string;
	simpleEnumFormat?: boolean;
	fields?: string[];
}

export function renderValue(db: Db, field: FieldDef, value: SqlValue, options: RenderOptions): unknown {
	if (value === null || value === undefined) return undefined;
	switch (field.kind) {
		case 'boolean':
			return value === 'T' || value === 1 || value === 'true';
		case 'integer':
		case 'number':
			return Number(value);
		case 'datetime':
			return isoFromSql(String(value));
		case 'date':
			return String(value).slice(0, 10);
		case 'enum':
			return options.simpleEnumFormat ? String(value) : { id: String(value), refName: field.values?.[String(value)] ?? String(value) };
		case 'ref':
			return {
				links: [{ rel: 'self', href: recordUrl(options.origin, field.ref!, value) }],
				id: String(value),
				refName: refName(db, field.ref!, value),
			};
		default:
			return String(value);
	}
}

export function renderRow(db: Db, fields: FieldDef[], row: Record<string, SqlValue>, options: RenderOptions): Json {
	const out: Json = {};
	for (const field of fields) {
		if (options.fields && field.name !== 'id' && !options.fields.some((f) => f.toLowerCase() === field.name.toLowerCase())) continue;
		const v = renderValue(db, field, row[column(field)], options);
		if (v !== undefined) out[field.name] = field.name === 'id' ? String(v) : v;
	}
	return out;
}

const invalid = (detail: string, path?: string) =>
	new RecordError(nsError(400, 'INVALID_CONTENT', detail, path ? { 'o:errorPath': path } : {}));

/** A body value as the column stores it; refs must point at existing records. */
export function columnValue(db: Db, field: FieldDef, raw: unknown, path: string): SqlValue {
	if (raw === null) return null;
	switch (field.kind) {
		case 'boolean':
			if (typeof raw !== 'boolean') throw invalid(`Invalid value for the field ${field.name}: expected a boolean.`, path);
			return raw ? 'T' : 'F';
		case 'integer':
		case 'number': {
			const n = typeof raw === 'number' ? raw : Number(raw);
			if (typeof raw === 'object' || Number.isNaN(n)) throw invalid(`Invalid value for the field ${field.name}: expected a number.`, path);
			return n;
		}
		case 'date':
		case 'datetime': {
			const parsed = typeof raw === 'string' ? parseOracle(raw, '') : null;
			if (!parsed) throw invalid(`Invalid value for the field ${field.name}: expected a date.`, path);
			return field.kind === 'date' ? parsed.slice(0, 10) : parsed;
		}
		case 'enum': {
			const id = typeof raw === 'object' ? (raw as Json).id : raw;
			if (!field.values || !(String(id) in field.values))
				throw invalid(`Invalid value for the field ${field.name}: ${JSON.stringify(id)}.`, path);
			return String(id);
		}
		case 'ref': {
			const ref = typeof raw === 'object' ? (raw as Json) : { id: raw };
			const target = recordType(field.ref!)!;
			let row: Record<string, SqlValue> | undefined;
			if (ref.id !== undefined) row = db.all(`SELECT id FROM "${target.table}" WHERE id = ?`, [Number(ref.id)])[0];
			else if (ref.externalId !== undefined)
				row = db.all(`SELECT id FROM "${target.table}" WHERE externalid = ?`, [String(ref.externalId)])[0];
			if (!row) {
				throw new RecordError(
					nsError(
						400,
						'USER_ERROR',
						`Invalid Field Value ${JSON.stringify(ref.id ?? ref.externalId)} for the following field: ${field.name}`,
						{ 'o:errorPath': path },
					),
				);
			}
			return row.id;
		}
		default:
			if (typeof raw === 'object') throw invalid(`Invalid value for the field ${field.name}: expected a string.`, path);
			return String(raw);
	}
}

/** Body fields that are not sublists, checked against the type: unknown and read-only fields refused. */
export function bodyColumns(db: Db, type: RecordTypeDef, body: Json): Map<string, SqlValue> {
	const values = new Map<string, SqlValue>();
	for (const [name, raw] of Object.entries(body)) {
		if (type.sublists.some((s) => s.name.toLowerCase() === name.toLowerCase())) continue;
		if (name === 'links' || name === 'id') continue;
		const field = type.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
		if (!field)
			throw invalid(
				`Error while accessing a resource. Invalid field name: ${name}. The field is unknown for the ${type.name} record.`,
				name,
			);
		if (field.readOnly) throw invalid(`Error while accessing a resource. You cannot set the read-only field ${field.name}.`, name);
		values.set(column(field), columnValue(db, field, raw, name));
	}
	return values;
}
