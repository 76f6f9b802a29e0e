// Get: one record by internal ID or eid:external ID, on any resource that is a record type.
import type { IDataObject } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../../shared/auth/account';
import { stripLinks, toItems } from '../../../shared/api/output';
import { netSuiteRequest } from '../../../shared/api/transport';
import { getOptionsField } from '../../fields/options';
import { recordIdField, recordTypeFieldFor } from '../../fields/record';
import { fillPath, idLabel } from '../../inputs/path';
import { nounOf, type Operation, type Resource } from '../../operation';
import { ID, RECORD } from '../../tool/words';
import { sendReadOptions } from './read';

export const get = (resource: Resource): Operation => ({
	value: 'get',
	name: 'Get',
	action: `Get ${resource.singular}`,
	description: `Get ${resource.singular} by internal or external ID`,
	toolDescription: resource.recordType
		? `Get one NetSuite ${nounOf(resource)}${resource.toolHint ?? ''}. ${ID} ${RECORD}`
		: `Get one NetSuite record of any type (customer, salesOrder, invoice, customrecord_*). ${ID} ${RECORD}`,
	writes: false,
	request: { method: 'GET', url: `${RECORD_BASE_PATH}/{recordType}/{id}` },
	preSend: [fillPath(resource), sendReadOptions],
	fields: [...recordTypeFieldFor(resource), recordIdField(idLabel(resource)), getOptionsField],
	async run(request, transport) {
		const response = await netSuiteRequest.call(this, request, transport);
		return toItems([stripLinks(response.body as IDataObject)], this.getItemIndex());
	},
});
