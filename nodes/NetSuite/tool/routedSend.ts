// The transport's sender for a declarative operation: n8n's own makeRoutingRequest, handed the
// request the operation's routing declared with the transport's addressing and paging on top.
// n8n (RoutingNode.makeRequest) gives the pagination hook `makeRoutingRequest`, which sends
// with the node's credential and returns the response body as one item (no postReceive here).
import type { DeclarativeRestApiSettings, IExecutePaginationFunctions, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

export function sendThroughRouting(
	ctx: IExecutePaginationFunctions,
	declared: DeclarativeRestApiSettings.ResultOptions,
): (requestOptions: IHttpRequestOptions) => Promise<IN8nHttpFullResponse> {
	return async (requestOptions) => {
		// The declared options keep what n8n added (timeout, proxy, allowed domains); the
		// transport sets the host, the page and the body of this attempt.
		const options = {
			...declared.options,
			...requestOptions,
			headers: { ...declared.options.headers, ...requestOptions.headers },
		} as DeclarativeRestApiSettings.ResultOptions['options'];
		const [item] = await ctx.makeRoutingRequest({ ...declared, options });
		// makeRoutingRequest keeps only the body; SuiteQL needs nothing else of the response.
		return { statusCode: 200, headers: {}, body: item?.json };
	};
}
