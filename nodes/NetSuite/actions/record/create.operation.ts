// Create: a record of any type, sent async with an idempotency key and followed to its new ID,
// so a lost answer can neither make a second record nor report a false failure (asyncCreate.ts).
import type { IDataObject, IExecutePaginationFunctions } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../../shared/auth/account';
import { createRecordSafely } from '../../../shared/api/asyncCreate';
import type { NetSuiteRequest, TransportOptions } from '../../../shared/api/transport';
import { bodyFields } from '../../fields/body';
import { writeOptionsField } from '../../fields/options';
import { recordTypeFieldFor } from '../../fields/record';
import { fillPath } from '../../inputs/path';
import { nounOf, type Operation, type PreSend, type Resource } from '../../operation';
import { BODY } from '../../tool/words';
import { recordTypeOf } from './read';
import { sendIdempotencyKey, sendRecordBody, writeOutput } from './write';

/** Sends a declared create and answers the new record's ID (or, with Return Full Record, the record). */
export async function runCreate(this: IExecutePaginationFunctions, request: NetSuiteRequest, transport: TransportOptions) {
	const created = await createRecordSafely.call(this, request, transport);
	const summary: IDataObject = { id: created.id, recordType: recordTypeOf(request.path) };
	return await writeOutput(this, created.id === null ? null : `${request.path}/${encodeURIComponent(created.id)}`, summary, transport);
}

/** A create whose body comes from `sendBody` (the generic fields, or a resource's named inputs). */
export const createWith = (resource: Resource, sendBody: PreSend): Operation => ({
	value: 'create',
	name: 'Create',
	action: `Create ${resource.singular}`,
	description: resource.recordType ? `Create ${resource.singular}` : 'Create a record of any type',
	toolDescription: `Create a NetSuite ${resource.recordType ? nounOf(resource) : 'record of any type'} and answer its new internal ID. ${BODY}`,
	writes: true,
	request: { method: 'POST', url: `${RECORD_BASE_PATH}/{recordType}`, headers: { Prefer: 'respond-async' } },
	preSend: [fillPath(resource), sendBody, sendIdempotencyKey],
	fields: [...recordTypeFieldFor(resource), ...bodyFields, writeOptionsField(false)],
	run: runCreate,
});

export const create = (resource: Resource): Operation => createWith(resource, sendRecordBody);
