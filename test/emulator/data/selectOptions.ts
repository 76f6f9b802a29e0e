// REST's selectOptions operation (Oracle, "selectOptions Operation",
// https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_0115100241.html): the
// record service's own URL with `Accept: application/vnd.oracle.resource+json; type=select-options`
// and the fields in `fields=`; POST asks on a new record, PATCH on an existing one (which is not
// changed). A sublist field is named `sublist.field`. The page shows requests only: the answer's
// shape is assumed here as one list per requested field, `{"<field>": [{"id", "refName"}]}`, the
// way REST writes every other reference; an enum's ids are its stored values.
import { nsError } from '../errors';
import type { EmulatorRequest, EmulatorResponse } from '../types';
import type { Db } from './db';
import { findId, notFound, scope } from './recordRead';
import { column, recordType, type FieldDef, type RecordTypeDef } from './schema';

export const SELECT_OPTIONS_TYPE = 'type=select-options';

export const wantsSelectOptions = (req: EmulatorRequest): boolean =>
	String(req.headers.accept ?? '')
		.toLowerCase()
		.replace(/\s/g, '')
		.includes(SELECT_OPTIONS_TYPE);

const invalidField = (name: string, why: string) =>
	nsError(400, 'INVALID_PARAMETER', `Invalid query parameter value 'fields': ${name} ${why}.`, { 'o:errorQueryParam': 'fields' });

function fieldOf(type: RecordTypeDef, path: string): FieldDef | undefined {
	const [first, second] = path.toLowerCase().split('.');
	if (second === undefined) return type.fields.find((f) => f.name.toLowerCase() === first);
	return type.sublists.find((s) => s.name.toLowerCase() === first)?.fields.find((f) => f.name.toLowerCase() === second);
}

function optionsOf(db: Db, field: FieldDef): Array<{ id: string; refName: string }> {
	if (field.kind === 'enum') return Object.entries(field.values ?? {}).map(([id, refName]) => ({ id, refName }));
	const target = recordType(field.ref ?? '');
	if (!target) return [];
	const s = scope(target);
	return db
		.all(`SELECT id, "${column(target.display)}" AS name FROM "${target.table}" WHERE ${s.sql} ORDER BY id`, s.params)
		.map((row) => ({ id: String(row.id), refName: String(row.name ?? '') }));
}

/** `rest`: the path after /record/v1 ([type] or [type, id]). */
export function selectOptions(db: Db, req: EmulatorRequest, rest: string[]): EmulatorResponse {
	const type = recordType(decodeURIComponent(rest[0] ?? ''));
	if (!type || rest.length > 2) return nsError(404, 'NONEXISTENT_ID', `Record type '${rest.join('/')}' does not exist.`);
	if (rest.length === 1 && req.method !== 'POST')
		return nsError(405, 'INVALID_REQUEST', 'Select options on a new record are read with POST.');
	if (rest.length === 2) {
		if (req.method !== 'PATCH') return nsError(405, 'INVALID_REQUEST', 'Select options on an existing record are read with PATCH.');
		if (findId(db, type, decodeURIComponent(rest[1])) === undefined) throw notFound();
	}
	const names = (req.query.get('fields') ?? '')
		.split(',')
		.map((n) => n.trim())
		.filter(Boolean);
	if (!names.length)
		return nsError(400, 'INVALID_PARAMETER', "The 'fields' query parameter must name the fields whose select options you want.", {
			'o:errorQueryParam': 'fields',
		});
	const body: Record<string, Array<{ id: string; refName: string }>> = {};
	for (const name of names) {
		const field = fieldOf(type, name);
		if (!field) return invalidField(name, `is not a field of ${type.name}`);
		if (field.kind !== 'enum' && field.kind !== 'ref') return invalidField(name, 'is not a select field');
		body[name] = optionsOf(db, field);
	}
	return { status: 200, headers: { 'content-type': `application/vnd.oracle.resource+json; ${SELECT_OPTIONS_TYPE}` }, body };
}
