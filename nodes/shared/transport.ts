// The one transport every NetSuite node uses: a request is addressed (host from the
// credential's account), signed (by the credential, through n8n), retried and its error
// mapped here, and nowhere else.
import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type IPollFunctions,
} from 'n8n-workflow';

import { accountUrls, RESTLET_PATH } from './account';
import { paced } from './accountPacing';
import { credentialTypeFor } from './authentication';
import { findCredentialInputError } from './credentialFields';
import { nodeParameter } from './parameters';
import { httpFailure, toNetSuiteApiError } from './netSuiteError';
import { backoffDelayMs, DEFAULT_RETRY, isRetryable, retryTiming, type RetryPolicy } from './retry';

export type NetSuiteContext = IExecuteFunctions | IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface NetSuiteRequest {
	method: IHttpRequestMethods;
	/** Absolute path on the account's host, e.g. /services/rest/record/v1/customer/42. */
	path: string;
	qs?: IDataObject;
	headers?: IDataObject;
	/** Sent as JSON unless `json: false`. A function builds a fresh body per attempt (streams, forms). */
	body?: unknown | (() => unknown);
	json?: boolean;
	encoding?: IHttpRequestOptions['encoding'];
	timeout?: number;
	/** False for creates without an idempotency key: only a 429 is retried then. */
	idempotent?: boolean;
}

export interface TransportOptions {
	retry?: Partial<RetryPolicy>;
	itemIndex?: number;
	/** Return the error response as a result instead of throwing. */
	neverError?: boolean;
	/** Called before each retry (for progress and the debug output). */
	onRetry?: (attempt: number, delayMs: number, status: number | undefined) => void;
}

export interface NetSuiteResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, unknown>;
	body: T;
	/** Requests sent, retries included. */
	attempts: number;
}

export async function netSuiteCredentials(
	ctx: NetSuiteContext,
): Promise<{ type: string; data: ICredentialDataDecryptedObject }> {
	const type = credentialTypeFor(nodeParameter(ctx, 'authentication', 'clientCredentials'));
	return { type, data: await ctx.getCredentials(type) };
}

/** The origin a path is sent to, from the credential's account (or its base URL override). */
export function originFor(credentials: ICredentialDataDecryptedObject, path: string): string {
	const urls = accountUrls(credentials.accountId, credentials.baseUrlOverride);
	return path.startsWith(RESTLET_PATH) ? urls.restlets : urls.rest;
}

/** A credential input problem becomes a plain message naming the field; anything else passes. */
function inputError(ctx: NetSuiteContext, error: unknown, itemIndex?: number): never {
	const inputProblem = findCredentialInputError(error);
	if (inputProblem) throw new NodeOperationError(ctx.getNode(), inputProblem.message, { itemIndex });
	throw error;
}

export async function netSuiteRequest<T = unknown>(
	this: NetSuiteContext,
	request: NetSuiteRequest,
	options: TransportOptions = {},
): Promise<NetSuiteResponse<T>> {
	const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
	const idempotent = request.idempotent ?? request.method !== 'POST';
	let credentialType: string;
	let origin: string;
	try {
		const credentials = await netSuiteCredentials(this);
		credentialType = credentials.type;
		origin = originFor(credentials.data, request.path);
	} catch (error) {
		return inputError(this, error, options.itemIndex);
	}
	for (let attempt = 1; ; attempt++) {
		const body = typeof request.body === 'function' ? (request.body as () => unknown)() : request.body;
		const requestOptions: IHttpRequestOptions = {
			method: request.method,
			baseURL: origin,
			url: request.path,
			qs: request.qs,
			headers: { Accept: 'application/json', ...request.headers },
			body: body as IHttpRequestOptions['body'],
			json: request.json ?? true,
			encoding: request.encoding,
			timeout: request.timeout,
			returnFullResponse: true,
			ignoreHttpStatusErrors: false,
		};
		try {
			const response = (await paced(origin, async () => await this.helpers.httpRequestWithAuthentication.call(
				this,
				credentialType,
				requestOptions,
			))) as IN8nHttpFullResponse;
			return {
				statusCode: response.statusCode,
				headers: response.headers as Record<string, unknown>,
				body: response.body as T,
				attempts: attempt,
			};
		} catch (error) {
			if (findCredentialInputError(error)) inputError(this, error, options.itemIndex);
			const failure = httpFailure(error);
			if (attempt <= policy.maxRetries && isRetryable(failure, policy, idempotent)) {
				const delay = backoffDelayMs(attempt, policy, failure);
				options.onRetry?.(attempt, delay, failure.status);
				await retryTiming.sleep(delay);
				continue;
			}
			if (options.neverError && failure.status !== undefined) {
				return { statusCode: failure.status, headers: failure.headers ?? {}, body: failure.body as T, attempts: attempt };
			}
			throw toNetSuiteApiError(this.getNode(), failure, options.itemIndex);
		}
	}
}
