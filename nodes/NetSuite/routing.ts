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

import { autoConcurrency, SAFE_CONCURRENCY } from '../shared/concurrency';
import { withSharedLimiter } from '../shared/limiter';
import type { NetSuiteRequest } from '../shared/transport';
import { capForTool } from './tool/toolCall';

export type Runner = (
	this: IExecutePaginationFunctions,
	request: NetSuiteRequest,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;


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

const WRITES = new Set(['create', 'update', 'upsert', 'delete', 'addLine']);

/** Items of one run in flight at once: the operation's Batch Size, or Auto (0 / unset). */
async function concurrencyOf(ctx: IExecutePaginationFunctions, key: string): Promise<number> {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const batchSize = Number(options.batchSize);
	if (Number.isInteger(batchSize) && batchSize > 0) return batchSize;
	// Only bulk writes are worth a governance lookup; reads stay at the safe default.
	const operation = ctx.getNodeParameter('operation', '') as string;
	return WRITES.has(operation) ? await autoConcurrency(ctx, key) : SAFE_CONCURRENCY;
}

export function netSuiteRouting(method: IHttpRequestMethods, url: string, run: Runner, extra: INodePropertyRouting = {}): INodePropertyRouting {
	return {
		...extra,
		request: { method, url, ...extra.request },
		send: { paginate: true, ...extra.send },
		operations: {
			async pagination(this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions) {
				const key = `${this.getExecutionId()}:${this.getNode().id}`;
				const size = await concurrencyOf(this, key);
				const items = await withSharedLimiter(key, size, async () => await run.call(this, requestFrom(requestData), requestData));
				// A model cannot narrow the list of record type names, and each row is one short name.
				if (this.getNodeParameter('operation', '') === 'listRecordTypes') return items;
				return capForTool(this, items, NARROW_LIST);
			},
		},
	};
}
