// Attach and detach, shared by the two operations (Oracle, "Attach and Detach Operations",
// https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_0113084334.html): POST
// /record/v1/{type}/{id}/!attach/{contact|file}/{id} (or !detach), both IDs internal or eid:.
// REST attaches contact and file records only; the one attribute is a contact's role, on attach.
// Which records take them is SOAP's attach / detach page (section_N3481947): a contact attaches to
// entity records (not to another contact or a group), a file to any record but a custom record.
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../../shared/auth/account';
import { toItems } from '../../../shared/api/output';
import { netSuiteRequest, type NetSuiteContext, type NetSuiteRequest, type TransportOptions } from '../../../shared/api/transport';
import { recordIdField, recordTypeField } from '../../fields/record';
import { attachTypeParam } from '../../inputs/params';
import type { Operation } from '../../operation';
import { recordTypeOf } from './read';

export type AttachAction = '!attach' | '!detach';

/** The attach path: {recordType}/{id} as every record operation fills them, then what is attached. */
export const attachmentUrl = (action: AttachAction) => `${RECORD_BASE_PATH}/{recordType}/{id}/${action}/{attachType}/{attachedId}`;

export const attachTypeField: INodeProperties = {
	displayName: 'Attach',
	name: 'attachType',
	type: 'options',
	default: 'contact',
	options: [
		{ name: 'Contact', value: 'contact', description: 'A contact, to an entity record such as a customer or vendor' },
		{ name: 'File', value: 'file', description: 'A File Cabinet file, to any record but a custom record' },
	],
};

export const attachedIdField: INodeProperties = {
	...recordIdField('Contact or File ID', 'attachedId'),
	description: 'Internal ID of the contact or file, or eid: followed by its external ID',
};

export const contactRoleField: INodeProperties = {
	displayName: 'Contact Role ID',
	name: 'contactRole',
	type: 'string',
	default: '',
	placeholder: '-10',
	description: 'Internal ID of the contact role (Lists › Relationships › Contact Roles; -10 is Primary Contact). Empty: no role.',
	displayOptions: { show: { attachType: ['contact'] } },
};

export const attachmentFields = (withRole: boolean): INodeProperties[] => [
	{ ...recordTypeField, description: 'The record type to attach to or detach from, for example customer or salesOrder' },
	recordIdField(),
	attachTypeField,
	attachedIdField,
	...(withRole ? [contactRoleField] : []),
];

/** preSend of Attach: the contact's role as the body, when one is given. */
export async function sendContactRole(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	if (attachTypeParam(this) !== 'contact') return request;
	const role = String(this.getNodeParameter('contactRole', '') ?? '').trim();
	if (!role) return request;
	if (!/^-?\d+$/.test(role))
		throw new NodeOperationError(this.getNode(), `Contact Role ID "${role.slice(0, 40)}" is not an internal ID (for example -10)`, {
			itemIndex: this.getItemIndex(),
		});
	request.body = { role: { id: role } };
	return request;
}

/** Sends the attach or detach and answers what was done. */
export async function runAttachment(
	ctx: NetSuiteContext & { getItemIndex(): number },
	action: AttachAction,
	request: NetSuiteRequest,
	transport: TransportOptions,
): ReturnType<Operation['run']> {
	await netSuiteRequest.call(ctx, request, transport);
	const segments = request.path.split('/').map(decodeURIComponent);
	const at = segments.indexOf(action);
	const result: IDataObject = {
		id: segments[at - 1],
		recordType: recordTypeOf(request.path),
		attachedType: segments[at + 1],
		attachedId: segments[at + 2],
		[action === '!attach' ? 'attached' : 'detached']: true,
	};
	const role = (request.body as IDataObject | undefined)?.role as IDataObject | undefined;
	if (role) result.contactRole = String(role.id);
	return toItems([result], ctx.getItemIndex());
}
