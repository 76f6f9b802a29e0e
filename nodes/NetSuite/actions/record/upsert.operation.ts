// Upsert: PUT by external ID creates the record or updates the one that has it; running the
// same item again updates the same record, so a retry is always safe.
import type { INodeProperties } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../../shared/auth/account';
import { idFromLocation } from '../../../shared/api/output';
import { netSuiteRequest } from '../../../shared/api/transport';
import { bodyFields } from '../../fields/body';
import { writeOptionsField } from '../../fields/options';
import { recordTypeFieldFor } from '../../fields/record';
import { fillPath } from '../../inputs/path';
import type { Operation, Resource } from '../../operation';
import { BODY } from '../../tool/words';
import { recordTypeOf } from './read';
import { gathersInBatches, writeRecordInBatch } from './batch';
import { sendRecordBody, sendReplaceOptions, writeOutput } from './write';

const externalIdField: INodeProperties = {
	displayName: 'External ID',
	name: 'externalId',
	type: 'string',
	default: '',
	required: true,
	description: 'The external ID that identifies the record; running again updates the same record',
};

export const upsert = (resource: Resource): Operation => ({
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a record by external ID',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	toolDescription: `Create a NetSuite record with this external ID, or update the one that has it. ${BODY}`,
	writes: true,
	request: { method: 'PUT', url: `${RECORD_BASE_PATH}/{recordType}/{externalId}` },
	preSend: [fillPath(resource), sendRecordBody, sendReplaceOptions],
	fields: [...recordTypeFieldFor(resource), externalIdField, ...bodyFields, writeOptionsField(true, false, true)],
	gathers: gathersInBatches,
	async run(request, transport) {
		const id = gathersInBatches(this)
			? await writeRecordInBatch(this, 'PUT', request, transport)
			: (idFromLocation((await netSuiteRequest.call(this, request, transport)).headers) ?? null);
		const collection = request.path.slice(0, request.path.lastIndexOf('/'));
		// The external ID names the record even when NetSuite's answer carries no Location.
		const externalId = decodeURIComponent(request.path.slice(collection.length + 1).replace(/^eid:/, ''));
		const summary = { id, externalId, recordType: recordTypeOf(request.path) };
		return await writeOutput(this, id === null ? request.path : `${collection}/${encodeURIComponent(id)}`, summary, transport);
	},
});
