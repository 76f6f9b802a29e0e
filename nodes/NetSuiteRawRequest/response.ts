// A NetSuite answer as an n8n item: JSON, text or a file, optionally with status and headers,
// and for debugging the request as sent with every secret redacted.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { buildRequestUrl } from '../shared/api/requestUrl';
import type { NetSuiteRequest, NetSuiteResponse } from '../shared/api/transport';
import { headerValue } from '../shared/api/headers';

function fileNameOf(headers: Record<string, unknown>): string | undefined {
	const disposition = headerValue(headers, 'content-disposition') ?? '';
	const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition)?.[1];
	if (star) return decodeURIComponent(star.replace(/"/g, ''));
	return /filename="?([^";]+)"?/i.exec(disposition)?.[1];
}

const SECRET_HEADER = /auth|token|secret|key|cookie|signature|session/i;

export function debugRequest(origin: string, request: NetSuiteRequest, attempts: number): IDataObject {
	const headers: IDataObject = {};
	for (const [name, value] of Object.entries(request.headers ?? {})) headers[name] = SECRET_HEADER.test(name) ? '[redacted]' : value;
	headers.Authorization = '[added by the credential, redacted]';
	const body = typeof request.body === 'function' ? '[multipart form data]' : (request.body as IDataObject | string | undefined);
	return { method: request.method, url: buildRequestUrl(origin, request.path, request.qs), headers, body: body ?? null, attempts };
}

export async function toOutputItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	response: NetSuiteResponse,
	options: { format: string; binaryProperty: string; fullResponse: boolean; debug?: IDataObject },
): Promise<INodeExecutionData> {
	const item: INodeExecutionData = { json: {}, pairedItem: { item: itemIndex } };
	let body: unknown = response.body;
	if (options.format === 'binary' && response.statusCode < 300 && body !== undefined && body !== null && body !== '') {
		const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body as ArrayBuffer);
		item.binary = {
			[options.binaryProperty]: await ctx.helpers.prepareBinaryData(
				buffer,
				fileNameOf(response.headers),
				headerValue(response.headers, 'content-type')?.split(';')[0],
			),
		};
		body = undefined;
	} else if (Buffer.isBuffer(body)) {
		body = body.toString('utf8');
	}
	if (options.fullResponse)
		item.json = { statusCode: response.statusCode, headers: response.headers as IDataObject, body: (body ?? null) as IDataObject };
	else if (body && typeof body === 'object' && !Array.isArray(body)) item.json = body as IDataObject;
	else if (body !== undefined && body !== '') item.json = { data: body as IDataObject[string] };
	else item.json = { statusCode: response.statusCode };
	if (options.debug) item.json.request = options.debug;
	return item;
}
