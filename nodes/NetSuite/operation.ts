// What one operation of the NetSuite node is, and how n8n runs it.
//
// An operation declares its request in routing (method, URL template, static headers, query and
// body), and n8n's routing engine builds that request for each item: the operation's preSend
// hooks check the inputs (each error names the field) and complete the request (the URL
// template's {recordType}/{id} segments, the body, the query). n8n then calls the pagination
// hook with the finished request (n8n-core RoutingNode.makeRequest: preSend first, then
// `requestOperations.pagination` in place of sending). The hook hands exactly that request to
// the operation's `run`, which sends it, and any follow-up it needs (the next page, the create's
// job, the full record), through the shared transport with n8n's own makeRoutingRequest as the
// sender (send.ts): the request sent is the declared one, while addressing, retries and
// NetSuite's errors stay in the transport.
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyRouting,
} from 'n8n-workflow';

import { withSharedLimiter } from '../shared/api/limiter';
import type { NetSuiteRequest, TransportOptions } from '../shared/api/transport';
import { batchSizeOf, runKey } from './batchSize';
import { keepWholeResponse, sendThroughRouting } from './send';
import { capForTool } from './tool/toolCall';

export type PreSend = (this: IExecuteSingleFunctions, request: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

/** Sends the declared request (and its follow-ups) with `transport` and shapes the output items. */
export type Run = (
	this: IExecutePaginationFunctions,
	request: NetSuiteRequest,
	transport: TransportOptions,
) => Promise<INodeExecutionData[]>;

export interface Operation {
	value: string;
	name: string;
	action: string;
	description: string;
	/** What an AI model reads about the operation (shown on the tool variant only). */
	toolDescription?: string;
	/** Writes size Batch Size Auto from the account's limit; reads stay at the safe default. */
	writes: boolean;
	request: { method: IHttpRequestMethods; url: string; headers?: IDataObject; qs?: IDataObject; body?: IDataObject };
	preSend?: PreSend[];
	run: Run;
	/** The operation's inputs; the resource adds the displayOptions that show them. */
	fields: INodeProperties[];
	/** How a model can narrow a tool answer that was cut; `false`: the operation bounds itself. */
	narrowing?: string | false;
	/** True when the items of a run gather into shared requests (Batch Jobs): they wait outside the per-item limit. */
	gathers?: (ctx: IExecuteSingleFunctions) => boolean;
}

/** One declaration of a resource: its record type (when fixed) and its operations. */
export interface Resource {
	value: string;
	name: string;
	/** The NetSuite record type every operation of the resource works on. */
	recordType?: string;
	/** "a customer" / "customers": the words its operations use. */
	singular: string;
	plural: string;
	/** Added to the tool description of Get (e.g. " with its lines"). */
	toolHint?: string;
	operations: Array<(resource: Resource) => Operation>;
	defaultOperation: string;
}

/** "customer" for "a customer": the resource's noun without its article. */
export const nounOf = (resource: Resource): string => resource.singular.replace(/^an? /, '');

export const NARROW_LIST =
	'Narrow it: filter the list (q, e.g. lastModifiedDate ON_OR_AFTER "1/1/2024"), or run SuiteQL with a WHERE clause.';

/** n8n's request for this item as the transport sends it. */
function declaredRequest(requestData: DeclarativeRestApiSettings.ResultOptions): NetSuiteRequest {
	const { method, url, qs, body, headers } = requestData.options;
	const hasBody = body !== undefined && !(typeof body === 'object' && body !== null && Object.keys(body).length === 0);
	const hasQuery = qs !== undefined && Object.keys(qs).length > 0;
	return {
		method: (method ?? 'GET') as IHttpRequestMethods,
		path: url ?? '',
		qs: hasQuery ? (qs as IDataObject) : undefined,
		headers: headers as IDataObject | undefined,
		body: hasBody ? body : undefined,
	};
}

export function routingOf(operation: Operation): INodePropertyRouting {
	return {
		request: { ...operation.request },
		send: { paginate: true, preSend: operation.preSend ?? [] },
		// makeRoutingRequest answers through postReceive: keep status and headers (Location) too.
		output: { postReceive: [keepWholeResponse] },
		operations: {
			async pagination(this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions) {
				const transport: TransportOptions = { itemIndex: this.getItemIndex(), send: sendThroughRouting(this, requestData) };
				const request = declaredRequest(requestData);
				// Only bulk writes are worth a governance lookup; reads stay at the safe default.
				const run = async () => await operation.run.call(this, request, transport);
				const size = await batchSizeOf(this, operation.writes ? 'account' : 'safe');
				const items = operation.gathers?.(this) ? await run() : await withSharedLimiter(runKey(this), size, run);
				return operation.narrowing === false ? items : capForTool(this, items, operation.narrowing ?? NARROW_LIST);
			},
		},
	};
}
