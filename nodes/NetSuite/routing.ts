// Declarative routing with one seam: n8n builds each request from the operation's
// description (method, url, qs, body), then hands it to a runner that sends it through the
// shared transport (host, signing, retries, NetSuite errors) and shapes the output.
// The hook is routing.operations.pagination as a function, which n8n calls in place of
// sending the request itself.
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodePropertyRouting,
} from 'n8n-workflow';

import { autoConcurrency, SAFE_CONCURRENCY } from '../shared/api/concurrency';
import { withSharedLimiter } from '../shared/api/limiter';
import type { NetSuiteRequest } from '../shared/api/transport';
import { capForTool } from './tool/toolCall';

export type Runner = (
	this: IExecutePaginationFunctions,
	request: NetSuiteRequest,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/**
 * A write in two steps: read and check every input of the item, then send. The first step runs
 * before the item asks for a slot, so a bad input fails with its own error and sends nothing, not
 * even the governance lookup that sizes Batch Size Auto.
 */
export type Write = (this: IExecutePaginationFunctions) => () => Promise<INodeExecutionData[]>;

function requestFrom(requestData: DeclarativeRestApiSettings.ResultOptions): NetSuiteRequest {
	const { method, url, qs, body, headers } = requestData.options;
	const hasBody = body !== undefined && !(typeof body === 'object' && body !== null && Object.keys(body).length === 0);
	return {
		method: (method ?? 'GET') as IHttpRequestMethods,
		path: url ?? '',
		qs: qs as IDataObject | undefined,
		headers: headers as IDataObject | undefined,
		body: hasBody ? body : undefined,
	};
}

const NARROW_LIST = 'Narrow it: filter the list (q, e.g. lastModifiedDate ON_OR_AFTER "1/1/2024"), or run SuiteQL with a WHERE clause.';

/** Items of one run in flight at once: the operation's Batch Size, or Auto (0 / unset). */
async function concurrencyOf(ctx: IExecutePaginationFunctions, key: string, isWrite: boolean): Promise<number> {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const batchSize = Number(options.batchSize);
	if (Number.isInteger(batchSize) && batchSize > 0) return batchSize;
	// Only bulk writes are worth a governance lookup; reads stay at the safe default.
	return isWrite ? await autoConcurrency(ctx, key) : SAFE_CONCURRENCY;
}

/** An operation that writes: its inputs are checked before any request (see Write). */
export function writeRouting(method: IHttpRequestMethods, url: string, prepare: Write, extra: INodePropertyRouting = {}): INodePropertyRouting {
	return routed(method, url, { prepare }, extra);
}

export function netSuiteRouting(method: IHttpRequestMethods, url: string, run: Runner, extra: INodePropertyRouting = {}): INodePropertyRouting {
	return routed(method, url, { run }, extra);
}

function routed(method: IHttpRequestMethods, url: string, step: { run: Runner } | { prepare: Write }, extra: INodePropertyRouting): INodePropertyRouting {
	return {
		...extra,
		request: { method, url, ...extra.request },
		send: { paginate: true, ...extra.send },
		operations: {
			async pagination(this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions) {
				const key = `${this.getExecutionId()}:${this.getNode().id}`;
				const send = 'prepare' in step ? step.prepare.call(this) : async () => await step.run.call(this, requestFrom(requestData), requestData);
				const size = await concurrencyOf(this, key, 'prepare' in step);
				const items = await withSharedLimiter(key, size, send);
				// A model cannot narrow the list of record type names, and each row is one short name.
				if (this.getNodeParameter('operation', '') === 'listRecordTypes') return items;
				return capForTool(this, items, NARROW_LIST);
			},
		},
	};
}
