// Create: a record of any type, by the Delivery the user chose: One Request per Record (one
// synchronous POST; a lost answer resolved by External ID, syncCreate.ts), Exactly Once (async
// with an idempotency key, followed to its new ID, asyncCreate.ts) or NetSuite Batch Jobs (the
// run's creates in batch requests of up to 100, batchWrite.ts).
import type { IDataObject, IExecutePaginationFunctions } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../../shared/auth/account';
import { createRecordSafely } from '../../../shared/api/asyncCreate';
import { writeInBatch } from '../../../shared/api/batchWrite';
import { createRecordDirect } from '../../../shared/api/syncCreate';
import type { NetSuiteRequest, TransportOptions } from '../../../shared/api/transport';
import { bodyFields } from '../../fields/body';
import { DELIVERY_ASYNC, DELIVERY_BATCH, writeOptionsField } from '../../fields/options';
import { recordTypeFieldFor } from '../../fields/record';
import { fillPath } from '../../inputs/path';
import { nounOf, type Operation, type PreSend, type Resource } from '../../operation';
import { BODY } from '../../tool/words';
import { recordTypeOf } from './read';
import { batchRunOf, deliveryOf, gathersInBatches } from './batch';
import { sendIdempotencyKeyIfAsync, sendRecordBody, writeOutput } from './write';

/** Sends a declared create and answers the new record's ID (or, with Return Full Record, the record). */
export async function runCreate(this: IExecutePaginationFunctions, request: NetSuiteRequest, transport: TransportOptions) {
	const delivery = deliveryOf(this);
	const created =
		delivery === DELIVERY_BATCH
			? await writeInBatch.call(
					this,
					{ method: 'POST', collection: request.path, body: (request.body ?? {}) as IDataObject },
					transport,
					await batchRunOf(this),
				)
			: delivery === DELIVERY_ASYNC
				? await createRecordSafely.call(this, request, transport)
				: await createRecordDirect.call(this, request, transport);
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
	// Declared synchronous (One Request per Record); Exactly Once adds the preference and its key (asyncCreate.ts).
	request: { method: 'POST', url: `${RECORD_BASE_PATH}/{recordType}` },
	preSend: [fillPath(resource), sendBody, sendIdempotencyKeyIfAsync],
	fields: [...recordTypeFieldFor(resource), ...bodyFields, writeOptionsField(false, true)],
	run: runCreate,
	// Batch Jobs items wait for their batch outside the per-item limit; the batch takes a slot.
	gathers: gathersInBatches,
});

export const create = (resource: Resource): Operation => createWith(resource, sendRecordBody);
