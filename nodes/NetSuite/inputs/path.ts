// preSend: an operation's URL template filled from its checked inputs. A template names the
// segments it needs ({recordType}, {id}, {externalId}, {sublist}, {salesOrderId}, {targetType},
// {savedSearchId}, {attachType}, {attachedId}); each is read, checked and encoded here, and an
// input that is wrong fails naming its field before any request.
import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { nounOf, type PreSend, type Resource } from '../operation';
import { attachTypeParam, externalIdParam, recordIdParam, recordTypeParam, savedSearchParam, sublistParam } from './params';

type Segment = (ctx: IExecuteSingleFunctions, resource: Resource) => string;

const SEGMENTS: Record<string, Segment> = {
	recordType: (ctx, resource) => resource.recordType ?? recordTypeParam(ctx),
	id: (ctx, resource) => recordIdParam(ctx, 'recordId', idLabel(resource)),
	externalId: (ctx) => `eid:${externalIdParam(ctx)}`,
	sublist: (ctx) => sublistParam(ctx),
	salesOrderId: (ctx) => recordIdParam(ctx, 'salesOrderId', 'Sales Order ID'),
	targetType: (ctx) => recordTypeParam(ctx, 'targetType', 'Target Type'),
	savedSearchId: (ctx) => savedSearchParam(ctx),
	attachType: (ctx) => attachTypeParam(ctx),
	attachedId: (ctx) => recordIdParam(ctx, 'attachedId', 'Contact or File ID'),
};

/** "Customer ID", "Sales Order ID"; "Record ID" on resources of any type. */
export function idLabel(resource: Resource): string {
	if (!resource.recordType) return 'Record ID';
	return `${nounOf(resource).replace(/(^| )(\w)/g, (_, space: string, c: string) => space + c.toUpperCase())} ID`;
}

export function fillPath(resource: Resource): PreSend {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		request.url = request.url.replace(/\{(\w+)\}/g, (_, name: string) => SEGMENTS[name](this, resource));
		return request;
	};
}
