// The transport's sender inside an operation: n8n's own makeRoutingRequest. n8n
// (RoutingNode.makeRequest) gives the pagination hook `makeRoutingRequest`, which sends with the
// node's credential (httpRequestWithAuthentication) and answers through the operation's
// postReceive hooks; keepWholeResponse makes that answer the whole response, because a write's
// outcome is in its status and Location header, not only its body.
import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

/** postReceive: one item holding status, headers and body, for the transport to read. */
export async function keepWholeResponse(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return [{ json: { statusCode: response.statusCode, headers: response.headers, body: response.body } as never }];
}

export function sendThroughRouting(
	ctx: IExecutePaginationFunctions,
	declared: DeclarativeRestApiSettings.ResultOptions,
): (requestOptions: IHttpRequestOptions) => Promise<IN8nHttpFullResponse> {
	return async (requestOptions) => {
		// What n8n added to the declared request (allowed domains, proxy, certificate checks) is
		// kept on every request; the transport sets method, host, path, query, headers and body.
		const options = { ...declared.options, ...requestOptions } as DeclarativeRestApiSettings.ResultOptions['options'];
		const [item] = await ctx.makeRoutingRequest({ ...declared, options });
		return item.json as unknown as IN8nHttpFullResponse;
	};
}
