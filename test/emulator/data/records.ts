// The REST record service's routes under /services/rest/record/v1.
import { nsError } from '../errors';
import type { EmulatorRequest, EmulatorResponse } from '../types';
import type { Db } from './db';
import { metadata } from './metadata';
import { findId, listRecords, notFound, renderLines, renderRecord } from './recordRead';
import { RecordError, recordUrl, type Json } from './recordJson';
import { attachOrDetach } from './attach';
import { createRecord, deleteRecord, transformRecord, updateRecord } from './recordWrite';
import { recordType, type RecordTypeDef } from './schema';
import { parseJson } from '../json';
import type { SubmitEvent } from '../suitescript/runner';

const BASE = '/services/rest/record/v1';

function parseBody(req: EmulatorRequest): Json {
	const text = req.body.toString('utf8');
	if (!text.trim()) return {};
	const parsed = parseJson(text);
	if ('error' in parsed)
		throw new RecordError(nsError(400, 'INVALID_CONTENT', 'Invalid content in the request body. The JSON could not be parsed.'));
	const body = parsed.value;
	if (!body || typeof body !== 'object' || Array.isArray(body))
		throw new RecordError(nsError(400, 'INVALID_CONTENT', 'The request body must be a JSON object.'));
	return body as Json;
}

const created = (req: EmulatorRequest, type: RecordTypeDef, id: number): EmulatorResponse => ({
	status: 204,
	headers: { location: recordUrl(req.origin, type.name, id) },
});

const methodNotAllowed = (req: EmulatorRequest) =>
	nsError(405, 'INVALID_REQUEST', `The HTTP method ${req.method} is not allowed for this resource.`);

export interface RecordContext {
	db: Db;
	onWrite(): void;
	/** Saves of this request, for the User Event scripts that run after them. */
	submitted: SubmitEvent[];
}

/** The sublists a write's `replace` query names. */
const replaceOf = (req: EmulatorRequest): string[] =>
	(req.query.get('replace') ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

const rowOf = (db: Db, type: RecordTypeDef, id: number) =>
	db.all(`SELECT * FROM "${type.table}" WHERE id = ?`, [id])[0] as Record<string, unknown> | undefined;

function submitted(
	ctx: RecordContext,
	type: RecordTypeDef,
	id: number,
	event: SubmitEvent['type'],
	oldRow?: Record<string, unknown>,
): void {
	ctx.submitted.push({ type: event, recordType: type.name, id, newRow: event === 'delete' ? oldRow : rowOf(ctx.db, type, id), oldRow });
}

export function records(ctx: RecordContext, req: EmulatorRequest): EmulatorResponse {
	const { db } = ctx;
	const segments = req.path
		.slice(BASE.length)
		.split('/')
		.filter(Boolean)
		.map((s) => decodeURIComponent(s));
	if (segments[0] === 'metadata-catalog') {
		return req.method === 'GET' ? metadata(req, segments.slice(1)) : methodNotAllowed(req);
	}
	if (segments.length === 0) return nsError(404, 'NONEXISTENT_ID', 'Record type is missing from the path.');
	const type = recordType(segments[0]);
	if (!type) return nsError(400, 'INVALID_PARAMETER', `Record type '${segments[0]}' does not exist.`);
	const write = !['GET', 'HEAD'].includes(req.method);
	if (write) ctx.onWrite();

	if (segments.length === 1) {
		if (req.method === 'GET') return { status: 200, body: listRecords(db, type, req) };
		if (req.method !== 'POST') return methodNotAllowed(req);
		// Oracle documents the idempotency key only for async requests (asyncJobs.ts). A
		// synchronous create is modelled as ignoring it, the worst case the package must survive.
		const id = createRecord(db, type, parseBody(req));
		submitted(ctx, type, id, 'create');
		return created(req, type, id);
	}

	const idSegment = segments[1];
	if (segments.length === 2 && req.method === 'PUT') {
		if (!idSegment.toLowerCase().startsWith('eid:'))
			return nsError(400, 'INVALID_REQUEST', 'PUT is only supported with an external ID (eid:<external ID>).');
		const body = parseBody(req);
		const existing = findId(db, type, idSegment);
		if (existing !== undefined) {
			// An upsert that finds its record updates it as PATCH does, `replace` included: assumed
			// (Oracle's "Using Upsert Operation" documents create-or-update, and `replace` for
			// updates; it does not say that an upsert's update ignores it). Without `replace`, lines
			// in the body are added, so a store order upserted twice would double its lines.
			const before = rowOf(db, type, existing);
			updateRecord(db, type, existing, body, replaceOf(req), req.query.get('replaceSelectedFields') === 'true');
			submitted(ctx, type, existing, 'edit', before);
			return created(req, type, existing);
		}
		const newId = createRecord(db, type, { ...body, externalId: idSegment.slice(4) });
		submitted(ctx, type, newId, 'create');
		return created(req, type, newId);
	}
	const id = findId(db, type, idSegment);
	if (id === undefined) throw notFound();

	if (segments.length === 2) {
		switch (req.method) {
			case 'GET':
				return { status: 200, body: renderRecord(db, type, id, req) };
			case 'PATCH': {
				const before = rowOf(db, type, id);
				updateRecord(db, type, id, parseBody(req), replaceOf(req), req.query.get('replaceSelectedFields') === 'true');
				submitted(ctx, type, id, 'edit', before);
				return { status: 204 };
			}
			case 'DELETE': {
				const before = rowOf(db, type, id);
				deleteRecord(db, type, id);
				submitted(ctx, type, id, 'delete', before);
				return { status: 204 };
			}
			default:
				return methodNotAllowed(req);
		}
	}
	if (segments[2] === '!transform' && segments.length === 4) {
		if (req.method !== 'POST') return methodNotAllowed(req);
		const result = transformRecord(db, type, id, segments[3], parseBody(req));
		submitted(ctx, result.type, result.id, 'create');
		return created(req, result.type, result.id);
	}
	if ((segments[2] === '!attach' || segments[2] === '!detach') && segments.length === 5) {
		if (req.method !== 'POST') return methodNotAllowed(req);
		return attachOrDetach(db, segments[2], type, id, segments[3], segments[4], parseBody(req));
	}
	const sublist = type.sublists.find((s) => s.name.toLowerCase() === segments[2].toLowerCase());
	if (!sublist || segments.length > 4)
		return nsError(404, 'NONEXISTENT_ID', `Sub-resource '${segments.slice(2).join('/')}' does not exist on ${type.name}.`);
	if (req.method !== 'GET') return methodNotAllowed(req);
	const lines = renderLines(db, type, sublist, id, req.origin, { origin: req.origin });
	if (segments.length === 3) {
		return {
			status: 200,
			body: {
				links: [{ rel: 'self', href: `${recordUrl(req.origin, type.name, id)}/${sublist.name}` }],
				count: lines.length,
				hasMore: false,
				items: lines,
				offset: 0,
				totalResults: lines.length,
			},
		};
	}
	const line = lines.find((l) => String(l.line) === segments[3]);
	if (!line) throw notFound();
	return { status: 200, body: line };
}
