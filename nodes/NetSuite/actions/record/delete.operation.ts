// Delete: one record by internal ID or eid:external ID. A retry after a lost answer that finds
// nothing is the delete done (the transport turns that 404 into success).
import { RECORD_BASE_PATH } from '../../../shared/auth/account';
import { toItems } from '../../../shared/api/output';
import { netSuiteRequest } from '../../../shared/api/transport';
import { batchSizeOption, optionsCollection, writeDeliveryOption } from '../../fields/options';
import { recordIdField, recordTypeFieldFor } from '../../fields/record';
import { gathersInBatches, writeRecordInBatch } from './batch';
import { fillPath, idLabel } from '../../inputs/path';
import type { Operation, Resource } from '../../operation';
import { ID } from '../../tool/words';
import { lastSegmentOf, recordTypeOf } from './read';

export const deleteRecord = (resource: Resource): Operation => ({
	value: 'delete',
	name: 'Delete',
	action: `Delete ${resource.singular}`,
	description: `Delete ${resource.singular} by internal or external ID`,
	toolDescription: `Delete a NetSuite record. ${ID}`,
	writes: true,
	request: { method: 'DELETE', url: `${RECORD_BASE_PATH}/{recordType}/{id}` },
	preSend: [fillPath(resource)],
	fields: [...recordTypeFieldFor(resource), recordIdField(idLabel(resource)), optionsCollection([batchSizeOption, writeDeliveryOption])],
	gathers: gathersInBatches,
	async run(request, transport) {
		if (gathersInBatches(this)) await writeRecordInBatch(this, 'DELETE', { ...request, body: undefined }, transport);
		else await netSuiteRequest.call(this, request, transport);
		const id = lastSegmentOf(request.path);
		return toItems([{ id, recordType: recordTypeOf(request.path), deleted: true }], this.getItemIndex());
	},
});
