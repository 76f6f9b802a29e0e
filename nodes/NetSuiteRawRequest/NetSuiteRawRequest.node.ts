import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type JsonObject,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { authenticationProperty, netSuiteCredentials } from '../shared/auth/authentication';
import { credentialTest } from '../shared/auth/connectionTest';
import { netSuiteCredentials as credentialsOf, netSuiteRequest, originFor } from '../shared/api/transport';
import { rawRequestProperties } from './description';
import { buildRawRequest, maxRetriesOption, retryDelayOption } from './request';
import { debugRequest, toOutputItem } from './response';

/**
 * The transport's error already leads with NetSuite's detail and code, and must reach the user
 * so. Two things in n8n would replace it with n8n's generic text for the status ("Bad request -
 * please check your parameters"): a NodeApiError built again from it without a `message`
 * (n8n-workflow's constructor then calls setDefaultStatusCodeMessage; only 2.40's hands its own
 * class back unchanged, and the copy a package loads may be another), and n8n-core's
 * `normalizeUnhandledAxiosError` (execution-engine/workflow-execute.js, 2.40.3), which rebuilds
 * any error a node throws that says `isAxiosError`. The transport gives its errors that axios
 * shape for the routing engine of the declarative node (netSuiteError.ts); this programmatic
 * node needs none of it, so the flag is taken off and the error thrown as it is.
 */
function forItem(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeOperationError) return new NodeOperationError(ctx.getNode(), error, { itemIndex });
	if (error instanceof Error && error.name === 'NodeApiError' && 'context' in error) {
		const context = (error as { context: IDataObject }).context;
		if (context.itemIndex === undefined) context.itemIndex = itemIndex;
		delete (error as { isAxiosError?: boolean }).isAxiosError;
		return error;
	}
	return new NodeApiError(ctx.getNode(), error as JsonObject, { itemIndex });
}

export class NetSuiteRawRequest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NetSuite Raw Request',
		name: 'netSuiteRawRequest',
		icon: { light: 'file:../../icons/netsuite.svg', dark: 'file:../../icons/netsuite.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["method"] + " " + ($parameter["service"] === "restlet" ? "RESTlet " + $parameter["scriptId"] : $parameter["path"]) }}',
		description: 'Call any NetSuite REST path, SuiteQL or RESTlet, signed by your NetSuite credential',
		defaults: { name: 'NetSuite Raw Request' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: netSuiteCredentials,
		properties: [authenticationProperty, ...rawRequestProperties],
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
				const request = await buildRawRequest(this, itemIndex);
				const responseFormat = this.getNodeParameter('responseFormat', itemIndex, 'json') as string;
				const response = await netSuiteRequest.call(this, request, {
					itemIndex,
					neverError: options.neverError === true,
					textAnswer: responseFormat !== 'json',
					retry: {
						maxRetries: maxRetriesOption(this, itemIndex, options),
						baseDelayMs: retryDelayOption(this, itemIndex, options),
						exponential: options.exponentialBackoff !== false,
						jitter: options.exponentialBackoff !== false,
						retryAll: options.retryOnAllErrors === true,
						// The user's Max Retries counts every retry, 429s included.
						throttledUntilBudget: false,
					},
				});
				const debug = options.debug
					? debugRequest(originFor((await credentialsOf(this)).data, request.path), request, response.attempts)
					: undefined;
				output.push(
					await toOutputItem(this, itemIndex, response, {
						format: responseFormat,
						binaryProperty: this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string,
						fullResponse: options.fullResponse === true,
						debug,
					}),
				);
			} catch (error) {
				if (!this.continueOnFail()) throw forItem(this, error, itemIndex);
				output.push({ json: { error: (error as Error).message }, error: error as never, pairedItem: { item: itemIndex } });
			}
		}
		return [output];
	}
}
