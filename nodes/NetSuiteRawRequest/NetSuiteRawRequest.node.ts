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
import { netSuiteCredentials as credentialsOf, netSuiteRequest, originFor } from '../shared/api/transport';
import { rawRequestProperties } from './description';
import { buildRawRequest, maxRetriesOption, retryDelayOption } from './request';
import { debugRequest, toOutputItem } from './response';

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
				if (!this.continueOnFail()) {
					// Both constructors hand back an error of their own type unchanged.
					if (error instanceof NodeOperationError) throw new NodeOperationError(this.getNode(), error, { itemIndex });
					throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
				}
				output.push({ json: { error: (error as Error).message }, error: error as never, pairedItem: { item: itemIndex } });
			}
		}
		return [output];
	}
}
