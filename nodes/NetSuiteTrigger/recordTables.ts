// Where SuiteQL keeps each record type, which columns hold its created and last-modified
// times, and how DeletedRecord names it. The names differ by record (entities: datecreated;
// items and transactions: createddate); types not listed here are looked up in the metadata
// catalog.
import type { IDataObject } from 'n8n-workflow';

import { ITEM_RECORD_TYPES } from '../NetSuite/runners/items';

export interface PollTable {
	table: string;
	/** Transactions and items share a table: the rows of this type. */
	where?: { column: string; value: string };
	created: string;
	modified: string;
	/**
	 * A table holding several REST record types (the whole item table): the column whose code
	 * names each row's type, and the REST record type of each code. The SuiteQL table `item`
	 * is not a REST record type: a full record is fetched under its row's own type.
	 */
	typeColumn?: { column: string; restTypes: Record<string, string> };
}

const entity = (table: string): PollTable => ({ table, created: 'datecreated', modified: 'lastmodifieddate' });
const transaction = (type: string): PollTable => ({ table: 'transaction', where: { column: 'type', value: type }, created: 'createddate', modified: 'lastmodifieddate' });
const itemOf = (restType: string): PollTable => {
	const code = Object.entries(ITEM_RECORD_TYPES).find(([, rest]) => rest === restType)![0];
	return { table: 'item', where: { column: 'itemtype', value: code }, created: 'createddate', modified: 'lastmodifieddate' };
};

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
	item: { table: 'item', created: 'createddate', modified: 'lastmodifieddate', typeColumn: { column: 'itemtype', restTypes: ITEM_RECORD_TYPES } },
	...Object.fromEntries(Object.values(ITEM_RECORD_TYPES).map((restType) => [restType, itemOf(restType)])),
};

/** The table entry for a record type, matched as NetSuite matches type names: ignoring case. */
export function knownPollTable(recordType: string): PollTable | undefined {
	const wanted = recordType.toLowerCase();
	return Object.entries(POLL_TABLES).find(([name]) => name.toLowerCase() === wanted)?.[1];
}

/**
 * DeletedRecord.type values for a Record Type: NetSuite logs a delete under the record type's
 * id in lower case ('customer', 'salesorder', 'inventoryitem') (verify against an account).
 * The whole item table covers every item type.
 */
export function deletedTypesOf(recordType: string, table: PollTable): string[] {
	if (table.typeColumn) return Object.values(table.typeColumn.restTypes).map((t) => t.toLowerCase());
	return [recordType.toLowerCase()];
}

// Schema field names lower-cased are the SuiteQL column names (dateCreated → datecreated;
// custom records: created, lastModified → lastmodified).
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
