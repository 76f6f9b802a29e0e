// Sublist > Add Line: append lines without replacing the others (a PATCH without `replace`
// adds the lines it carries). Sent twice it would add them twice, so a lost answer is not
// retried (the retry table's "add line" row).
import { NodeOperationError, type IDataObject, type IExecuteSingleFunctions, type IHttpRequestOptions } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../../shared/auth/account';
import { toItems } from '../../../shared/api/output';
import { netSuiteRequest } from '../../../shared/api/transport';
import { recordIdField, recordTypeField } from '../../fields/record';
import { sublistParam } from '../../inputs/params';
import { fillPath } from '../../inputs/path';
import type { Operation, Resource } from '../../operation';
import { ID } from '../../tool/words';
import { lastSegmentOf, recordTypeOf } from '../record/read';
import { sublistIdField } from './fields';

/** preSend: `{ <sublist>: { items: [lines] } }` from Lines (JSON). */
async function sendLines(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const sublist = sublistParam(this);
	const raw = this.getNodeParameter('lines', '[]') as unknown;
	let lines: unknown = raw;
	if (typeof raw === 'string') {
		try {
			lines = JSON.parse(raw);
		} catch {
			lines = undefined;
		}
	}
	if (lines && !Array.isArray(lines) && typeof lines === 'object') lines = [lines];
	if (!Array.isArray(lines) || !lines.length || lines.some((l) => !l || typeof l !== 'object')) {
		throw new NodeOperationError(
			this.getNode(),
			'Lines (JSON) must be a JSON array of line objects, for example [{"item": {"id": "12"}, "quantity": 2}]',
			{ itemIndex: this.getItemIndex() },
		);
	}
	request.body = { [sublist]: { items: lines as IDataObject[] } };
	return request;
}

export const addLine = (resource: Resource): Operation => ({
	value: 'addLine',
	name: 'Add Line',
	action: 'Add lines to a sublist',
	description: 'Append lines to a sublist, keeping the lines already there',
	toolDescription: `Append lines to a sublist of a NetSuite record, keeping the lines already there. Give the lines as a JSON array, e.g. [{"item": {"id": "12"}, "quantity": 2}]. ${ID}`,
	writes: true,
	request: { method: 'PATCH', url: `${RECORD_BASE_PATH}/{recordType}/{id}` },
	preSend: [fillPath(resource), sendLines],
	fields: [
		recordTypeField,
		recordIdField(),
		sublistIdField,
		{
			displayName: 'Lines (JSON)',
			name: 'lines',
			type: 'json',
			default: '[{"item": {"id": "1"}, "quantity": 1}]',
			required: true,
			description: "Array of lines to append, as NetSuite's REST API takes them",
		},
	],
	async run(request, transport) {
		await netSuiteRequest.call(this, { ...request, requestClass: 'addLine' }, transport);
		const [sublist, value] = Object.entries(request.body as IDataObject)[0];
		const id = lastSegmentOf(request.path);
		const linesAdded = ((value as IDataObject).items as unknown[]).length;
		return toItems([{ id, recordType: recordTypeOf(request.path), sublist, linesAdded }], this.getItemIndex());
	},
});
