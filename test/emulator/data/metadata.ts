// The metadata catalog: the record-type list and a JSON Schema per type, from schema.ts.
import type { EmulatorRequest, EmulatorResponse } from '../types';
import { nsError } from '../errors';
import { RECORD_TYPES, isCustomField, recordType, type FieldDef } from './schema';

const JSON_TYPE: Record<string, object> = {
	string: { type: 'string' },
	integer: { type: 'integer', format: 'int64' },
	number: { type: 'number', format: 'double' },
	boolean: { type: 'boolean' },
	date: { type: 'string', format: 'date' },
	datetime: { type: 'string', format: 'date-time' },
	enum: { type: 'object', properties: { id: { type: 'string' }, refName: { type: 'string' } } },
};

function fieldSchema(field: FieldDef): object {
	const base =
		field.kind === 'ref' ? { $ref: `/services/rest/record/v1/metadata-catalog/${field.ref}`, type: 'object' } : JSON_TYPE[field.kind];
	return {
		...base,
		title: field.title ?? field.name.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()),
		nullable: !field.required,
		readOnly: field.readOnly || undefined,
		'x-ns-filterable': true,
		...(isCustomField(field.name) ? { 'x-ns-custom-field': true } : {}),
	};
}

export function metadata(req: EmulatorRequest, rest: string[]): EmulatorResponse {
	const base = `${req.origin}/services/rest/record/v1/metadata-catalog`;
	if (rest.length === 0) {
		const select = req.query
			.get('select')
			?.split(',')
			.map((s) => s.trim().toLowerCase());
		const items = RECORD_TYPES.filter((t) => !select || select.includes(t.name.toLowerCase())).map((t) => ({
			name: t.name,
			links: [
				{ rel: 'canonical', href: `${base}/${t.name}`, mediaType: 'application/json' },
				{ rel: 'alternate', href: `${base}/${t.name}`, mediaType: 'application/swagger+json' },
				{ rel: 'describedby', href: `${base}/${t.name}`, mediaType: 'application/schema+json' },
			],
		}));
		return { status: 200, body: { items } };
	}
	const type = recordType(decodeURIComponent(rest[0]));
	if (!type || rest.length > 1) return nsError(404, 'NONEXISTENT_ID', `Record type '${rest.join('/')}' does not exist.`);
	const properties: Record<string, object> = {};
	for (const field of type.fields) properties[field.name] = fieldSchema(field);
	for (const sublist of type.sublists) {
		properties[sublist.name] = {
			type: 'object',
			title: sublist.name,
			properties: {
				items: {
					type: 'array',
					items: { type: 'object', properties: Object.fromEntries(sublist.fields.map((f) => [f.name, fieldSchema(f)])) },
				},
			},
			'x-ns-sublist': true,
		};
	}
	return {
		status: 200,
		headers: { 'content-type': 'application/schema+json' },
		body: {
			$schema: 'http://json-schema.org/draft-06/schema#',
			type: 'object',
			title: type.name,
			properties,
			required: type.fields.filter((f) => f.required).map((f) => f.name),
		},
	};
}
