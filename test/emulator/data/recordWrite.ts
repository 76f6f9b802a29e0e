// Writing records: create (204 + Location), PATCH (lines added, or replaced with `replace`),
// upsert by PUT on eid:, delete, and the transforms (sales order -> invoice, and others).
import type { SqlValue } from 'sql.js';

import { nsError } from '../errors';
import type { Db } from './db';
import { notFound } from './recordRead';
import { bodyColumns, columnValue, RecordError, type Json } from './recordJson';
import { column, recordType, type RecordTypeDef, type SublistDef } from './schema';

function insertRow(db: Db, table: string, values: Map<string, SqlValue>): number {
	const names = [...values.keys()];
	db.run(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, [
		...values.values(),
	]);
	return Number(db.all('SELECT last_insert_rowid() AS id')[0].id);
}

function updateRow(db: Db, table: string, id: number, values: Map<string, SqlValue>): void {
	if (values.size === 0) return;
	const names = [...values.keys()];
	db.run(`UPDATE "${table}" SET ${names.map((n) => `"${n}" = ?`).join(', ')} WHERE id = ?`, [...values.values(), id]);
}

function lineItems(body: Json, sublist: SublistDef): Json[] | undefined {
	const raw = Object.entries(body).find(([k]) => k.toLowerCase() === sublist.name.toLowerCase())?.[1];
	if (raw === undefined) return undefined;
	const items = (raw as Json)?.items;
	if (!Array.isArray(items)) {
		throw new RecordError(
			nsError(400, 'INVALID_CONTENT', `Invalid value for the sublist ${sublist.name}: expected {"items": [...]}.`, {
				'o:errorPath': sublist.name,
			}),
		);
	}
	return items as Json[];
}

function writeLines(db: Db, sublist: SublistDef, parentId: number, lines: Json[], replace: boolean): void {
	const existing = db.all(`SELECT line FROM "${sublist.table}" WHERE "${sublist.parentColumn}" = ?`, [parentId]).map((r) => Number(r.line));
	let nextLine = existing.length ? Math.max(...existing) + 1 : 1;
	const kept = new Set<number>();
	lines.forEach((line, index) => {
		const path = `${sublist.name}.items[${index}]`;
		const values = new Map<string, SqlValue>();
		for (const [name, raw] of Object.entries(line)) {
			if (name === 'line' || name === 'links') continue;
			const field = sublist.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
			if (!field)
				throw new RecordError(
					nsError(400, 'INVALID_CONTENT', `Invalid field name: ${name} on the ${sublist.name} sublist.`, {
						'o:errorPath': `${path}.${name}`,
					}),
				);
			values.set(column(field), columnValue(db, field, raw, `${path}.${name}`));
		}
		const keyed = typeof line.line === 'number' && existing.includes(line.line);
		if (keyed) {
			kept.add(line.line as number);
			const names = [...values.keys()];
			if (names.length) {
				db.run(
					`UPDATE "${sublist.table}" SET ${names.map((n) => `"${n}" = ?`).join(', ')} WHERE "${sublist.parentColumn}" = ? AND line = ?`,
					[...values.values(), parentId, line.line as number],
				);
			}
			return;
		}
		if (!values.has('item'))
			throw new RecordError(nsError(400, 'USER_ERROR', 'Please enter value(s) for: Item', { 'o:errorPath': `${path}.item` }));
		const quantity = Number(values.get('quantity') ?? 1);
		const rate = Number(values.get('rate') ?? db.all('SELECT baseprice FROM item WHERE id = ?', [values.get('item')!])[0]?.baseprice ?? 0);
		values.set('quantity', quantity);
		values.set('rate', rate);
		if (!values.has('amount')) values.set('amount', quantity * rate);
		values.set(sublist.parentColumn, parentId);
		values.set('line', nextLine);
		kept.add(nextLine++);
		insertRow(db, sublist.table, values);
	});
	if (replace) {
		for (const line of existing)
			if (!kept.has(line)) db.run(`DELETE FROM "${sublist.table}" WHERE "${sublist.parentColumn}" = ? AND line = ?`, [parentId, line]);
	}
}

function checkRequired(type: RecordTypeDef, values: Map<string, SqlValue>, body: Json): void {
	for (const field of type.fields.filter((f) => f.required)) {
		if (values.get(column(field)) === undefined || values.get(column(field)) === null) {
			const detail =
				field.name === 'subsidiary' ? 'Please enter value(s) for: Subsidiary' : `Please enter value(s) for: ${field.title ?? field.name}`;
			throw new RecordError(nsError(400, 'USER_ERROR', detail, { 'o:errorPath': field.name }));
		}
	}
	if (type.requireOneOf && !type.requireOneOf.some((set) => set.every((name) => values.get(name.toLowerCase())))) {
		throw new RecordError(
			nsError(400, 'USER_ERROR', `Please enter value(s) for: ${type.requireOneOf.map((s) => s.join(' + ')).join(' or ')}`, {
				'o:errorPath': type.requireOneOf[0][0],
			}),
		);
	}
	for (const sublist of type.sublists) {
		if (type.table === 'transaction' && type.name === 'salesOrder' && !lineItems(body, sublist)?.length) {
			throw new RecordError(
				nsError(400, 'USER_ERROR', 'You must enter at least one line item for this transaction.', { 'o:errorPath': sublist.name }),
			);
		}
	}
}

export function createRecord(db: Db, type: RecordTypeDef, body: Json, extra: Map<string, SqlValue> = new Map()): number {
	const values = new Map([...extra, ...bodyColumns(db, type, body)]);
	checkRequired(type, values, body);
	// The External ID is unique per record type: NetSuite refuses a second record with it. The
	// wording and the code are assumed (Oracle documents the uniqueness, "External IDs", not the
	// REST error's text); the node only relies on it being a 4xx refusal.
	const externalId = values.get('externalid');
	if (externalId !== undefined && externalId !== null && db.all(`SELECT id FROM "${type.table}" WHERE externalid = ?`, [externalId]).length)
		throw new RecordError(
			nsError(400, 'DUP_RCRD', `A record with the external ID ${String(externalId)} already exists.`, { 'o:errorPath': 'externalId' }),
		);
	if (type.discriminator) {
		values.set(type.discriminator.column, type.discriminator.value);
		for (const [column, value] of Object.entries(type.discriminator.also ?? {})) values.set(column, value);
	}
	const now = db.now();
	values.set(type.created, now);
	values.set(type.modified, now);
	if (type.table === 'customer' && !values.get('entityid'))
		values.set('entityid', String(values.get('companyname') ?? `${values.get('firstname')} ${values.get('lastname')}`));
	if (type.table === 'transaction' && !values.get('trandate')) values.set('trandate', now.slice(0, 10));
	if (type.table === 'transaction' && !values.get('status')) values.set('status', 'B');
	const id = insertRow(db, type.table, values);
	if (type.table === 'transaction' && !values.get('tranid'))
		db.run(`UPDATE "transaction" SET tranid = ? WHERE id = ?`, [`${type.discriminator!.value}-${id}`, id]);
	for (const sublist of type.sublists) {
		const lines = lineItems(body, sublist);
		if (lines) writeLines(db, sublist, id, lines, false);
	}
	return id;
}

export function updateRecord(db: Db, type: RecordTypeDef, id: number, body: Json, replace: string[], replaceSelectedFields: boolean): void {
	const values = bodyColumns(db, type, body);
	if (replaceSelectedFields) {
		for (const name of replace) {
			const field = type.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
			if (field && !values.has(column(field)) && !field.readOnly) values.set(column(field), null);
		}
	}
	values.set(type.modified, db.now());
	updateRow(db, type.table, id, values);
	for (const sublist of type.sublists) {
		const lines = lineItems(body, sublist);
		const replacing = replace.some((r) => r.toLowerCase() === sublist.name.toLowerCase());
		if (lines) writeLines(db, sublist, id, lines, replacing);
		else if (replacing) db.run(`DELETE FROM "${sublist.table}" WHERE "${sublist.parentColumn}" = ?`, [id]);
	}
}

/** The entity NetSuite names in DeletedRecord.deletedby for the emulator's one user (the admin). */
export const EMULATOR_USER_ID = -5;

/** NetSuite's DeletedRecord.type for a REST record type: its record type id, lower case (verify). */
export const deletedRecordType = (type: RecordTypeDef): string => type.name.toLowerCase();

/** Deletes a record and, as NetSuite does, logs it in DeletedRecord at the clock's second. */
export function deleteRecord(db: Db, type: RecordTypeDef, id: number, context = 'RESTWEBSERVICES'): void {
	const row = db.all(`SELECT "${type.display}" AS name, externalid FROM "${type.table}" WHERE id = ?`, [id])[0];
	db.run('INSERT INTO deletedrecord (deleteddate, type, recordid, deletedby, context, name, externalid) VALUES (?, ?, ?, ?, ?, ?, ?)', [
		db.now(),
		deletedRecordType(type),
		id,
		EMULATOR_USER_ID,
		context,
		row?.name ?? null,
		row?.externalid ?? null,
	]);
	for (const sublist of type.sublists) db.run(`DELETE FROM "${sublist.table}" WHERE "${sublist.parentColumn}" = ?`, [id]);
	db.run(`DELETE FROM "${type.table}" WHERE id = ?`, [id]);
}

/**
 * The pairs this emulator transforms, after Oracle's "Transforming Records": the new record takes
 * the source's entity and lines. Any other pair is refused as NetSuite refuses one (400).
 */
const TRANSFORMS: Record<string, string[]> = {
	estimate: ['salesOrder', 'invoice'],
	purchaseOrder: ['itemReceipt'],
	salesOrder: ['itemFulfillment', 'invoice'],
};
/** The status NetSuite shows on a sales order after it is fulfilled (F) or billed (G). */
const SOURCE_STATUS: Record<string, string> = { itemFulfillment: 'F', invoice: 'G' };

/** A documented pair: the new record copies the source's entity and lines; the body may override. */
export function transformRecord(
	db: Db,
	from: RecordTypeDef,
	id: number,
	targetName: string,
	body: Json,
): { type: RecordTypeDef; id: number } {
	const target = recordType(targetName);
	if (!target || !(TRANSFORMS[from.name] ?? []).includes(target.name)) {
		throw new RecordError(nsError(400, 'INVALID_REQUEST', `Transformation from ${from.name} to ${targetName} is not supported.`));
	}
	const order = db.all(`SELECT * FROM "transaction" WHERE id = ? AND type = ?`, [id, from.discriminator?.value ?? ''])[0];
	if (!order) throw notFound();
	// A sales order already billed (or fulfilled) has nothing left for a second invoice (or
	// fulfillment): NetSuite refuses to initialize the target from it. The code and text are
	// assumed from SuiteScript's record.transform (INVALID_INITIALIZE_REF); REST's are not documented.
	if (from.name === 'salesOrder' && SOURCE_STATUS[target.name] !== undefined && order.status === SOURCE_STATUS[target.name])
		throw new RecordError(
			nsError(400, 'INVALID_INITIALIZE_REF', `You can not initialize ${target.name.toLowerCase()}: invalid reference ${id}.`),
		);
	const orderLines = db.all(`SELECT * FROM transactionline WHERE "transaction" = ? ORDER BY line`, [id]);
	const requested = lineItems(body, target.sublists[0]);
	const lines = (requested ?? orderLines.map((l) => ({ orderLine: l.line }))).map((l) => {
		const source = orderLines.find((o) => o.line === (l as Json).orderLine || o.line === (l as Json).line) ?? orderLines[0];
		if (!source) throw new RecordError(nsError(400, 'USER_ERROR', `The ${from.name} has no lines to transform.`));
		return { item: { id: String(source.item) }, quantity: (l as Json).quantity ?? source.quantity, rate: source.rate };
	});
	const rest: Json = { ...body };
	delete rest.item;
	const newId = createRecord(
		db,
		target,
		{ entity: { id: String(order.entity) }, ...rest, item: { items: lines } },
		new Map<string, SqlValue>([
			['createdfrom', id],
			['subsidiary', order.subsidiary],
		]),
	);
	if (from.name === 'salesOrder')
		db.run(`UPDATE "transaction" SET status = ?, lastmodifieddate = ? WHERE id = ?`, [SOURCE_STATUS[target.name], db.now(), id]);
	return { type: target, id: newId };
}
