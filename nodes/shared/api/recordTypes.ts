// The record types the package knows by name, each declared once: where SuiteQL keeps it
// (entities in their own table with `datecreated`; transactions in `transaction` by type code;
// items in `item` by item type code, both with `createddate`). The node's Item resource, the
// polling trigger's tables and the webhook trigger's catch-up all derive from this list; types
// not listed are looked up in the account's metadata catalog.

type Kind = { entity: string } | { transaction: string } | { item: string };

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
	assemblyItem: { item: 'Assembly' },
	descriptionItem: { item: 'Description' },
	discountItem: { item: 'Discount' },
	giftCertificateItem: { item: 'GiftCert' },
	itemGroup: { item: 'Group' },
	inventoryItem: { item: 'InvtPart' },
	kitItem: { item: 'Kit' },
	markupItem: { item: 'Markup' },
	nonInventorySaleItem: { item: 'NonInvtPart' },
	otherChargeSaleItem: { item: 'OthCharge' },
	paymentItem: { item: 'Payment' },
	serviceSaleItem: { item: 'Service' },
	subtotalItem: { item: 'Subtotal' },
} satisfies Record<string, Kind>;

export type KnownRecordType = keyof typeof RECORD_TYPES;

const entries = Object.entries(RECORD_TYPES) as Array<[KnownRecordType, Kind]>;

/** SuiteQL item.itemtype code -> REST record type (the item table holds every item type). */
export const ITEM_RECORD_TYPES: Record<string, string> = Object.fromEntries(
	entries.flatMap(([recordType, kind]) => ('item' in kind ? [[kind.item, recordType]] : [])),
);

/** Every known record type with its kind, for tables derived elsewhere. */
export function knownRecordTypes(): Array<[string, Kind]> {
	return entries;
}
