// Sublist > Get: the lines of one sublist, one item per line.
import type { IDataObject } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../../shared/auth/account';
import { stripLinks, toItems } from '../../../shared/api/output';
import { netSuiteRequest } from '../../../shared/api/transport';
import { recordIdField, recordTypeField } from '../../fields/record';
import { fillPath } from '../../inputs/path';
import type { Operation, Resource } from '../../operation';
import { ID } from '../../tool/words';
import { sublistIdField } from './fields';

export const get = (resource: Resource): Operation => ({
	value: 'get',
	name: 'Get',
	action: 'Get the lines of a sublist',
	description: 'Get the lines of a sublist, one item per line',
	toolDescription: `Get the lines of a sublist of a NetSuite record (item lines of a transaction, addressBook of a customer), one row per line. ${ID}`,
	writes: false,
	request: { method: 'GET', url: `${RECORD_BASE_PATH}/{recordType}/{id}/{sublist}`, qs: { expandSubResources: true } },
	preSend: [fillPath(resource)],
	fields: [recordTypeField, recordIdField(), sublistIdField],
	async run(request, transport) {
		const response = await netSuiteRequest.call(this, request, transport);
		const lines = ((response.body as IDataObject).items ?? []) as IDataObject[];
		return toItems(
			lines.map((l) => stripLinks(l)),
			this.getItemIndex(),
		);
	},
});
