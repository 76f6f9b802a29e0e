// Where SuiteQL keeps each record type and which columns hold its created and last-modified
// times. The names differ by record (entities: datecreated; items and transactions:
// createddate); types not listed here are looked up in the metadata catalog.
import type { IDataObject } from 'n8n-workflow';

export interface PollTable {
	table: string;
	/** Transactions and items share a table: the rows of this type. */
	where?: { column: string; value: string };
	created: string;
	modified: string;
}

const entity = (table: string): PollTable => ({ table, created: 'datecreated', modified: 'lastmodifieddate' });
const transaction = (type: string): PollTable => ({ table: 'transaction', where: { column: 'type', value: type }, created: 'createddate', modified: 'lastmodifieddate' });
const item = (itemtype?: string): PollTable => ({ table: 'item', where: itemtype ? { column: 'itemtype', value: itemtype } : undefined, created: 'createddate', modified: 'lastmodifieddate' });

export const POLL_TABLES: Record<string, PollTable> = {
	customer: entity('customer'),
	contact: entity('contact'),
	vendor: entity('vendor'),
	employee: entity('employee'),
	partner: entity('partner'),
	subsidiary: entity('subsidiary'),
	salesOrder: transaction('SalesOrd'),
	invoice: transaction('CustInvc'),
	itemFulfillment: transaction('ItemShip'),
	cashSale: transaction('CashSale'),
	creditMemo: transaction('CustCred'),
	customerPayment: transaction('CustPymt'),
	estimate: transaction('Estimate'),
	purchaseOrder: transaction('PurchOrd'),
	returnAuthorization: transaction('RtnAuth'),
	vendorBill: transaction('VendBill'),
	item: item(),
	inventoryItem: item('InvtPart'),
	nonInventorySaleItem: item('NonInvtPart'),
	serviceSaleItem: item('Service'),
	assemblyItem: item('Assembly'),
	kitItem: item('Kit'),
};

const CREATED = ['datecreated', 'createddate', 'created'];
const MODIFIED = ['lastmodifieddate', 'lastmodified'];

/** From a record type's JSON schema (metadata catalog), for types without a table entry. */
export function pollTableFromSchema(recordType: string, schema: IDataObject): PollTable | undefined {
	const fields = Object.keys((schema.properties ?? {}) as IDataObject).map((f) => f.toLowerCase());
	const created = CREATED.find((c) => fields.includes(c));
	const modified = MODIFIED.find((c) => fields.includes(c));
	if (!created || !modified) return undefined;
	return { table: recordType.toLowerCase(), created, modified };
}
