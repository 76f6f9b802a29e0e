// The record types the emulator knows, described once: the REST record service, the
// metadata catalog and the SuiteQL tables are all derived from this table.

export type FieldKind = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'ref' | 'enum';

export interface FieldDef {
	/** REST name (camelCase as NetSuite's REST API spells it); the SuiteQL column is its lower case. */
	name: string;
	kind: FieldKind;
	/** For refs: the REST record type it points to. */
	ref?: string;
	required?: boolean;
	/** Set by NetSuite, refused in writes. */
	readOnly?: boolean;
	/** For enums: value -> display name. */
	values?: Record<string, string>;
	title?: string;
}

export interface SublistDef {
	name: string;
	table: string;
	/** Column pointing at the parent record. */
	parentColumn: string;
	fields: FieldDef[];
}

export interface RecordTypeDef {
	/** REST name, e.g. salesOrder. */
	name: string;
	table: string;
	/**
	 * For transaction-backed types, the SuiteQL `type` value ('SalesOrd'); for items, `itemtype`,
	 * and in `also` the further columns that split one code into several REST types (subtype
	 * 'Resale' for serviceResaleItem; islotitem 'T' for lotNumberedInventoryItem), as NetSuite's
	 * item table does (see nodes/shared/api/recordTypes.ts). A row is of the type only when every
	 * column matches: a GET under another type answers 404, as NetSuite does.
	 */
	discriminator?: { column: string; value: string; also?: Record<string, string> };
	fields: FieldDef[];
	sublists: SublistDef[];
	created: string;
	modified: string;
	/** Field shown as refName in references. */
	display: string;
	/** Fields that must be present on create (beyond FieldDef.required), as alternatives. */
	requireOneOf?: string[][];
}

const f = (name: string, kind: FieldKind, extra: Partial<FieldDef> = {}): FieldDef => ({ name, kind, ...extra });

// A few of a default account's customer statuses (Setup > Sales > Customer Statuses), by internal ID.
const ENTITY_STATUS = { '13': 'CUSTOMER-Closed Won', '15': 'CUSTOMER-Renewal', '16': 'CUSTOMER-Lost Customer' };
const SHIP_STATUS = { A: 'Picked', B: 'Packed', C: 'Shipped' };
const STATUS = { A: 'Pending Approval', B: 'Pending Fulfillment', C: 'Cancelled', F: 'Pending Billing', G: 'Billed' };

const itemLines: SublistDef = {
	name: 'item',
	table: 'transactionline',
	parentColumn: 'transaction',
	fields: [
		f('line', 'integer', { readOnly: true }),
		f('item', 'ref', { ref: 'inventoryItem', required: true }),
		f('quantity', 'number'),
		f('rate', 'number'),
		f('amount', 'number'),
		f('description', 'string'),
		f('custcol_note', 'string', { title: 'Line Note' }),
		f('isTaxable', 'boolean'),
	],
};

const transactionFields = (extra: FieldDef[] = []): FieldDef[] => [
	f('id', 'integer', { readOnly: true }),
	f('tranId', 'string'),
	f('entity', 'ref', { ref: 'customer', required: true }),
	f('tranDate', 'date'),
	f('status', 'enum', { values: STATUS }),
	f('memo', 'string'),
	f('subsidiary', 'ref', { ref: 'subsidiary' }),
	f('externalId', 'string'),
	f('createdDate', 'datetime', { readOnly: true }),
	f('lastModifiedDate', 'datetime', { readOnly: true }),
	f('custbody_channel', 'string', { title: 'Sales Channel' }),
	// Sales order fields of Oracle's record browser (otherrefnum "PO/Check Number", shipmethod
	// "Ship Via", a shipping item, shippingcost); the emulator keeps them on every transaction.
	f('otherRefNum', 'string'),
	f('shipMethod', 'ref', { ref: 'inventoryItem' }),
	f('shippingCost', 'number'),
	...extra,
];

/** A transaction record type: a row of the transaction table by its type code, with item lines. */
const transactionType = (name: string, code: string, extra: FieldDef[] = []): RecordTypeDef => ({
	name,
	table: 'transaction',
	discriminator: { column: 'type', value: code },
	fields: transactionFields(extra),
	sublists: [itemLines],
	created: 'createddate',
	modified: 'lastmodifieddate',
	display: 'tranid',
});

const itemFields = (): FieldDef[] => [
	f('id', 'integer', { readOnly: true }),
	f('itemId', 'string', { required: true }),
	f('displayName', 'string'),
	f('basePrice', 'number'),
	f('externalId', 'string'),
	f('isInactive', 'boolean'),
	f('createdDate', 'datetime', { readOnly: true }),
	f('lastModifiedDate', 'datetime', { readOnly: true }),
	f('custitem_color', 'string', { title: 'Color' }),
];

/** An item record type: a row of the item table by its itemtype code and the columns that split it. */
const itemType = (name: string, code: string, also?: Record<string, string>): RecordTypeDef => ({
	name,
	table: 'item',
	discriminator: { column: 'itemtype', value: code, ...(also && { also }) },
	fields: itemFields(),
	sublists: [],
	created: 'createddate',
	modified: 'lastmodifieddate',
	display: 'itemid',
});

export const RECORD_TYPES: RecordTypeDef[] = [
	{
		name: 'subsidiary',
		table: 'subsidiary',
		fields: [
			f('id', 'integer', { readOnly: true }),
			f('name', 'string', { required: true }),
			f('isInactive', 'boolean'),
			f('externalId', 'string'),
			f('dateCreated', 'datetime', { readOnly: true }),
			f('lastModifiedDate', 'datetime', { readOnly: true }),
		],
		sublists: [],
		created: 'datecreated',
		modified: 'lastmodifieddate',
		display: 'name',
	},
	{
		name: 'customer',
		table: 'customer',
		fields: [
			f('id', 'integer', { readOnly: true }),
			f('entityId', 'string'),
			f('companyName', 'string'),
			f('firstName', 'string'),
			f('lastName', 'string'),
			f('isPerson', 'boolean'),
			f('email', 'string'),
			f('phone', 'string'),
			f('subsidiary', 'ref', { ref: 'subsidiary', required: true }),
			f('entityStatus', 'enum', { values: ENTITY_STATUS }),
			f('externalId', 'string'),
			f('isInactive', 'boolean'),
			f('comments', 'string'),
			f('dateCreated', 'datetime', { readOnly: true }),
			f('lastModifiedDate', 'datetime', { readOnly: true }),
			f('custentity_segment', 'string', { title: 'Segment' }),
		],
		sublists: [],
		created: 'datecreated',
		modified: 'lastmodifieddate',
		display: 'companyname',
		requireOneOf: [['companyName'], ['firstName', 'lastName']],
	},
	{
		name: 'contact',
		table: 'contact',
		fields: [
			f('id', 'integer', { readOnly: true }),
			f('entityId', 'string'),
			f('firstName', 'string', { required: true }),
			f('lastName', 'string'),
			f('email', 'string'),
			f('company', 'ref', { ref: 'customer' }),
			f('externalId', 'string'),
			f('dateCreated', 'datetime', { readOnly: true }),
			f('lastModifiedDate', 'datetime', { readOnly: true }),
		],
		sublists: [],
		created: 'datecreated',
		modified: 'lastmodifieddate',
		display: 'entityid',
	},
	itemType('inventoryItem', 'InvtPart', { islotitem: 'F', isserialitem: 'F' }),
	itemType('lotNumberedInventoryItem', 'InvtPart', { islotitem: 'T' }),
	itemType('nonInventorySaleItem', 'NonInvtPart', { subtype: 'Sale' }),
	itemType('nonInventoryPurchaseItem', 'NonInvtPart', { subtype: 'Purchase' }),
	itemType('serviceResaleItem', 'Service', { subtype: 'Resale' }),
	itemType('shipItem', 'ShipItem'),
	transactionType('salesOrder', 'SalesOrd'),
	transactionType('invoice', 'CustInvc', [f('createdFrom', 'ref', { ref: 'salesOrder' })]),
	// shipStatus as NetSuite's Records Browser lists it for itemFulfillment: A Picked, B Packed, C Shipped.
	transactionType('itemFulfillment', 'ItemShip', [
		f('createdFrom', 'ref', { ref: 'salesOrder' }),
		f('shipStatus', 'enum', { values: SHIP_STATUS }),
	]),
	transactionType('estimate', 'Estimate'),
	transactionType('purchaseOrder', 'PurchOrd'),
	transactionType('itemReceipt', 'ItemRcpt', [f('createdFrom', 'ref', { ref: 'purchaseOrder' })]),
	{
		name: 'customrecord_demo_project',
		table: 'customrecord_demo_project',
		fields: [
			f('id', 'integer', { readOnly: true }),
			f('name', 'string', { required: true }),
			f('externalId', 'string'),
			f('custrecord_budget', 'number', { title: 'Budget' }),
			f('custrecord_customer', 'ref', { ref: 'customer', title: 'Customer' }),
			f('created', 'datetime', { readOnly: true }),
			f('lastModified', 'datetime', { readOnly: true }),
		],
		sublists: [],
		created: 'created',
		modified: 'lastmodified',
		display: 'name',
	},
];

/** NetSuite accepts record type names case-insensitively in REST paths. */
export function recordType(name: string): RecordTypeDef | undefined {
	const lower = name.toLowerCase();
	return RECORD_TYPES.find((t) => t.name.toLowerCase() === lower);
}

export const column = (field: FieldDef | string) => (typeof field === 'string' ? field : field.name).toLowerCase();

export const isCustomField = (name: string) => /^cust(entity|body|item|col|record)_/i.test(name);
