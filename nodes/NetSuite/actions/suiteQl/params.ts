// SuiteQL inputs shared by the operations that run queries.
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

/** The Parameters list (fixedCollection) as NetSuite's `params` array, in order. */
export function parseSuiteQlParams(raw: unknown): string[] {
	const list = (raw as { values?: Array<{ value?: unknown }> } | undefined)?.values ?? [];
	return list.map(({ value }) => (value === undefined || value === null ? '' : String(value)));
}

/** Routing preSend: the Parameters list goes into the declared body as `params`. */
export async function sendSuiteQlParams(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const params = parseSuiteQlParams(this.getNodeParameter('parameters', {}));
	if (params.length) requestOptions.body = { ...(requestOptions.body as IDataObject), params };
	return requestOptions;
}
