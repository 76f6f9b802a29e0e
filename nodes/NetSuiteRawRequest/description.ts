// Raw Request inputs, as data.
import type { INodeProperties } from 'n8n-workflow';

const when = (show: Record<string, Array<string | boolean>>) => ({ show });
const nameValue = (name: string, displayName: string, placeholder: string): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder,
	default: {},
	options: [
		{
			displayName: 'Parameter',
			name: 'parameter',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
});

export const rawRequestProperties: INodeProperties[] = [
	{
		displayName: 'Service',
		name: 'service',
		type: 'options',
		default: 'record',
		options: [
			{ name: 'Record (/Services/rest/record/v1)', value: 'record' },
			{ name: 'Query (/Services/rest/query/v1)', value: 'query' },
			{ name: 'RESTlet', value: 'restlet', description: 'A deployed RESTlet, by script and deployment ID' },
			{ name: 'Other Path on the Account', value: 'other', description: 'Any path on the account\'s REST host, such as /services/rest/system/v1/…' },
		],
		description: 'The host always comes from the credential; only the path is yours',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: '/customer/42',
		description: 'Path after the service base, for example /customer/42 or /suiteql',
		displayOptions: when({ service: ['record', 'query'] }),
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '/services/rest/',
		required: true,
		placeholder: '/services/rest/system/v1/governanceLimits',
		description: 'Absolute path on the account\'s REST host (starts with /services/ or /app/)',
		displayOptions: when({ service: ['other'] }),
	},
	{ displayName: 'Script ID', name: 'scriptId', type: 'string', default: '', required: true, placeholder: 'customscript_my_restlet or 123', displayOptions: when({ service: ['restlet'] }) },
	{ displayName: 'Deployment ID', name: 'deployId', type: 'string', default: '1', required: true, placeholder: 'customdeploy_my_restlet or 1', displayOptions: when({ service: ['restlet'] }) },
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		default: 'GET',
		options: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'].map((m) => ({ name: m, value: m })),
	},
	{ displayName: 'Send Query Parameters', name: 'sendQuery', type: 'boolean', default: false },
	{ ...nameValue('queryParameters', 'Query Parameters', 'Add Parameter'), displayOptions: when({ sendQuery: [true] }) },
	{ displayName: 'Send Headers', name: 'sendHeaders', type: 'boolean', default: false },
	{ ...nameValue('headerParameters', 'Headers', 'Add Header'), displayOptions: when({ sendHeaders: [true] }) },
	{ displayName: 'Send Body', name: 'sendBody', type: 'boolean', default: false },
	{
		displayName: 'Body Content Type',
		name: 'bodyType',
		type: 'options',
		default: 'json',
		displayOptions: when({ sendBody: [true] }),
		options: [
			{ name: 'Form Urlencoded', value: 'form' },
			{ name: 'JSON', value: 'json' },
			{ name: 'Multipart Form Data', value: 'multipart' },
			{ name: 'Raw Text', value: 'raw' },
		],
	},
	{ displayName: 'JSON Body', name: 'jsonBody', type: 'json', default: '{}', displayOptions: when({ sendBody: [true], bodyType: ['json'] }) },
	{ displayName: 'Body', name: 'rawBody', type: 'string', typeOptions: { rows: 4 }, default: '', displayOptions: when({ sendBody: [true], bodyType: ['raw'] }) },
	{ displayName: 'Content Type', name: 'rawContentType', type: 'string', default: 'text/plain', displayOptions: when({ sendBody: [true], bodyType: ['raw'] }) },
	{ ...nameValue('formFields', 'Form Fields', 'Add Field'), displayOptions: when({ sendBody: [true], bodyType: ['form'] }) },
	{
		displayName: 'Multipart Fields',
		name: 'multipartFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		displayOptions: when({ sendBody: [true], bodyType: ['multipart'] }),
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						default: 'text',
						options: [
							{ name: 'Text', value: 'text' },
							{ name: 'File (Binary Property)', value: 'binary' },
						],
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Text value, or for files the name of the input item\'s binary property (for example data)' },
					{ displayName: 'File Name', name: 'fileName', type: 'string', default: '', description: 'File name to send (default: the binary data\'s own name)' },
				],
			},
		],
	},
	{
		displayName: 'Response Format',
		name: 'responseFormat',
		type: 'options',
		default: 'json',
		options: [
			{ name: 'JSON', value: 'json' },
			{ name: 'Text', value: 'text' },
			{ name: 'File (Binary)', value: 'binary' },
		],
	},
	{ displayName: 'Put Output File in Field', name: 'binaryPropertyName', type: 'string', default: 'data', displayOptions: when({ responseFormat: ['binary'] }) },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Debug: Include Request', name: 'debug', type: 'boolean', default: false, description: 'Whether to add the request as sent (secrets redacted) to the output' },
			{ displayName: 'Exponential Backoff', name: 'exponentialBackoff', type: 'boolean', default: true, description: 'Whether each retry waits twice as long as the one before (with jitter)' },
			{ displayName: 'Full Response', name: 'fullResponse', type: 'boolean', default: false, description: 'Whether to return status code and headers along with the body' },
			{ displayName: 'Max Retries', name: 'maxRetries', type: 'number', typeOptions: { minValue: 0, maxValue: 10 }, default: 3, description: 'Retries after a 429, and for GET / PUT / DELETE also after a 5xx, a reset or a timeout. POST and PATCH are retried only after a 429: NetSuite may have applied them.' },
			{ displayName: 'Never Error', name: 'neverError', type: 'boolean', default: false, description: 'Whether to return non-2xx answers as items instead of failing' },
			{ displayName: 'Retry Delay (Ms)', name: 'retryDelayMs', type: 'number', typeOptions: { minValue: 0 }, default: 1000, description: 'Wait before the first retry; NetSuite\'s Retry-After wins when it sends one' },
			{ displayName: 'Retry on All Errors', name: 'retryOnAllErrors', type: 'boolean', default: false, description: 'Whether to retry 4xx answers too (NetSuite refused them, so nothing was applied)' },
			{ displayName: 'Timeout (Ms)', name: 'timeout', type: 'number', typeOptions: { minValue: 1 }, default: 60000 },
		],
	},
];
