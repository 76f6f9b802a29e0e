// Seed data: a small OneWorld company, plus as many generated customers as a benchmark needs.
import type { Db } from './db';

export function seed(db: Db, extraCustomers: number): void {
	const now = db.now();
	db.sql.exec('BEGIN');
	db.run(
		`INSERT INTO subsidiary (id, name, datecreated, lastmodifieddate) VALUES (1, 'Parent Company', ?, ?), (2, 'Honeycomb Mfg. Europe', ?, ?)`,
		[now, now, now, now],
	);
	const customers: Array<[string, string, number, string]> = [
		['Acme Corporation', 'ap@acme.example', 1, 'retail'],
		['Globex Inc', 'billing@globex.example', 1, 'wholesale'],
		['Initech LLC', 'accounts@initech.example', 2, 'retail'],
		['Umbrella Corp', 'finance@umbrella.example', 1, 'enterprise'],
		['Stark Industries', 'ap@stark.example', 2, 'enterprise'],
		['Wayne Enterprises', 'billing@wayne.example', 1, 'enterprise'],
		['Hooli', 'ap@hooli.example', 1, 'retail'],
		['Vandelay Industries', 'import@vandelay.example', 2, 'wholesale'],
		['Soylent Green Co', 'ap@soylent.example', 1, 'retail'],
		['Tyrell Corporation', 'ap@tyrell.example', 2, 'enterprise'],
	];
	customers.forEach(([name, email, subsidiary, segment], i) =>
		db.run(
			`INSERT INTO customer (id, entityid, companyname, email, phone, subsidiary, externalid, datecreated, lastmodifieddate, custentity_segment)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			[i + 1, `CUST${100 + i}`, name, email, `555-010${i}`, subsidiary, `CRM-${1000 + i}`, now, now, segment],
		),
	);
	// [itemid, name, itemtype, subtype, islotitem, price]: several REST types share a code (see
	// nodes/shared/api/recordTypes.ts); the subtype and lot / serial columns tell them apart.
	const items: Array<[string, string, string, string | null, 'T' | 'F', number]> = [
		['WIDGET-01', 'Blue Widget', 'InvtPart', null, 'F', 9.5],
		['WIDGET-02', 'Red Widget', 'InvtPart', null, 'F', 11],
		['GADGET-01', 'Gadget Pro', 'InvtPart', null, 'F', 129],
		['SVC-INSTALL', 'Installation Service', 'NonInvtPart', 'Sale', 'F', 75],
		['SVC-SUPPORT', 'Support Plan', 'NonInvtPart', 'Sale', 'F', 240],
		['SVC-RESALE', 'Contracted Repair', 'Service', 'Resale', 'F', 180],
		['OFFICE-PAPER', 'Office Paper', 'NonInvtPart', 'Purchase', 'F', 6],
		['LOT-RESIN', 'Resin (lot tracked)', 'InvtPart', null, 'T', 42],
		['SHIP-GROUND', 'Ground Shipping', 'ShipItem', null, 'F', 8],
	];
	items.forEach(([itemId, name, type, subtype, lot, price], i) =>
		db.run(
			`INSERT INTO item (id, itemid, displayname, itemtype, subtype, islotitem, baseprice, createddate, lastmodifieddate, custitem_color) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			[i + 1, itemId, name, type, subtype, lot, price, now, now, i < 2 ? (i === 0 ? 'blue' : 'red') : null],
		),
	);
	const tx = (id: number, tranid: string, type: string, entity: number, status: string, createdfrom: number | null) =>
		db.run(
			`INSERT INTO "transaction" (id, tranid, type, entity, trandate, status, subsidiary, createdfrom, createddate, lastmodifieddate, custbody_channel) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, 'web')`,
			[id, tranid, type, entity, now.slice(0, 10), status, createdfrom, now, now],
		);
	const line = (transaction: number, lineNo: number, item: number, quantity: number, rate: number) =>
		db.run(`INSERT INTO transactionline ("transaction", line, item, quantity, rate, amount) VALUES (?, ?, ?, ?, ?, ?)`, [
			transaction,
			lineNo,
			item,
			quantity,
			rate,
			quantity * rate,
		]);
	tx(101, 'SO-1001', 'SalesOrd', 1, 'B', null);
	line(101, 1, 1, 10, 9.5);
	line(101, 2, 4, 1, 75);
	tx(102, 'SO-1002', 'SalesOrd', 2, 'F', null);
	line(102, 1, 3, 2, 129);
	tx(103, 'SO-1003', 'SalesOrd', 3, 'B', null);
	line(103, 1, 2, 5, 11);
	tx(201, 'INV-2001', 'CustInvc', 2, 'A', 102);
	line(201, 1, 3, 2, 129);
	tx(301, 'IF-3001', 'ItemShip', 2, 'C', 102);
	line(301, 1, 3, 2, 129);
	tx(401, 'EST-4001', 'Estimate', 1, 'A', null);
	line(401, 1, 2, 3, 11);
	tx(501, 'PO-5001', 'PurchOrd', 3, 'B', null);
	line(501, 1, 1, 20, 4.25);
	line(501, 2, 3, 5, 80);
	db.run(
		`INSERT INTO customrecord_demo_project (id, name, externalid, custrecord_budget, custrecord_customer, created, lastmodified) VALUES (1, 'ERP Rollout', 'PRJ-1', 50000, 1, ?, ?), (2, 'Warehouse Move', 'PRJ-2', 12000, 2, ?, ?)`,
		[now, now, now, now],
	);
	// Contacts, File Cabinet files and one contact already attached (Record › Detach has one to detach).
	db.run(
		`INSERT INTO contact (id, entityid, firstname, lastname, email, company, externalid, datecreated, lastmodifieddate) VALUES
		 (1, 'Wile E. Coyote', 'Wile', 'Coyote', 'wile@acme.example', 1, 'CON-1', ?, ?), (2, 'Bob Sacamano', 'Bob', 'Sacamano', 'bob@globex.example', 2, 'CON-2', ?, ?),
		 (3, 'Kel Varnsen', 'Kel', 'Varnsen', 'kel@vandelay.example', NULL, 'CON-3', ?, ?)`,
		[now, now, now, now, now, now],
	);
	db.run(
		`INSERT INTO file (id, name, folder, filetype, externalid) VALUES (1, 'terms.pdf', -15, 'PDF', 'FILE-1'), (2, 'price-list.csv', -15, 'CSV', 'FILE-2')`,
	);
	db.run(`INSERT INTO attachment (recordtype, recordid, attachedtype, attachedid, role) VALUES ('customer', 6, 'contact', 2, NULL)`);
	if (extraCustomers > 0) {
		const statement = db.sql.prepare(
			`INSERT INTO customer (id, entityid, companyname, email, subsidiary, datecreated, lastmodifieddate, custentity_segment) VALUES (?, ?, ?, ?, ?, ?, ?, 'generated')`,
		);
		for (let i = 0; i < extraCustomers; i++) {
			const id = 1001 + i;
			statement.run([id, `GEN${id}`, `Generated Customer ${id}`, `c${id}@example.com`, 1 + (i % 2), now, now]);
		}
		statement.free();
	}
	db.sql.exec('COMMIT');
}
