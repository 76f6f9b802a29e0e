// Which record types NetSuite's REST API transforms into which. Oracle's help page "Transforming
// Records" (REST Web Services) lists no pairs itself: it says REST offers every transformation
// SuiteScript does and points to "Supported Transformation Types" (record.transform). Assumed:
// the common pairs of that list, by REST record type ID, are kept here for the Target Type list;
// an account may allow others (features, custom forms), so a target can also be typed by ID and
// NetSuite has the final word (a refused pair fails naming it, run.ts).
export const TRANSFORM_PAIRS: Readonly<Record<string, readonly string[]>> = {
	customer: ['salesOrder', 'estimate', 'invoice', 'cashSale'],
	estimate: ['salesOrder', 'invoice', 'cashSale'],
	invoice: ['creditMemo', 'customerPayment'],
	purchaseOrder: ['itemReceipt', 'vendorBill'],
	returnAuthorization: ['creditMemo', 'itemReceipt', 'cashRefund'],
	salesOrder: ['invoice', 'cashSale', 'itemFulfillment', 'returnAuthorization'],
	vendorBill: ['vendorPayment', 'vendorCredit'],
};

/** The documented targets of a source type (none for a type the table does not know). */
export function transformTargetsOf(sourceType: string): readonly string[] {
	return TRANSFORM_PAIRS[sourceType] ?? [];
}
