// Where SuiteQL keeps each record type (derived from shared/api/recordTypes.ts), which columns
// hold its created and last-modified times, and how DeletedRecord names it. The names differ by
// record (entities: datecreated; items and transactions: createddate); types not listed there
// are looked up in the metadata catalog.
import type { IDataObject } from 'n8n-workflow';

import {
	ITEM_RECORD_TYPES,
	ITEM_TYPE_COLUMNS,
	itemConditions,
	itemRecordType,
	knownRecordTypes,
	type ItemRecordType,
} from '../shared/api/recordTypes';

export interface PollTable {
	table: string;
	/**
	 * Transactions and items share a table: the rows of this type, every condition at once
	 * (an item type such as serviceResaleItem is its itemtype code and its subtype).
	 */
	where?: Array<{ column: string; value: string }>;
	created: string;
	modified: string;
	/**
	 * A table holding several REST record types (the whole item table): the columns that name
	 * each row's type (selected as ns_<column>), the REST record type they make (or why there
	 * is none), and every REST type the table holds. The SuiteQL table `item` is not a REST
	 * record type: a full record is fetched under its row's own type.
	 */
	typeColumn?: {
		columns: readonly string[];
		restTypeOf: (row: Record<string, unknown>) => ItemRecordType;
		restTypes: string[];
	};
}

const CREATED_DATE = { created: 'createddate', modified: 'lastmodifieddate' };

function pollTableOf(kind: ReturnType<typeof knownRecordTypes>[number][1]): PollTable {
	if ('entity' in kind) return { table: kind.entity, created: 'datecreated', modified: 'lastmodifieddate' };
	if ('transaction' in kind) return { table: 'transaction', where: [{ column: 'type', value: kind.transaction }], ...CREATED_DATE };
	return { table: 'item', where: itemConditions(kind), ...CREATED_DATE };
}

const ITEM_TABLE: PollTable['typeColumn'] = {
	columns: ITEM_TYPE_COLUMNS,
	restTypeOf: itemRecordType,
	restTypes: ITEM_RECORD_TYPES.map(([recordType]) => recordType),
};

export const POLL_TABLES: Record<string, PollTable> = {
	...Object.fromEntries(knownRecordTypes().map(([recordType, kind]) => [recordType, pollTableOf(kind)])),
	// Not a REST record type: the whole item table, each row fetched under its own type.
	item: { table: 'item', ...CREATED_DATE, typeColumn: ITEM_TABLE },
};

/** The table entry for a record type, matched as NetSuite matches type names: ignoring case. */
export function knownPollTable(recordType: string): PollTable | undefined {
	const wanted = recordType.toLowerCase();
	return Object.entries(POLL_TABLES).find(([name]) => name.toLowerCase() === wanted)?.[1];
}

/**
 * DeletedRecord.type values for a Record Type: NetSuite logs a delete under the record type's
 * id in lower case ('customer', 'salesorder', 'inventoryitem') (verify against an account).
 * The whole item table covers every item type.
 */
export function deletedTypesOf(recordType: string, table: PollTable): string[] {
	if (table.typeColumn) return table.typeColumn.restTypes.map((t) => t.toLowerCase());
	return [recordType.toLowerCase()];
}

// Schema field names lower-cased are the SuiteQL column names (dateCreated → datecreated;
// custom records: created, lastModified → lastmodified).
const CREATED = ['datecreated', 'createddate', 'created'];
const MODIFIED = ['lastmodifieddate', 'lastmodified'];

/** From a record type's JSON schema (metadata catalog), for types without a table entry. */
export function pollTableFromSchema(recordType: string, schema: IDataObject): PollTable | undefined {
	const fields = Object.keys((schema.properties ?? {}) as IDataObject).map((f) => f.toLowerCase());
	const created = CREATED.find((c) => fields.includes(c));
	const modified = MODIFIED.find((c) => fields.includes(c));
	if (!created || !modified) return undefined;
	return { table: recordType.toLowerCase(), created, modified };
}
