// The record types the package knows by name, each declared once: where SuiteQL keeps it
// (entities in their own table with `datecreated`; transactions in `transaction` by type code;
// items in `item` by item type code, both with `createddate`). The node's Item resource, the
// polling trigger's tables and the webhook trigger's catch-up all derive from this list; types
// not listed are looked up in the account's metadata catalog.
//
// Items: SuiteQL's `item` table holds every item type, and several REST record types share one
// `itemtype` code. Non-inventory, other charge and service items are split by the `subtype`
// column ('Sale', 'Purchase', 'Resale'); inventory and assembly items by `islotitem` and
// `isserialitem` ('T' / 'F'). Source: netsuitediagnostics.com "SuiteQL: Items" (SELECT DISTINCT
// itemtype, subtype FROM item: Sale / Purchase / Resale; lot-numbered and serialized items told
// apart by the lot / serial flags). The REST record IDs are Oracle's (Help Center pages of the
// REST API Browser's records: "Service Resale Item": serviceresaleitem, "Non-Inventory Purchase
// Item": noninventorypurchaseitem, "Lot Numbered Inventory Item": lotNumberedInventoryItem,
// "Serialized Assembly Item": serializedAssemblyItem, "Other Charge for Resale Item":
// otherChargeResaleItem, "Ship Item": shipitem, "Download Item": downloadItem, "Gift Certificate
// Item": giftCertificateItem). Assumed, not confirmed there: the column names islotitem and
// isserialitem and their 'T'/'F' values (as every SuiteQL boolean), the codes DwnLdItem, ShipItem,
// GiftCert, TaxItem, TaxGroup, EndGroup, and that the REST record service serves no tax item,
// tax group or group end line (REST supports no legacy tax features, and an end-of-group line is
// not a record of its own).

/** SuiteQL item columns beyond `itemtype` that pick one REST record type out of a code. */
export interface ItemColumns {
	subtype?: 'Sale' | 'Purchase' | 'Resale';
	islotitem?: 'T' | 'F';
	isserialitem?: 'T' | 'F';
}

type ItemKind = { item: string; where?: ItemColumns };
type Kind = { entity: string } | { transaction: string } | ItemKind;

const NOT_NUMBERED: ItemColumns = { islotitem: 'F', isserialitem: 'F' };
const LOT: ItemColumns = { islotitem: 'T' };
const SERIAL: ItemColumns = { isserialitem: 'T' };
const SALE: ItemColumns = { subtype: 'Sale' };
const PURCHASE: ItemColumns = { subtype: 'Purchase' };
const RESALE: ItemColumns = { subtype: 'Resale' };

export const RECORD_TYPES = {
	customer: { entity: 'customer' },
	contact: { entity: 'contact' },
	vendor: { entity: 'vendor' },
	employee: { entity: 'employee' },
	partner: { entity: 'partner' },
	subsidiary: { entity: 'subsidiary' },
	salesOrder: { transaction: 'SalesOrd' },
	invoice: { transaction: 'CustInvc' },
	itemFulfillment: { transaction: 'ItemShip' },
	cashSale: { transaction: 'CashSale' },
	creditMemo: { transaction: 'CustCred' },
	customerPayment: { transaction: 'CustPymt' },
	estimate: { transaction: 'Estimate' },
	purchaseOrder: { transaction: 'PurchOrd' },
	returnAuthorization: { transaction: 'RtnAuth' },
	vendorBill: { transaction: 'VendBill' },
	assemblyItem: { item: 'Assembly', where: NOT_NUMBERED },
	lotNumberedAssemblyItem: { item: 'Assembly', where: LOT },
	serializedAssemblyItem: { item: 'Assembly', where: SERIAL },
	descriptionItem: { item: 'Description' },
	discountItem: { item: 'Discount' },
	downloadItem: { item: 'DwnLdItem' },
	giftCertificateItem: { item: 'GiftCert' },
	itemGroup: { item: 'Group' },
	inventoryItem: { item: 'InvtPart', where: NOT_NUMBERED },
	lotNumberedInventoryItem: { item: 'InvtPart', where: LOT },
	serializedInventoryItem: { item: 'InvtPart', where: SERIAL },
	kitItem: { item: 'Kit' },
	markupItem: { item: 'Markup' },
	nonInventorySaleItem: { item: 'NonInvtPart', where: SALE },
	nonInventoryPurchaseItem: { item: 'NonInvtPart', where: PURCHASE },
	nonInventoryResaleItem: { item: 'NonInvtPart', where: RESALE },
	otherChargeSaleItem: { item: 'OthCharge', where: SALE },
	otherChargePurchaseItem: { item: 'OthCharge', where: PURCHASE },
	otherChargeResaleItem: { item: 'OthCharge', where: RESALE },
	paymentItem: { item: 'Payment' },
	serviceSaleItem: { item: 'Service', where: SALE },
	servicePurchaseItem: { item: 'Service', where: PURCHASE },
	serviceResaleItem: { item: 'Service', where: RESALE },
	shipItem: { item: 'ShipItem' },
	subtotalItem: { item: 'Subtotal' },
} satisfies Record<string, Kind>;

export type KnownRecordType = keyof typeof RECORD_TYPES;

const entries = Object.entries(RECORD_TYPES) as Array<[KnownRecordType, Kind]>;

/** Every known record type with its kind, for tables derived elsewhere. */
export function knownRecordTypes(): Array<[string, Kind]> {
	return entries;
}

/** Every item REST record type with the SuiteQL item columns that pick its rows. */
export const ITEM_RECORD_TYPES: Array<[string, ItemKind]> = entries.flatMap(([recordType, kind]) =>
	'item' in kind ? [[recordType, kind] as [string, ItemKind]] : [],
);

/** The SuiteQL columns of an item row that decide its REST record type. */
export const ITEM_TYPE_COLUMNS = ['itemtype', 'subtype', 'islotitem', 'isserialitem'] as const;

/** The conditions (column = value, all of them) that pick an item REST type's rows out of `item`. */
export function itemConditions(kind: ItemKind): Array<{ column: string; value: string }> {
	return [{ column: 'itemtype', value: kind.item }, ...Object.entries(kind.where ?? {}).map(([column, value]) => ({ column, value }))];
}

/** Item type codes NetSuite's item table holds that no REST record type serves (assumed, see above). */
const UNSERVED: Record<string, string> = {
	TaxItem: 'a tax code (item type TaxItem): the REST record service serves no tax items',
	TaxGroup: 'a tax group (item type TaxGroup): the REST record service serves no tax groups',
	EndGroup: 'the end line of an item group (item type EndGroup), not a record of its own',
};

export type ItemRecordType = { recordType: string; reason?: undefined } | { recordType?: undefined; reason: string };

/**
 * The REST record type of a SuiteQL item row (its itemtype, subtype, islotitem, isserialitem),
 * or why it has none: a code REST does not serve, one the package does not know, or a code
 * whose subtype / lot / serial columns match none of its REST types.
 */
export function itemRecordType(row: Partial<Record<(typeof ITEM_TYPE_COLUMNS)[number], unknown>>): ItemRecordType {
	const code = row.itemtype === undefined || row.itemtype === null ? '' : String(row.itemtype);
	if (UNSERVED[code]) return { reason: `Item is ${UNSERVED[code]}` };
	const ofCode = ITEM_RECORD_TYPES.filter(([, kind]) => kind.item === code);
	if (!ofCode.length) return { reason: `Item type ${code || '(empty)'} has no REST record type the package knows` };
	const value = (column: keyof ItemColumns) => (row[column] === undefined || row[column] === null ? '' : String(row[column]));
	const match = ofCode.find(([, kind]) =>
		Object.entries(kind.where ?? {}).every(([column, v]) => value(column as keyof ItemColumns) === v),
	);
	if (match) return { recordType: match[0] };
	const shown = (Object.keys(ofCode[0][1].where ?? {}) as Array<keyof ItemColumns>).map((c) => `${c} ${value(c) || '(empty)'}`).join(', ');
	return { reason: `Item type ${code} with ${shown} matches none of its REST record types (${ofCode.map(([t]) => t).join(', ')})` };
}
