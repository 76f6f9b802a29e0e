// One item row, one answer: the REST record type of every item type SuiteQL's item table holds
// (nodes/shared/api/recordTypes.ts), or why it has none.
import { itemRecordType } from '../../nodes/shared/api/recordTypes';
import { deletedTypesOf, knownPollTable } from '../../nodes/NetSuiteTrigger/recordTables';

describe('itemRecordType: an item row (itemtype, subtype, islotitem, isserialitem) to its REST record type', () => {
	const plain = { islotitem: 'F', isserialitem: 'F' };
	it.each([
		[{ itemtype: 'InvtPart', ...plain }, 'inventoryItem'],
		[{ itemtype: 'InvtPart', islotitem: 'T', isserialitem: 'F' }, 'lotNumberedInventoryItem'],
		[{ itemtype: 'InvtPart', islotitem: 'F', isserialitem: 'T' }, 'serializedInventoryItem'],
		[{ itemtype: 'Assembly', ...plain }, 'assemblyItem'],
		[{ itemtype: 'Assembly', islotitem: 'T', isserialitem: 'F' }, 'lotNumberedAssemblyItem'],
		[{ itemtype: 'Assembly', islotitem: 'F', isserialitem: 'T' }, 'serializedAssemblyItem'],
		[{ itemtype: 'NonInvtPart', subtype: 'Sale' }, 'nonInventorySaleItem'],
		[{ itemtype: 'NonInvtPart', subtype: 'Purchase' }, 'nonInventoryPurchaseItem'],
		[{ itemtype: 'NonInvtPart', subtype: 'Resale' }, 'nonInventoryResaleItem'],
		[{ itemtype: 'OthCharge', subtype: 'Sale' }, 'otherChargeSaleItem'],
		[{ itemtype: 'OthCharge', subtype: 'Purchase' }, 'otherChargePurchaseItem'],
		[{ itemtype: 'OthCharge', subtype: 'Resale' }, 'otherChargeResaleItem'],
		[{ itemtype: 'Service', subtype: 'Sale' }, 'serviceSaleItem'],
		[{ itemtype: 'Service', subtype: 'Purchase' }, 'servicePurchaseItem'],
		[{ itemtype: 'Service', subtype: 'Resale' }, 'serviceResaleItem'],
		[{ itemtype: 'DwnLdItem' }, 'downloadItem'],
		[{ itemtype: 'ShipItem' }, 'shipItem'],
		[{ itemtype: 'GiftCert' }, 'giftCertificateItem'],
		[{ itemtype: 'Kit' }, 'kitItem'],
		[{ itemtype: 'Group' }, 'itemGroup'],
		[{ itemtype: 'Discount' }, 'discountItem'],
		[{ itemtype: 'Markup' }, 'markupItem'],
		[{ itemtype: 'Payment' }, 'paymentItem'],
		[{ itemtype: 'Subtotal' }, 'subtotalItem'],
		[{ itemtype: 'Description' }, 'descriptionItem'],
	])('%j is a %s', (row, recordType) => {
		expect(itemRecordType(row)).toEqual({ recordType });
	});

	it.each([
		[{ itemtype: 'TaxItem' }, /tax code.*serves no tax items/],
		[{ itemtype: 'TaxGroup' }, /tax group/],
		[{ itemtype: 'EndGroup' }, /end line of an item group/],
		[{ itemtype: 'SomethingNew' }, /SomethingNew has no REST record type/],
		[{ itemtype: null }, /\(empty\) has no REST record type/],
		[
			{ itemtype: 'Service', subtype: null },
			/Service with subtype \(empty\) matches none of its REST record types \(serviceSaleItem, servicePurchaseItem, serviceResaleItem\)/,
		],
		[{ itemtype: 'InvtPart' }, /InvtPart with islotitem \(empty\), isserialitem \(empty\)/],
	])('%j has none: %s', (row, reason) => {
		const found = itemRecordType(row);
		expect(found.recordType).toBeUndefined();
		expect(found.reason).toMatch(reason);
	});

	it('per-type polling carries every condition, and DeletedRecord names the type itself', () => {
		expect(knownPollTable('serviceResaleItem')?.where).toEqual([
			{ column: 'itemtype', value: 'Service' },
			{ column: 'subtype', value: 'Resale' },
		]);
		expect(knownPollTable('inventoryitem')?.where).toEqual([
			{ column: 'itemtype', value: 'InvtPart' },
			{ column: 'islotitem', value: 'F' },
			{ column: 'isserialitem', value: 'F' },
		]);
		expect(deletedTypesOf('serviceResaleItem', knownPollTable('serviceResaleItem')!)).toEqual(['serviceresaleitem']);
		expect(deletedTypesOf('item', knownPollTable('item')!)).toEqual(
			expect.arrayContaining(['serviceresaleitem', 'lotnumberedinventoryitem', 'serializedassemblyitem', 'shipitem', 'downloaditem']),
		);
	});
});
