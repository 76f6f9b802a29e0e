// What a model reads about each operation when the node runs as a tool. n8n describes a tool by
// its `toolDescription` parameter, else by "<action> in NetSuite" (n8n-workflow
// NodeHelpers.getToolDescriptionForNode), and the editor names a new tool node after the action
// too: so actions stay short, and the long text lives here, shown only on the tool variant
// ('@tool') where the author can read and edit it. A node type that declares `toolDescription`
// gets no "Set Automatically / Manually" switch from n8n (tool-generation/ai-tools.js).
import type { INodeProperties } from 'n8n-workflow';

const ID = 'The ID is the internal ID (digits, e.g. 42) or eid: followed by the external ID (e.g. eid:CRM-1001).';
const RECORD = 'Dates come back as ISO 8601 UTC, references as {id, refName}.';
const Q =
	'Optional filter in NetSuite\'s q syntax: field OPERATOR value joined by AND / OR, operators such as IS, ANY_OF [1, 2], START_WITH, CONTAIN, GREATER, ON_OR_AFTER; dates as "1/31/2024". Answers internal IDs; use Get or SuiteQL for fields.';
const BODY = 'Give the fields as a JSON object of field IDs (Get Record Metadata lists them); references as {"id": "1"}; a OneWorld account needs subsidiary.';
const CUT = 'At most 100 rows per call; a final note says when there were more.';

const TOOL_DESCRIPTIONS: Record<string, Record<string, string>> = {
	suiteQl: {
		run: `Run one SuiteQL query in NetSuite. SuiteQL is Oracle-style SQL (SELECT only) over NetSuite's tables: transaction (id, tranid, type such as 'CustInvc' invoice, 'SalesOrd' sales order, 'CashSale', 'ItemShip'; entity = customer id, trandate, duedate, status, foreigntotal), transactionline (transaction, item, quantity, rate, amount), customer (id, entityid, companyname, email), item (id, itemid, displayname). BUILTIN.DF(column) gives the display name of a reference. Dates follow the user's format: show them with TO_CHAR(d, 'YYYY-MM-DD'), compare with TO_DATE('2024-01-31', 'YYYY-MM-DD'). Every value comes back as a string. Prefer WHERE and aggregates (SUM, COUNT, GROUP BY) to reading many rows. ${CUT}`,
	},
	record: {
		get: `Get one NetSuite record of any type (customer, salesOrder, invoice, customrecord_*). ${ID} ${RECORD}`,
		list: `List NetSuite records of a type. ${Q} ${CUT}`,
		create: `Create a NetSuite record of any type and answer its new internal ID. ${BODY}`,
		update: `Change fields of a NetSuite record (fields left out stay as they are). ${ID} ${BODY}`,
		upsert: `Create a NetSuite record with this external ID, or update the one that has it. ${BODY}`,
		delete: `Delete a NetSuite record. ${ID}`,
	},
	customer: {
		get: `Get one NetSuite customer. ${ID} ${RECORD}`,
		list: `List NetSuite customers. ${Q} ${CUT}`,
	},
	salesOrder: {
		get: `Get one NetSuite sales order with its lines. ${ID} ${RECORD}`,
		list: `List NetSuite sales orders. ${Q} ${CUT}`,
	},
	invoice: {
		get: `Get one NetSuite invoice with its lines. ${ID} ${RECORD}`,
		list: `List NetSuite invoices. ${Q} ${CUT}`,
	},
	metadata: {
		listRecordTypes: 'List the record type IDs of this NetSuite account: standard types such as customer, salesOrder, invoice, item, and custom record types (customrecord_*).',
		getRecordMetadata:
			'Get the fields of a NetSuite record type: field IDs, labels, types, which are required, custom fields (custbody_*, custentity_*) and sublists. Use it before Create or Update, and to learn column names.',
	},
};

export const toolDescriptionFields: INodeProperties[] = Object.entries(TOOL_DESCRIPTIONS).flatMap(([resource, operations]) =>
	Object.entries(operations).map(
		([operation, text]): INodeProperties => ({
			displayName: 'Tool Description',
			name: 'toolDescription',
			type: 'string',
			typeOptions: { rows: 4 },
			default: text,
			description: 'What the AI model reads about this tool: what it does in NetSuite and how to fill its inputs',
			displayOptions: { show: { '@tool': [true], resource: [resource], operation: [operation] } },
		}),
	),
);
