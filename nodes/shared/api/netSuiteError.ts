// NetSuite's error envelope turned into what an n8n user can act on: its own detail and code,
// plus a hint where NetSuite's words alone do not say what to do. Built from the response
// only, never from the request, so no header or token can leak into the error.
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

export interface HttpFailure {
	status?: number;
	/** Parsed response body, when there was one. */
	body?: unknown;
	headers?: Record<string, unknown>;
	/** Network error code (ECONNRESET, ETIMEDOUT, …) when there was no response. */
	code?: string;
	message?: string;
}

export interface NetSuiteErrorDetail {
	detail: string;
	errorCode?: string;
	errorPath?: string;
	errorQueryParam?: string;
}

type UnknownRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is UnknownRecord => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseBody(body: unknown): unknown {
	if (Buffer.isBuffer(body) || body instanceof ArrayBuffer) body = Buffer.from(body as Buffer).toString('utf8');
	if (typeof body === 'string') {
		try {
			return JSON.parse(body);
		} catch {
			return body;
		}
	}
	return body;
}

/**
 * Status, body and headers of a failed request, wherever n8n and axios put them. n8n 2.40
 * keeps axios's error (with `response`) on the error or its `cause`; n8n 2.8 wraps it in a
 * NodeApiError that keeps only `httpCode` and the parsed body in `context.data`.
 */
export function httpFailure(error: unknown): HttpFailure {
	const seen = new Set<unknown>();
	let current: unknown = error;
	let status: number | undefined;
	let code: string | undefined;
	let contextBody: unknown;
	while (isRecord(current) && !seen.has(current)) {
		seen.add(current);
		const response = current.response;
		if (isRecord(response) && (response.status !== undefined || response.statusCode !== undefined)) {
			// n8n's legacy request helper (all a credential test gets) keeps the body in `error`.
			return {
				status: Number(response.status ?? response.statusCode),
				body: parseBody(response.data ?? response.body ?? current.error),
				headers: isRecord(response.headers) ? response.headers : {},
			};
		}
		if (status === undefined && current.httpCode && /^\d{3}$/.test(String(current.httpCode))) status = Number(current.httpCode);
		if (contextBody === undefined && isRecord(current.context) && current.context.data !== undefined)
			contextBody = parseBody(current.context.data);
		if (!code && typeof current.code === 'string' && /^E[A-Z_]+$/.test(current.code)) code = current.code;
		current = current.cause;
	}
	const message = error instanceof Error ? error.message : undefined;
	if (status !== undefined) return { status, body: contextBody, headers: {} };
	return { status, code, message };
}

export function netSuiteErrorDetails(body: unknown): NetSuiteErrorDetail[] {
	if (!isRecord(body)) return [];
	const list = body['o:errorDetails'];
	if (Array.isArray(list)) {
		return list.filter(isRecord).map((d) => ({
			detail: String(d.detail ?? ''),
			errorCode: d['o:errorCode'] === undefined ? undefined : String(d['o:errorCode']),
			errorPath: d['o:errorPath'] === undefined ? undefined : String(d['o:errorPath']),
			errorQueryParam: d['o:errorQueryParam'] === undefined ? undefined : String(d['o:errorQueryParam']),
		}));
	}
	// RESTlets and the token endpoint answer in their own shapes.
	if (isRecord(body.error)) {
		return [{ detail: String(body.error.message ?? ''), errorCode: body.error.code === undefined ? undefined : String(body.error.code) }];
	}
	if (typeof body.error === 'string') {
		return [{ detail: String(body.error_description ?? body.error), errorCode: body.error }];
	}
	return [];
}

const ROLE_HINT =
	'The role of this credential lacks a permission: in NetSuite open Setup > Users/Roles > Manage Roles and give the role the permission for this record type (and REST Web Services; SuiteQL also needs SuiteAnalytics Workbook).';
const SUBSIDIARY_HINT = 'This is a OneWorld account: set Subsidiary (the internal id of the subsidiary, for example 1) on the record.';

export function netSuiteHint(status: number | undefined, details: NetSuiteErrorDetail[]): string | undefined {
	if (status === 403) return ROLE_HINT;
	if (details.some((d) => /subsidiar/i.test(`${d.detail} ${d.errorPath ?? ''}`))) return SUBSIDIARY_HINT;
	if (status === 429)
		return "NetSuite refused the request because the account is at its concurrency limit; lower the node's Parallel Requests option or spread the workflow's runs.";
	if (status === 401)
		return 'Check the credential: NetSuite does not say which part is wrong; its Login Audit Trail does (Setup > Users/Roles > User Management > View Login Audit Trail).';
	return undefined;
}

/** One line naming what failed, NetSuite's detail first. */
export function netSuiteErrorMessage(failure: HttpFailure): string {
	const details = netSuiteErrorDetails(failure.body);
	if (details.length) {
		return details.map((d) => (d.errorCode ? `${d.detail} [${d.errorCode}]` : d.detail)).join('; ');
	}
	if (failure.status) {
		const title = isRecord(failure.body) && typeof failure.body.title === 'string' ? `: ${failure.body.title}` : '';
		return `NetSuite answered HTTP ${failure.status}${title}`;
	}
	return `Could not reach NetSuite${failure.code ? ` (${failure.code})` : ''}`;
}

/** The httpCode n8n shows: the HTTP status, or the network error's code when there was no answer. */
export function failureCode(failure: HttpFailure): string {
	if (failure.status) return String(failure.status);
	return failure.code ?? 'NO_RESPONSE';
}

export function toNetSuiteApiError(node: INode, failure: HttpFailure, itemIndex?: number, note?: string): NodeApiError {
	const details = netSuiteErrorDetails(failure.body);
	const message = netSuiteErrorMessage(failure);
	const hint = netSuiteHint(failure.status, details);
	const code = details.find((d) => d.errorCode)?.errorCode;
	const path = details.find((d) => d.errorPath)?.errorPath;
	const description = [note ?? '', code ? `NetSuite error code: ${code}` : '', path ? `Field: ${path}` : '', hint ?? '']
		.filter(Boolean)
		.join('. ');
	const response: JsonObject = { status: failure.status ?? null, message, code: code ?? failure.code ?? null };
	if (isRecord(failure.body)) response.body = failure.body as JsonObject;
	const error = new NodeApiError(node, response, {
		message,
		description: description || undefined,
		httpCode: failureCode(failure),
		itemIndex,
	});
	if (isRecord(failure.body)) error.context.data = failure.body as JsonObject;
	// n8n's routing engine re-wraps an error that is not *its* NodeApiError (the package may
	// load another copy of n8n-workflow) and then keeps httpCode and the body only from an
	// axios-shaped `response` (n8n-core 2.8.4 and 2.40.3 routing-node.js: httpCode "none"
	// otherwise). Giving the error that shape keeps both on every n8n version.
	Object.assign(error, {
		isAxiosError: true,
		response: { status: failure.status ?? failureCode(failure), data: isRecord(failure.body) ? failure.body : {} },
	});
	return error;
}
