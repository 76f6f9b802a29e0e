// The Options collections: what a read returns, and how a write runs and answers.
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export const getOptions: INodeProperties[] = [
	{
		displayName: 'Expand Sub-Resources',
		name: 'expandSubResources',
		type: 'boolean',
		default: false,
		description: 'Whether to include sublist lines and subrecords',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'string',
		default: '',
		placeholder: 'companyName,email',
		description: 'Comma-separated field IDs to return (empty = all)',
	},
	{
		displayName: 'Simple Enum Format',
		name: 'simpleEnumFormat',
		type: 'boolean',
		default: false,
		description:
			'Whether to return enum (select) fields, such as a status, as their plain ID ("B") instead of {ID, name}. References to other records (customer, subsidiary, …) keep {ID, refName}.',
	},
];

// Shown as "Parallel Requests": NetSuite's own "batch" is a request of up to 100 records (Batch
// Operations), which this is not. The internal name stays batchSize, so saved workflows keep theirs.
export const batchSizeOption: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 50 },
	default: 0,
	description:
		"How many requests of this node run at once. 0 = Auto: the account's concurrency limit when the role may read it, else 3. NetSuite's limit is shared by every integration of the account; over it NetSuite answers 429 and the node waits and retries.",
};

const PAGES_AUTO =
	"0 = Auto: the account's concurrency limit when the role may read it, else 3; 1 = one page at a time. NetSuite's limit is shared by every integration of the account, so leave room for the others; over it NetSuite answers 429 and the node waits and retries.";

/** The same option on a read that pages by offset: how many pages are read at once. */
export const pagesOption: INodeProperties = {
	...batchSizeOption,
	description: `How many pages of the read are fetched at once (rows still come out in order). ${PAGES_AUTO} Without this option: one page at a time.`,
};

export const optionsCollection = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options,
});

export const getOptionsField = optionsCollection(getOptions);

export const DELIVERY_DIRECT = 'oneRequestPerRecord';
export const DELIVERY_ASYNC = 'exactlyOnceAsyncJob';
export const DELIVERY_BATCH = 'netSuiteBatchJobs';

// How a write reaches NetSuite. Absent (every workflow saved before it existed) means One
// Request per Record, the default; README "Writes" has the trade-off and its sources.
const directDelivery: INodePropertyOptions = {
	name: 'One Request per Record',
	value: DELIVERY_DIRECT,
	description:
		'One synchronous request per record, the fastest. If an answer is lost, a record with an External ID is looked up and never made twice; without one the item fails saying the record may exist.',
};

const asyncDelivery: INodePropertyOptions = {
	name: 'Exactly Once (Async Job)',
	value: DELIVERY_ASYNC,
	description:
		"Sent as a NetSuite async job with an idempotency key that Retry On Fail reuses: never a duplicate, even without an External ID. Four requests per record, and each job waits for the account's async processors.",
};

const batchDelivery: INodePropertyOptions = {
	name: 'NetSuite Batch Jobs',
	value: DELIVERY_BATCH,
	description:
		"Up to 100 records per NetSuite batch request, each batch one async job with an idempotency key that Retry On Fail reuses. Each record's result goes to its own item. With an External ID on every record, a few requests per 100 records; jobs wait for the account's async processors.",
};

export const deliveryOption: INodeProperties = {
	displayName: 'Delivery',
	name: 'delivery',
	type: 'options',
	default: DELIVERY_DIRECT,
	options: [directDelivery, asyncDelivery, batchDelivery],
	description: 'How each record is sent to NetSuite, and what holds when an answer is lost',
};

/** Updates, upserts and deletes settle as once by themselves: one request each, or NetSuite's batches. */
export const writeDeliveryOption: INodeProperties = {
	...deliveryOption,
	options: [
		{
			...directDelivery,
			description: 'One synchronous request per record. Sending it again sets the same state, so a lost answer is simply retried.',
		},
		{
			...batchDelivery,
			description:
				"Up to 100 records per NetSuite batch request, each batch one async job with an idempotency key that Retry On Fail reuses. Each record's result goes to its own item. Not with Replace Sublists or Replace Selected Fields.",
		},
	],
};

export const writeOptionsField = (withReplace: boolean, creates = false, batches = false): INodeProperties =>
	optionsCollection([
		batchSizeOption,
		...(creates ? [deliveryOption] : batches ? [writeDeliveryOption] : []),
		{
			displayName: 'Return Full Record',
			name: 'returnFullRecord',
			type: 'boolean',
			default: false,
			description: 'Whether to output the whole record as NetSuite has it after the write (one more GET per item) instead of only its ID',
		},
		...(withReplace
			? ([
					{
						displayName: 'Replace Sublists',
						name: 'replace',
						type: 'string',
						default: '',
						placeholder: 'item,addressBook',
						description: 'Sublists whose lines the body replaces (otherwise lines are added)',
					},
					{
						displayName: 'Replace Selected Fields',
						name: 'replaceSelectedFields',
						type: 'boolean',
						default: false,
						description: 'Whether fields named in Replace Sublists and missing from the body are cleared',
					},
				] as INodeProperties[])
			: []),
	]);

export const listOptionsField = optionsCollection([
	{
		displayName: 'Fetch Full Records',
		name: 'fullRecords',
		type: 'boolean',
		default: false,
		description: 'Whether to get each listed record in full (one request per record) instead of only its ID',
	},
	{
		...batchSizeOption,
		description: `How many pages of IDs, and with Fetch Full Records how many records, are fetched at once (the order stays). ${PAGES_AUTO} Without this option: one page at a time, and full records at Auto.`,
	},
	...getOptions,
]);
