// Update: a PATCH of the fields given; sublist lines are added unless Replace Sublists names them.
import type { IDataObject, IExecutePaginationFunctions } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../../shared/auth/account';
import { netSuiteRequest, type NetSuiteRequest, type TransportOptions } from '../../../shared/api/transport';
import { bodyFields } from '../../fields/body';
import { writeOptionsField } from '../../fields/options';
import { recordIdField, recordTypeFieldFor } from '../../fields/record';
import { fillPath, idLabel } from '../../inputs/path';
import { nounOf, type Operation, type PreSend, type Resource } from '../../operation';
import { BODY, ID } from '../../tool/words';
import { lastSegmentOf, recordTypeOf } from './read';
import { gathersInBatches, writeRecordInBatch } from './batch';
import { addsLines, sendRecordBody, sendReplaceOptions, writeOutput } from './write';

export async function runUpdate(this: IExecutePaginationFunctions, request: NetSuiteRequest, transport: TransportOptions) {
	const body = (request.body ?? {}) as IDataObject;
	if (gathersInBatches(this)) await writeRecordInBatch(this, 'PATCH', request, transport);
	else await netSuiteRequest.call(this, { ...request, requestClass: addsLines(body, request.qs ?? {}) ? 'addLine' : 'write' }, transport);
	const id = lastSegmentOf(request.path);
	return await writeOutput(this, request.path, { id, recordType: recordTypeOf(request.path), updated: true }, transport);
}

export const updateWith = (
	resource: Resource,
	sendBody: PreSend,
	fields = [...bodyFields, writeOptionsField(true, false, true)],
): Operation => ({
	value: 'update',
	name: 'Update',
	action: `Update ${resource.singular}`,
	description: resource.recordType ? `Change fields of ${resource.singular}` : 'Change fields of a record (PATCH)',
	toolDescription: `Change fields of a NetSuite ${resource.recordType ? nounOf(resource) : 'record'} (fields left out stay as they are). ${ID} ${BODY}`,
	writes: true,
	request: { method: 'PATCH', url: `${RECORD_BASE_PATH}/{recordType}/{id}` },
	preSend: [fillPath(resource), sendBody, sendReplaceOptions],
	fields: [...recordTypeFieldFor(resource), recordIdField(idLabel(resource)), ...fields],
	run: runUpdate,
	gathers: gathersInBatches,
});

export const update = (resource: Resource): Operation => updateWith(resource, sendRecordBody);
