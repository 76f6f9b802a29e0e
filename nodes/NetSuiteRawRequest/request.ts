// Raw Request inputs -> one NetSuiteRequest for the shared transport. Every input that
// could point the signed request somewhere else (a host in the path, an Authorization
// header) is refused, naming the field.
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type IHttpRequestMethods } from 'n8n-workflow';

import { QUERY_BASE_PATH, RECORD_BASE_PATH, RESTLET_PATH } from '../shared/auth/account';
import { DEFAULT_RETRY, MAX_RETRIES_RANGE } from '../shared/api/retry';
import { rawRequestClass } from '../shared/api/retryPolicy';
import type { NetSuiteRequest } from '../shared/api/transport';

const FORBIDDEN_HEADERS = new Set(['authorization', 'host', 'content-length', 'proxy-authorization', 'cookie']);

type Pairs = { parameter?: Array<{ name: string; value: string }> };

function fail(ctx: IExecuteFunctions, itemIndex: number, message: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex });
}

/**
 * The path as the server reads it, for the checks only: ASCII %XX escapes decoded, repeatedly,
 * so neither `/.%2e/` nor `/%252e%252e/` can hide a `..`. (What is sent is the path as typed.)
 */
function decodedForChecks(raw: string): string {
	let current = raw;
	for (let round = 0; round < 4; round++) {
		const next = current.replace(/%([0-7][0-9A-Fa-f])/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
		if (next === current) break;
		current = next;
	}
	return current;
}

/**
 * A path copied whole from NetSuite's docs or a Location header (`/services/rest/record/v1/customer/1`)
 * under the service it names is understood; one naming another service is refused, naming the prefix.
 */
function withoutServiceBase(ctx: IExecuteFunctions, itemIndex: number, path: string, base: string): string {
	if (path.toLowerCase() === base.toLowerCase()) return '';
	if (path.toLowerCase().startsWith(`${base.toLowerCase()}/`) || path.toLowerCase().startsWith(`${base.toLowerCase()}?`))
		return path.slice(base.length);
	if (/^\/services\//i.test(path)) {
		const prefix = path.split('/').slice(0, 5).join('/');
		fail(
			ctx,
			itemIndex,
			`Path "${path.slice(0, 80)}" starts with ${prefix}, which is not this service's base (${base}): enter the path after ${base}, or choose the Service "Other Path on the Account" for ${prefix}`,
		);
	}
	return path;
}

export function checkedPath(ctx: IExecuteFunctions, itemIndex: number, service: string): string {
	const raw = String(ctx.getNodeParameter('path', itemIndex, '') ?? '').trim();
	if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//'))
		fail(ctx, itemIndex, `Path "${raw.slice(0, 80)}" has a scheme or host: enter only the path; the host comes from the credential`);
	// Dot segments are judged after decoding: `/.%2e/` is `/../` to the server.
	const decoded = decodedForChecks(raw.split('?')[0]);
	if (/[\r\n\\]/.test(decoded) || /(^|\/)\.\.?(\/|$)/.test(decoded) || decoded.startsWith('//')) {
		fail(ctx, itemIndex, 'Path may not contain line breaks, backslashes or . / .. segments (also when percent-encoded)');
	}
	const path = raw.startsWith('/') ? raw : `/${raw}`;
	if (service === 'record' || service === 'query') {
		const base = service === 'record' ? RECORD_BASE_PATH : QUERY_BASE_PATH;
		return `${base}${withoutServiceBase(ctx, itemIndex, path, base)}`;
	}
	if (!/^\/(services|app)\//.test(path)) fail(ctx, itemIndex, 'Path must start with /services/ or /app/ when the service is Other');
	return path;
}

/** Raw Request's Max Retries, checked against the range its field allows. */
export function maxRetriesOption(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject): number {
	const value = options.maxRetries ?? 3;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < MAX_RETRIES_RANGE.min || value > MAX_RETRIES_RANGE.max) {
		fail(
			ctx,
			itemIndex,
			`Max Retries must be a whole number from ${MAX_RETRIES_RANGE.min} to ${MAX_RETRIES_RANGE.max} (it is ${JSON.stringify(value)})`,
		);
	}
	return value;
}

/** Retry Delay (Ms): not negative, and not past the wait an item may spend in all. */
export function retryDelayOption(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject): number {
	const value = options.retryDelayMs ?? 1000;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > DEFAULT_RETRY.maxTotalWaitMs) {
		fail(ctx, itemIndex, `Retry Delay (Ms) must be from 0 to ${DEFAULT_RETRY.maxTotalWaitMs} (it is ${JSON.stringify(value)})`);
	}
	return value;
}

function pairs(ctx: IExecuteFunctions, name: string, itemIndex: number): Array<[string, string]> {
	return ((ctx.getNodeParameter(name, itemIndex, {}) as Pairs).parameter ?? [])
		.filter((p) => p.name)
		.map((p) => [p.name.trim(), String(p.value ?? '')]);
}

function headersOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	if (!ctx.getNodeParameter('sendHeaders', itemIndex, false)) return {};
	const headers: IDataObject = {};
	for (const [name, value] of pairs(ctx, 'headerParameters', itemIndex)) {
		if (FORBIDDEN_HEADERS.has(name.toLowerCase()))
			fail(ctx, itemIndex, `Header "${name}" cannot be set in Headers: the credential signs the request`);
		if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n]/.test(value))
			fail(ctx, itemIndex, `Header "${name}" is not a valid header name or value`);
		headers[name] = value;
	}
	return headers;
}

function jsonBody(ctx: IExecuteFunctions, itemIndex: number): unknown {
	const raw = ctx.getNodeParameter('jsonBody', itemIndex, '{}') as unknown;
	if (typeof raw !== 'string') return raw;
	let parsed: unknown;
	let problem: string | undefined;
	try {
		parsed = raw.trim() ? JSON.parse(raw) : {};
	} catch (error) {
		problem = (error as Error).message;
	}
	if (problem) fail(ctx, itemIndex, `JSON Body is not valid JSON: ${problem}`);
	return parsed;
}

async function multipartFactory(ctx: IExecuteFunctions, itemIndex: number): Promise<() => FormData> {
	const fields =
		(
			ctx.getNodeParameter('multipartFields', itemIndex, {}) as {
				field?: Array<{ name: string; type: string; value: string; fileName?: string }>;
			}
		).field ?? [];
	const prepared: Array<{ name: string; text?: string; file?: { data: Buffer; fileName: string; mimeType: string } }> = [];
	const item = ctx.getInputData()[itemIndex];
	for (const field of fields) {
		if (!field.name) fail(ctx, itemIndex, 'Multipart Fields: every field needs a Name');
		if (field.type !== 'binary') {
			prepared.push({ name: field.name, text: field.value });
			continue;
		}
		const property = field.value || 'data';
		const meta = item.binary?.[property];
		if (!meta) fail(ctx, itemIndex, `Multipart Fields: the input item has no binary property "${property}"`);
		const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
		prepared.push({
			name: field.name,
			file: { data, fileName: field.fileName || meta.fileName || 'file', mimeType: meta.mimeType || 'application/octet-stream' },
		});
	}
	// A FormData can be sent once: the transport asks for a fresh one per attempt.
	return () => {
		const form = new FormData();
		for (const p of prepared) {
			if (p.file) form.append(p.name, new Blob([Uint8Array.from(p.file.data)], { type: p.file.mimeType }), p.file.fileName);
			else form.append(p.name, p.text ?? '');
		}
		return form;
	};
}

export async function buildRawRequest(ctx: IExecuteFunctions, itemIndex: number): Promise<NetSuiteRequest> {
	const service = ctx.getNodeParameter('service', itemIndex) as string;
	const method = ctx.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
	const qs: IDataObject = {};
	let path: string;
	if (service === 'restlet') {
		const script = String(ctx.getNodeParameter('scriptId', itemIndex, '')).trim();
		const deploy = String(ctx.getNodeParameter('deployId', itemIndex, '')).trim();
		if (!/^[A-Za-z0-9_]+$/.test(script))
			fail(ctx, itemIndex, `Script ID "${script}" is not a script ID (for example customscript_orders or 123)`);
		if (!/^[A-Za-z0-9_]+$/.test(deploy))
			fail(ctx, itemIndex, `Deployment ID "${deploy}" is not a deployment ID (for example customdeploy_orders or 1)`);
		path = RESTLET_PATH;
		qs.script = script;
		qs.deploy = deploy;
	} else {
		path = checkedPath(ctx, itemIndex, service);
	}
	if (ctx.getNodeParameter('sendQuery', itemIndex, false)) {
		for (const [name, value] of pairs(ctx, 'queryParameters', itemIndex)) {
			// The checked Script ID / Deployment ID decide which RESTlet runs: a query parameter may not replace them.
			if (service === 'restlet' && ['script', 'deploy'].includes(name.toLowerCase())) {
				fail(ctx, itemIndex, `Query Parameters may not set "${name}" for a RESTlet: use the Script ID and Deployment ID fields`);
			}
			qs[name] = value;
		}
	}
	const headers = headersOf(ctx, itemIndex);
	const request: NetSuiteRequest = { method, path, qs, headers, requestClass: rawRequestClass(method, path) };
	const responseFormat = ctx.getNodeParameter('responseFormat', itemIndex, 'json') as string;
	if (responseFormat === 'binary') {
		request.encoding = 'arraybuffer';
		request.json = false;
	} else if (responseFormat === 'text') {
		request.encoding = 'text';
		request.json = false;
	}
	if (ctx.getNodeParameter('sendBody', itemIndex, false)) {
		const bodyType = ctx.getNodeParameter('bodyType', itemIndex, 'json') as string;
		if (bodyType === 'json') {
			request.body = jsonBody(ctx, itemIndex);
			headers['Content-Type'] ??= 'application/json';
		} else if (bodyType === 'raw') {
			request.body = String(ctx.getNodeParameter('rawBody', itemIndex, ''));
			headers['Content-Type'] = String(ctx.getNodeParameter('rawContentType', itemIndex, 'text/plain'));
			request.json = false;
		} else if (bodyType === 'form') {
			request.body = new URLSearchParams(pairs(ctx, 'formFields', itemIndex)).toString();
			headers['Content-Type'] = 'application/x-www-form-urlencoded';
			request.json = false;
		} else {
			request.body = await multipartFactory(ctx, itemIndex);
			request.json = false;
		}
	}
	const timeout = Number((ctx.getNodeParameter('options', itemIndex, {}) as IDataObject).timeout ?? 60000);
	request.timeout = timeout > 0 ? timeout : 60000;
	return request;
}
