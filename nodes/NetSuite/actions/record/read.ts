// Reading records: the Get query from the Options, and one record fetched in full.
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../../shared/auth/account';
import { stripLinks } from '../../../shared/api/output';
import { netSuiteRequest, type NetSuiteContext, type TransportOptions } from '../../../shared/api/transport';

export function readQuery(options: IDataObject): IDataObject {
	const qs: IDataObject = {};
	if (options.expandSubResources) qs.expandSubResources = true;
	if (options.simpleEnumFormat) qs.simpleEnumFormat = true;
	if (typeof options.fields === 'string' && options.fields.trim())
		qs.fields = options.fields
			.split(',')
			.map((f) => f.trim())
			.filter(Boolean)
			.join(',');
	return qs;
}

/** preSend: Expand Sub-Resources, Fields and Simple Enum Format as NetSuite's query. */
export async function sendReadOptions(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	request.qs = { ...request.qs, ...readQuery(this.getNodeParameter('options', {}) as IDataObject) };
	return request;
}

export async function fetchRecord(ctx: NetSuiteContext, path: string, transport: TransportOptions, qs?: IDataObject): Promise<IDataObject> {
	const response = await netSuiteRequest.call(ctx, { method: 'GET', path, qs }, transport);
	return stripLinks(response.body as IDataObject);
}

/** The last segment of a path, decoded (the record's ID, eid:…, or the record type). */
export function lastSegmentOf(path: string): string {
	return decodeURIComponent(path.split('/').pop() ?? '');
}

/** The record type a record-service path names (record types are letters, digits and _). */
export function recordTypeOf(path: string): string {
	return path.slice(RECORD_BASE_PATH.length + 1).split('/')[0];
}
