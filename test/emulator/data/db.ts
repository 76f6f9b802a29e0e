// The store of truth: one SQLite database (sql.js) that the record service writes and
// SuiteQL reads, so a record created over REST shows up in a query at once.
import initSqlJs, { type Database, type SqlValue } from 'sql.js';

import type { TestClock } from '../clock';
import { addDays, formatOracle, parseOracle, toSqlTimestamp } from './dates';

const TABLES = `
CREATE TABLE dual (dummy TEXT); INSERT INTO dual VALUES ('X');
CREATE TABLE subsidiary (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, isinactive TEXT DEFAULT 'F', externalid TEXT UNIQUE, datecreated TEXT, lastmodifieddate TEXT);
CREATE TABLE customer (id INTEGER PRIMARY KEY AUTOINCREMENT, entityid TEXT, companyname TEXT, firstname TEXT, lastname TEXT, isperson TEXT DEFAULT 'F', email TEXT, phone TEXT,
  subsidiary INTEGER, externalid TEXT UNIQUE, isinactive TEXT DEFAULT 'F', comments TEXT, datecreated TEXT, lastmodifieddate TEXT, custentity_segment TEXT);
CREATE INDEX customer_modified ON customer (lastmodifieddate, id);
CREATE TABLE item (id INTEGER PRIMARY KEY AUTOINCREMENT, itemid TEXT, displayname TEXT, itemtype TEXT, subtype TEXT, islotitem TEXT DEFAULT 'F', isserialitem TEXT DEFAULT 'F',
  baseprice REAL, externalid TEXT UNIQUE, isinactive TEXT DEFAULT 'F', createddate TEXT, lastmodifieddate TEXT, custitem_color TEXT);
CREATE TABLE "transaction" (id INTEGER PRIMARY KEY AUTOINCREMENT, tranid TEXT, type TEXT, entity INTEGER, trandate TEXT, status TEXT, memo TEXT, subsidiary INTEGER,
  createdfrom INTEGER, externalid TEXT UNIQUE, createddate TEXT, lastmodifieddate TEXT, custbody_channel TEXT, shipstatus TEXT,
  otherrefnum TEXT, shipmethod INTEGER, shippingcost REAL);
CREATE TABLE transactionline (id INTEGER PRIMARY KEY AUTOINCREMENT, "transaction" INTEGER, line INTEGER, item INTEGER, quantity REAL, rate REAL, amount REAL,
  description TEXT, custcol_note TEXT, istaxable TEXT);
CREATE TABLE customrecord_demo_project (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, externalid TEXT UNIQUE, custrecord_budget REAL, custrecord_customer INTEGER,
  created TEXT, lastmodified TEXT);
CREATE TABLE contact (id INTEGER PRIMARY KEY AUTOINCREMENT, entityid TEXT, firstname TEXT, lastname TEXT, email TEXT, company INTEGER, externalid TEXT UNIQUE,
  datecreated TEXT, lastmodifieddate TEXT);
CREATE TABLE file (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, folder INTEGER, filetype TEXT, externalid TEXT UNIQUE);
CREATE TABLE attachment (recordtype TEXT, recordid INTEGER, attachedtype TEXT, attachedid INTEGER, role TEXT, PRIMARY KEY (recordtype, recordid, attachedtype, attachedid));
CREATE TABLE deletedrecord (deleteddate TEXT, type TEXT, recordid INTEGER, deletedby INTEGER, context TEXT, name TEXT, externalid TEXT);
CREATE INDEX deletedrecord_date ON deletedrecord (deleteddate, recordid);
`;

export interface Db {
	sql: Database;
	clock: TestClock;
	/** Rows as objects with lower-case column names. */
	all(query: string, params?: SqlValue[]): Array<Record<string, SqlValue>>;
	run(query: string, params?: SqlValue[]): void;
	/** NetSuite stamps with whole seconds; stored as UTC (SuiteQL shows them in clock.timeZone). */
	now(): string;
}

export async function openDb(clock: TestClock): Promise<Db> {
	const SQL = await initSqlJs();
	const sql = new SQL.Database();
	sql.exec(TABLES);
	sql.create_function('to_char', (value: SqlValue, format: SqlValue) =>
		value === null ? null : formatOracle(String(value), String(format ?? ''), clock.timeZone),
	);
	sql.create_function('to_timestamp', (value: SqlValue, format: SqlValue) =>
		value === null ? null : parseOracle(String(value), String(format ?? ''), clock.timeZone, clock.overlapReading),
	);
	sql.create_function('to_date', (value: SqlValue, format: SqlValue) =>
		value === null ? null : parseOracle(String(value), String(format ?? ''), clock.timeZone, clock.overlapReading),
	);
	sql.create_function('ns_add_days', (value: SqlValue, days: SqlValue) => addDays(value === null ? null : String(value), Number(days)));
	sql.create_function('ns_sysdate', () => toSqlTimestamp(clock.now()));
	sql.create_function('builtin_df', (value: SqlValue) => value);
	sql.create_function('nvl', (value: SqlValue, fallback: SqlValue) => (value === null ? fallback : value));
	const db: Db = {
		sql,
		clock,
		all(query, params = []) {
			const statement = sql.prepare(query);
			try {
				statement.bind(params);
				const rows: Array<Record<string, SqlValue>> = [];
				// Column names once per query, not once per row (getAsObject asks sql.js for them every row):
				// a 1,000-row SuiteQL page is most of the emulator's time.
				let columns: string[] | undefined;
				while (statement.step()) {
					columns ??= statement.getColumnNames().map((name) => name.toLowerCase());
					const values = statement.get();
					const lower: Record<string, SqlValue> = {};
					for (let i = 0; i < columns.length; i++) lower[columns[i]] = values[i];
					rows.push(lower);
				}
				return rows;
			} finally {
				statement.free();
			}
		},
		run(query, params = []) {
			sql.run(query, params);
		},
		now: () => toSqlTimestamp(clock.now()),
	};
	return db;
}
