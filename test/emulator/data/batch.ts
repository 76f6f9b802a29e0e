// NetSuite's batch operations (Oracle, "Batch Operations", article_0127092747): POST (create),
// PATCH (update), PUT (upsert) and DELETE on up to 100 records of one type in one request to
// `/services/rest/record/v1/{recordType}`, with `Prefer: respond-async` and
// `Content-Type: application/vnd.oracle.resource+json; type=collection`, body `{"items": [...]}`.
// The batch is one async job (asyncJobs.ts) with one task per record; each task answers what the
// single request for its record would have answered. Here a batch is cut into those single
// requests; which record each one addresses:
// - POST: a create of the item;
// - PATCH: the record by `id`, else by `externalId` (as `eid:`);
// - PUT: an upsert by `externalId` (PUT upserts by external ID only, as a single PUT does);
// - DELETE: the record by `id`, else by `externalId`.
// An item that names no record fails its own task with 400 (assumed: Oracle documents the per-record
// results, not the wording); the other records still run.
import { nsError } from '../errors';
import { parseJson } from '../json';
import type { EmulatorRequest, EmulatorResponse } from '../types';

const BASE = '/services/rest/record/v1';
export const BATCH_CONTENT_TYPE = 'application/vnd.oracle.resource+json; type=collection';
/** "You can currently work with a maximum of 100 records in one batch request." (Oracle) */
export const MAX_BATCH_RECORDS = 100;
const BATCH_METHODS = ['POST', 'PATCH', 'PUT', 'DELETE'];

const isCollectionType = (req: EmulatorRequest) =>
	/^\s*application\/vnd\.oracle\.resource\+json\s*;\s*type\s*=\s*collection\s*$/i.test(String(req.headers['content-type'] ?? ''));

/** The record type segment when the path is a record collection (`…/record/v1/{type}`), else undefined. */
function collectionType(req: EmulatorRequest): string | undefined {
	const rest = req.path.slice(BASE.length + 1).replace(/\/+$/, '');
	if (!req.path.startsWith(`${BASE}/`) || !rest || rest.includes('/') || rest === 'metadata-catalog') return undefined;
	return rest;
}

function topLevelItems(req: EmulatorRequest): boolean {
	const parsed = parseJson(req.body.toString('utf8'));
	return !('error' in parsed) && Array.isArray((parsed.value as { items?: unknown } | null)?.items);
}

/**
 * Is this request a batch? A write on a record collection with the collection content type; PATCH,
 * PUT and DELETE on a collection (which have no single-record meaning) and a POST whose body is
 * `{"items": [...]}` are treated as batches sent with the wrong content type.
 */
export function isBatch(req: EmulatorRequest): boolean {
	if (!BATCH_METHODS.includes(req.method) || collectionType(req) === undefined) return false;
	return isCollectionType(req) || req.method !== 'POST' || topLevelItems(req);
}

export type BatchTask = { request: EmulatorRequest } | { refused: EmulatorResponse };

/**
 * The single requests a batch stands for, in the order of its items, or the refusal of the whole
 * batch. The status codes and wording of the refusals are assumed (Oracle lists the required
 * headers and the limit, not what a request that breaks them gets): a 400 that names the header or
 * the limit.
 */
export function splitBatch(req: EmulatorRequest): { tasks: BatchTask[] } | { refused: EmulatorResponse } {
	const type = collectionType(req)!;
	if (!isCollectionType(req))
		return {
			refused: nsError(
				400,
				'INVALID_CONTENT',
				`A batch ${req.method} on ${type} needs the header Content-Type: ${BATCH_CONTENT_TYPE} (got ${JSON.stringify(String(req.headers['content-type'] ?? ''))}).`,
				{ 'o:errorHeader': 'Content-Type' },
			),
		};
	if (!/respond-async/i.test(String(req.headers.prefer ?? '')))
		return {
			refused: nsError(400, 'INVALID_REQUEST', 'Batch operations run asynchronously only: send the header Prefer: respond-async.', {
				'o:errorHeader': 'Prefer',
			}),
		};
	const parsed = parseJson(req.body.toString('utf8'));
	if ('error' in parsed)
		return { refused: nsError(400, 'INVALID_CONTENT', 'Invalid content in the request body. The JSON could not be parsed.') };
	const items = (parsed.value as { items?: unknown } | null)?.items;
	if (!parsed.value || typeof parsed.value !== 'object' || !Array.isArray(items))
		return {
			refused: nsError(400, 'INVALID_CONTENT', 'A batch request body must be {"items": [...]}: one object per record.', {
				'o:errorPath': 'items',
			}),
		};
	if (items.length === 0 || items.length > MAX_BATCH_RECORDS)
		return {
			refused: nsError(
				400,
				'INVALID_CONTENT',
				`A batch request holds from 1 to ${MAX_BATCH_RECORDS} records; this one holds ${items.length}.`,
				{ 'o:errorPath': 'items' },
			),
		};
	const headers: EmulatorRequest['headers'] = { ...req.headers, 'content-type': 'application/json' };
	delete headers.prefer;
	delete headers['x-netsuite-idempotency-key'];
	const single = (method: string, idSegment: string | undefined, body: unknown): EmulatorRequest => ({
		...req,
		method,
		path: `${BASE}/${type}${idSegment === undefined ? '' : `/${encodeURIComponent(idSegment)}`}`,
		headers,
		body: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
	});
	const present = (v: unknown): v is string | number => (typeof v === 'string' && v !== '') || typeof v === 'number';
	const tasks = items.map((item: unknown, index): BatchTask => {
		const path = `items[${index}]`;
		if (!item || typeof item !== 'object' || Array.isArray(item))
			return { refused: nsError(400, 'INVALID_CONTENT', `Each batch item must be a JSON object (${path}).`, { 'o:errorPath': path }) };
		const record = item as Record<string, unknown>;
		const { id, externalId } = record;
		switch (req.method) {
			case 'POST':
				return { request: single('POST', undefined, record) };
			case 'PUT':
				if (!present(externalId))
					return {
						refused: nsError(400, 'INVALID_CONTENT', `A batch upsert (PUT) finds each record by externalId: ${path} has none.`, {
							'o:errorPath': `${path}.externalId`,
						}),
					};
				return { request: single('PUT', `eid:${externalId}`, record) };
			default: {
				if (!present(id) && !present(externalId))
					return {
						refused: nsError(
							400,
							'INVALID_CONTENT',
							`A batch ${req.method} needs an id or an externalId in each item: ${path} has neither.`,
							{
								'o:errorPath': path,
							},
						),
					};
				const target = present(id) ? String(id) : `eid:${externalId}`;
				if (req.method === 'DELETE') return { request: single('DELETE', target, undefined) };
				const body = { ...record };
				delete body.id;
				return { request: single('PATCH', target, body) };
			}
		}
	});
	return { tasks };
}
