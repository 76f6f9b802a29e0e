// Which record types NetSuite's REST API transforms into which, after Oracle's help page
// "Transforming Records" (REST Web Services). Assumed where the page is unclear: the pairs it
// lists in its table are the ones kept here; an account may allow more (features, SuiteScript),
// so the node also takes a target by ID and leaves the final word to NetSuite.
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
