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
	type ITriggerFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { accountUrls, SUITEQL_PATH, testServerOf } from '../auth/account';
import { paced } from './accountPacing';
import { findCredentialInputError } from '../auth/credentialFields';
import { netSuiteCredentials, originOf, runTarget } from './runTarget';
import { httpFailure, toNetSuiteApiError, type HttpFailure } from './netSuiteError';
import { authFailure } from '../auth/authFailure';
import { htmlAnswerError } from './htmlAnswer';
import { backoffDelayMs, DEFAULT_RETRY, retryTiming, waitRefusal, type RetryPolicy } from './retry';
import { failureKind, shouldRetry, type RequestClass } from './retryPolicy';
import { waitBudget } from './waitBudget';

export type NetSuiteContext =
	IExecuteFunctions | IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions | ITriggerFunctions | IWebhookFunctions;

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
	/** Its row in the retry table (retryPolicy.ts); by default derived from method and path. */
	requestClass?: RequestClass;
}

export interface TransportOptions {
	retry?: Partial<RetryPolicy>;
	itemIndex?: number;
	/** Return the error response as a result instead of throwing. */
	neverError?: boolean;
	/** Called before each retry (for progress and the debug output). */
	onRetry?: (attempt: number, delayMs: number, status: number | undefined) => void;
	/** Error answers the caller reads itself (returned, not thrown), e.g. IDEMPOTENCY_ERROR. */
	accept?: (failure: HttpFailure) => boolean;
	/** The answer is read as text (Raw Request's Text format): an HTML page is then an answer, not an error. */
	textAnswer?: boolean;
	/**
	 * Sends one attempt in place of n8n's request helper: the declarative node's pagination hook
	 * passes n8n's own `makeRoutingRequest`, so the request its routing declares is the one sent
	 * while addressing, retries and NetSuite's errors stay here.
	 */
	send?: (requestOptions: IHttpRequestOptions) => Promise<IN8nHttpFullResponse>;
}

/** Tests lower this; NetSuite's own limit for a request is longer, but an item must not hang. */
export const transportTuning = { timeoutMs: 300_000 };

/** The row of the retry table a request falls in when the caller does not say. */
export function defaultRequestClass(request: Pick<NetSuiteRequest, 'method' | 'path'>): RequestClass {
	const method = request.method.toUpperCase();
	if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return 'readGet';
	if (method === 'POST' && request.path === SUITEQL_PATH) return 'suiteQl';
	if (method === 'PUT' || method === 'DELETE' || method === 'PATCH') return 'write';
	// Any other POST may create something and carries no key: only a refusal is retried.
	return 'rawPostPatch';
}

const UNKNOWN_OUTCOME = new Set(['serverError', 'connectionReset', 'timeout', 'lostAnswer']);

export interface NetSuiteResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, unknown>;
	body: T;
	/** Requests sent, retries included. */
	attempts: number;
}

export { netSuiteCredentials };

/** The origin a path is sent to, from the credential's account (or its base URL override). */
export function originFor(credentials: ICredentialDataDecryptedObject, path: string): string {
	return originOf(accountUrls(credentials.accountId, testServerOf(credentials)), path);
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
	const requestClass = request.requestClass ?? defaultRequestClass(request);
	const budget = waitBudget(this, options.itemIndex);
	let credentialType: string;
	let origin: string;
	try {
		const target = await runTarget(this);
		credentialType = target.type;
		origin = originOf(target.urls, request.path);
	} catch (error) {
		return inputError(this, error, options.itemIndex);
	}
	let outcomeUnknown = false;
	for (let attempt = 1; ; attempt++) {
		const body = typeof request.body === 'function' ? (request.body as () => unknown)() : request.body;
		// Every request opens its own TCP (and, against NetSuite, TLS) connection, and a node
		// cannot change that. n8n-core 2.40's httpRequest hands the options to
		// @n8n/backend-network (http/axios/request.js), whose setAxiosAgents calls
		// buildNodeAgents (http/node-agents.js): a `new http.Agent` and `new https.Agent` for each
		// request, built from IHttpRequestOptions.agentOptions. `agentOptions: { keepAlive: true }`
		// only keeps the socket in that throw-away agent's pool, so nothing is reused; an agent
		// object cannot be passed in, and the community rules forbid importing node:http/https to
		// send outside n8n's helpers. The bench counts one connection per request for the node and
		// for n8n's floor node alike, against about 10 for a keep-alive fetch loop.
		const requestOptions: IHttpRequestOptions = {
			method: request.method,
			baseURL: origin,
			url: request.path,
			qs: request.qs,
			headers: { Accept: 'application/json', ...request.headers },
			body: body as IHttpRequestOptions['body'],
			json: request.json ?? true,
			encoding: request.encoding,
			timeout: request.timeout ?? transportTuning.timeoutMs,
			returnFullResponse: true,
			ignoreHttpStatusErrors: false,
		};
		try {
			// Paced per account: after a 429 this process sends less for a while (accountPacing.ts).
			const response = await paced(origin, async () =>
				options.send
					? await options.send(requestOptions)
					: ((await this.helpers.httpRequestWithAuthentication.call(this, credentialType, requestOptions)) as IN8nHttpFullResponse),
			);
			if (!options.textAnswer) {
				const html = htmlAnswerError(() => this.getNode(), response, options.itemIndex);
				if (html) throw html;
			}
			return {
				statusCode: response.statusCode,
				headers: response.headers as Record<string, unknown>,
				body: response.body as T,
				attempts: attempt,
			};
		} catch (error) {
			if (findCredentialInputError(error)) inputError(this, error, options.itemIndex);
			const auth = authFailure(this.getNode(), error, options.itemIndex);
			if (auth) throw auth;
			// n8n's own refusals (no credential set, …) are not NetSuite's answers: never retried.
			if (error instanceof NodeOperationError) throw new NodeOperationError(this.getNode(), error, { itemIndex: options.itemIndex });
			const failure = httpFailure(error);
			// A DELETE whose first answer was lost finds nothing the second time: it was done.
			if (outcomeUnknown && failure.status === 404 && request.method.toUpperCase() === 'DELETE') {
				return { statusCode: 204, headers: failure.headers ?? {}, body: undefined as T, attempts: attempt };
			}
			if (options.accept?.(failure)) {
				return { statusCode: failure.status ?? 0, headers: failure.headers ?? {}, body: failure.body as T, attempts: attempt };
			}
			const retriesLeft = attempt <= policy.maxRetries || (policy.throttledUntilBudget && failureKind(failure) === 'throttled');
			if (retriesLeft && shouldRetry(requestClass, failure, policy.retryAll)) {
				const delay = backoffDelayMs(attempt, policy, failure);
				const refusal = waitRefusal(delay, budget.waitedMs, failure, policy);
				if (refusal) throw toNetSuiteApiError(this.getNode(), failure, options.itemIndex, refusal);
				outcomeUnknown ||= UNKNOWN_OUTCOME.has(failureKind(failure) ?? '');
				options.onRetry?.(attempt, delay, failure.status);
				budget.waitedMs += delay;
				await retryTiming.sleep(delay);
				continue;
			}
			if (options.neverError && failure.status !== undefined) {
				return { statusCode: failure.status, headers: failure.headers ?? {}, body: failure.body as T, attempts: attempt };
			}
			throw toNetSuiteApiError(this.getNode(), failure, options.itemIndex, notRetriedNote(requestClass, failure, attempt));
		}
	}
}

/** Says why a transient failure was not retried, so the user knows whether the write may have happened. */
function notRetriedNote(requestClass: RequestClass, failure: HttpFailure, attempt: number): string | undefined {
	const kind = failureKind(failure);
	if (!kind || kind === 'throttled' || shouldRetry(requestClass, failure))
		return attempt > 1 ? `Gave up after ${attempt} attempts` : undefined;
	return 'NetSuite may have applied this request before it failed, so it was not sent again (a second one could apply it twice): check the record before running it again';
}
