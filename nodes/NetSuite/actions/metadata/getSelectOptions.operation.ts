// Metadata > Get Select Options: the values a select field takes, as NetSuite offers them to the
// role. REST's selectOptions operation (Oracle, "selectOptions Operation",
// https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_0115100241.html) is the
// record service's own URL with a select-options Accept header and the field in `fields=`: POST
// on the record type asks as for a new record, and the body may carry the field values the
// options depend on (a subsidiary, a sublist line). The page shows requests only; the answer is
// read as one list per requested field of {id, refName} (as REST writes references) or
// {value, text} (as SuiteScript's getSelectOptions does), whichever comes.
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../../shared/auth/account';
import { toItems } from '../../../shared/api/output';
import { netSuiteRequest } from '../../../shared/api/transport';
import { recordTypeField } from '../../fields/record';
import { jsonObjectParam } from '../../inputs/params';
import { fillPath } from '../../inputs/path';
import type { Operation, Resource } from '../../operation';

export const SELECT_OPTIONS_ACCEPT = 'application/vnd.oracle.resource+json; type=select-options';

const FIELD = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$/;

const fields: INodeProperties[] = [
	recordTypeField,
	{
		displayName: 'Field ID',
		name: 'fieldId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'entityStatus',
		description: 'The select field, for example entityStatus; a sublist field as sublist.field, for example item.item',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Field Values',
				name: 'fieldValues',
				type: 'json',
				default: '{}',
				description: 'Values of the fields the options depend on, written as a record body (for example the subsidiary, or a sublist line)',
			},
		],
	},
];

function fieldIdParam(ctx: IExecuteSingleFunctions): string {
	const value = String(ctx.getNodeParameter('fieldId', '') ?? '').trim();
	if (!FIELD.test(value))
		throw new NodeOperationError(
			ctx.getNode(),
			`Field ID "${value.slice(0, 60)}" is not a field ID (for example entityStatus, or item.item for a sublist field)`,
			{ itemIndex: ctx.getItemIndex() },
		);
	return value;
}

/** preSend: the field in `fields=`, the dependent values as the body. */
async function sendField(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	request.qs = { ...request.qs, fields: fieldIdParam(this) };
	const options = (this.getNodeParameter('options', {}) ?? {}) as IDataObject;
	if (options.fieldValues !== undefined) {
		const body = jsonObjectParam(this, 'options.fieldValues', 'Field Values');
		if (Object.keys(body).length) request.body = body;
	}
	return request;
}

/** One option as NetSuite sent it, as {id, refName}. */
function optionOf(raw: unknown): { id: string; refName: string } | undefined {
	if (!raw || typeof raw !== 'object') return undefined;
	const o = raw as IDataObject;
	const id = o.id ?? o.value;
	if (id === undefined || id === null) return undefined;
	return { id: String(id), refName: String(o.refName ?? o.text ?? '') };
}

export const getSelectOptions = (resource: Resource): Operation => ({
	value: 'getSelectOptions',
	name: 'Get Select Options',
	action: 'Get the options of a select field',
	description: 'Get the values a select field offers (ID and name), as NetSuite offers them to the role',
	toolDescription:
		'Get the values a NetSuite select field accepts, one per row as {field, id, refName}: for example the customer statuses of customer.entityStatus, or the items of a sales order line (field item.item). Use the id in a Create or Update body as {"id": "13"}.',
	writes: false,
	request: { method: 'POST', url: `${RECORD_BASE_PATH}/{recordType}`, headers: { Accept: SELECT_OPTIONS_ACCEPT } },
	preSend: [fillPath(resource), sendField],
	fields,
	narrowing: 'Narrow it: look the values up with SuiteQL instead, for example SELECT id, name FROM customerstatus WHERE name LIKE ?.',
	async run(request, transport) {
		const field = String(request.qs?.fields ?? '');
		const response = await netSuiteRequest.call(this, request, transport);
		const body = (response.body ?? {}) as IDataObject;
		const key = Object.keys(body).find((k) => k.toLowerCase() === field.toLowerCase());
		const list = key === undefined ? undefined : body[key];
		if (!Array.isArray(list))
			throw new NodeOperationError(this.getNode(), `NetSuite answered no select options for ${field}`, {
				description: 'Check that the field is a select field of this record type (Get Record Metadata lists its fields).',
				itemIndex: this.getItemIndex(),
			});
		const options = list.map(optionOf).filter((o) => o !== undefined);
		return toItems(
			options.map((o) => ({ field, ...o })),
			this.getItemIndex(),
		);
	},
});
