/* eslint-disable @n8n/community-nodes/require-node-api-error -- runs in Node (tests, emulator, scripts), never inside n8n */
// Saved searches as REST web services serve them (Oracle, "Using Saved Search in REST Web
// Services", https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_0804090827.html):
// list the saved searches the current user and role may use, each with its record type, paged as
// a collection; run one by internal ID or script ID; standard and custom fields, joins, formulas,
// summary columns and nulls in the results; no creating or editing through REST.
//
// Assumed where that page was not readable here or is silent:
// - the paths, `GET /services/rest/query/v1/savedsearch` (list) and
//   `GET /services/rest/query/v1/savedsearch/{internal ID or script ID}/result` (run), as a
//   public REST client calls them;
// - both answers in the collection envelope of record lists and SuiteQL ({links, count, hasMore,
//   items, offset, totalResults}; limit 1 to 1000, offset a multiple of the limit), list items
//   as {id, scriptId, name, recordType} (the fields SOAP's getSavedSearch gives, plus the type);
// - a result row keyed by its columns as SuiteScript's search results name them: the field ID
//   (`tranid`), `join.field` for a joined field (`customerMain.email`), `formulatext` /
//   `formulanumeric` / `formulacurrency` for formulas, `SUM(amount)`, `GROUP(entity)` for summary
//   columns; values as text (a select column as its display text), a null as null;
// - a search the role may not use answers as a missing one (404), so its existence is not told.
// Each search below is SQL over the store, its columns aliased as NetSuite names them.
import type { SqlValue } from 'sql.js';

import { nsError } from '../errors';
import type { EmulatorRequest, EmulatorResponse } from '../types';
import type { Db } from './db';
import { pagingParams } from './recordRead';
import { RecordError } from './recordJson';

export const SAVED_SEARCH_PATH = '/services/rest/query/v1/savedsearch';

export interface SavedSearchDef {
	id: number;
	scriptId: string;
	name: string;
	/** The search's record type as NetSuite names search types (transaction, customer, …). */
	recordType: string;
	/** Whether the demo role is in the search's audience. */
	audience: boolean;
	/** Its results, one row per result, columns aliased as NetSuite names them, in a stable order. */
	sql: string;
}

export const SAVED_SEARCHES: SavedSearchDef[] = [
	{
		id: 11,
		scriptId: 'customsearch_open_sales_orders',
		name: 'Open Sales Orders',
		recordType: 'transaction',
		audience: true,
		sql: `SELECT t.tranid AS tranid, t.trandate AS trandate, c.companyname AS entity, t.status AS status,
			c.email AS "customerMain.email", t.memo AS memo
			FROM "transaction" t JOIN customer c ON c.id = t.entity
			WHERE t.type = 'SalesOrd' AND t.status IN ('B', 'F') ORDER BY t.id`,
	},
	{
		id: 12,
		scriptId: 'customsearch_sales_by_customer',
		name: 'Sales by Customer (summary)',
		recordType: 'transaction',
		audience: true,
		// A summary search: one row per group; the formula is the amount with 20% tax.
		sql: `SELECT c.companyname AS "GROUP(entity)", COUNT(DISTINCT t.id) AS "COUNT(tranid)", SUM(l.amount) AS "SUM(amount)",
			ROUND(SUM(l.amount) * 1.2, 2) AS "SUM(formulacurrency)"
			FROM "transaction" t JOIN customer c ON c.id = t.entity JOIN transactionline l ON l."transaction" = t.id
			WHERE t.type = 'SalesOrd' GROUP BY c.companyname ORDER BY c.companyname`,
	},
	{
		id: 13,
		scriptId: 'customsearch_customer_contacts',
		name: 'Customer Contacts',
		recordType: 'customer',
		audience: true,
		// Every customer: as long as the store (a benchmark's generated customers included).
		sql: `SELECT id AS internalid, entityid AS entityid, companyname AS companyname, email AS email, phone AS phone,
			companyname || ' <' || email || '>' AS formulatext
			FROM customer ORDER BY id`,
	},
	{
		id: 15,
		scriptId: 'customsearch_item_prices_by_type',
		name: 'Item Prices by Type (summary)',
		recordType: 'item',
		audience: true,
		// Summary columns over items; the formula is the price with 20% tax.
		sql: `SELECT itemtype AS "GROUP(type)", COUNT(id) AS "COUNT(internalid)", SUM(baseprice) AS "SUM(baseprice)",
			MAX(ROUND(baseprice * 1.2, 2)) AS "MAX(formulanumeric)"
			FROM item GROUP BY itemtype ORDER BY itemtype`,
	},
	{
		id: 14,
		scriptId: 'customsearch_payroll_private',
		name: 'Payroll (private)',
		recordType: 'employee',
		audience: false,
		sql: `SELECT 1 AS internalid`,
	},
];

const visible = () => SAVED_SEARCHES.filter((s) => s.audience);

function find(idOrScriptId: string): SavedSearchDef | undefined {
	const key = idOrScriptId.toLowerCase();
	return visible().find((s) => String(s.id) === key || s.scriptId.toLowerCase() === key);
}

/** NetSuite's collection envelope over one page. */
function collection(base: string, items: unknown[], limit: number, offset: number, total: number) {
	const links = [{ rel: 'self', href: `${base}?limit=${limit}&offset=${offset}` }];
	if (offset + limit < total) links.push({ rel: 'next', href: `${base}?limit=${limit}&offset=${offset + limit}` });
	if (offset > 0) links.push({ rel: 'previous', href: `${base}?limit=${limit}&offset=${Math.max(0, offset - limit)}` });
	return { links, count: items.length, hasMore: offset + items.length < total, items, offset, totalResults: total };
}

const text = (value: SqlValue) => (value === null ? null : String(value));

/** The rows with their columns as aliased (Db.all lower-cases them, as SuiteQL answers). */
function resultRows(db: Db, sql: string, params: SqlValue[]): Array<Record<string, string | null>> {
	const statement = db.sql.prepare(sql);
	try {
		statement.bind(params);
		const rows: Array<Record<string, string | null>> = [];
		while (statement.step()) {
			rows.push(Object.fromEntries(Object.entries(statement.getAsObject()).map(([k, v]) => [k, text(v)])));
		}
		return rows;
	} finally {
		statement.free();
	}
}

export function savedSearches(db: Db, req: EmulatorRequest): EmulatorResponse {
	if (req.method !== 'GET') return nsError(405, 'INVALID_REQUEST', 'Saved searches are read with GET; REST cannot create or edit them.');
	const rest = req.path.slice(SAVED_SEARCH_PATH.length).split('/').filter(Boolean).map(decodeURIComponent);
	try {
		const { limit, offset } = pagingParams(req);
		const base = `${req.origin}${req.path}`;
		if (rest.length === 0) {
			const all = visible();
			const items = all.slice(offset, offset + limit).map((s) => ({
				links: [{ rel: 'self', href: `${req.origin}${SAVED_SEARCH_PATH}/${s.id}` }],
				id: String(s.id),
				scriptId: s.scriptId,
				name: s.name,
				recordType: s.recordType,
			}));
			return { status: 200, body: collection(base, items, limit, offset, all.length) };
		}
		const search = rest.length === 2 && rest[1] === 'result' ? find(rest[0]) : undefined;
		if (!search)
			return nsError(404, 'NONEXISTENT_ID', `The saved search ${rest[0] ?? ''} does not exist or is not available to your role.`);
		const total = Number(db.all(`SELECT COUNT(*) AS n FROM (${search.sql})`)[0].n);
		const items = resultRows(db, `SELECT * FROM (${search.sql}) LIMIT ? OFFSET ?`, [limit, offset]);
		return { status: 200, body: collection(base, items, limit, offset, total) };
	} catch (error) {
		if (error instanceof RecordError) return error.response;
		throw error;
	}
}
