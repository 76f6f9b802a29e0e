// NetSuite's side of the model: customers written through the emulator's own record code
// (so created / last-modified / DeletedRecord come from its clock as NetSuite's would), and
// a ledger of every version and delete the trigger may owe an item for.
import type { Db } from '../../../emulator/data/db';
import { createRecord, deleteRecord, updateRecord } from '../../../emulator/data/recordWrite';
import { recordType } from '../../../emulator/data/schema';

const customer = recordType('customer')!;

/** A version is (record, last-modified second); several saves in one second are one version. */
export interface Version {
	id: string;
	created: string;
	modified: string;
	/** Polls (global numbers) at whose start this was the record's current version. */
	currentAtStartOf: number[];
	/** Still current (not superseded, not deleted). */
	current: boolean;
	/** Existed before the trigger's first activation finished: history, owed nothing. */
	history: boolean;
	/** Appeared during the first activation poll: may or may not count as history. */
	optional: boolean;
}

/** A record's creation: one change, whatever happened to the record after. */
export interface Creation {
	id: string;
	created: string;
	/** Polls at whose start the record existed. */
	existedAtStartOf: number[];
	/** Not deleted. */
	live: boolean;
	history: boolean;
	optional: boolean;
}

export interface Delete {
	id: string;
	deleted: string;
	existedAtStartOf: number[];
	history: boolean;
	optional: boolean;
}

export class ModelStore {
	readonly versions = new Map<string, Version>();
	readonly deletes = new Map<string, Delete>();
	readonly creations = new Map<string, Creation>();
	private readonly live = new Map<string, Version>();
	/** Set while the first activation poll runs: changes then are neither owed nor forbidden. */
	activating = false;

	constructor(readonly db: Db) {}

	/** The record's current version (its created and last-modified seconds). */
	versionOf(id: string): { created: string; modified: string } | undefined {
		return this.live.get(id);
	}

	liveIds(): string[] {
		return [...this.live.keys()];
	}

	create(): string {
		const id = String(createRecord(this.db, customer, { companyName: 'Model', subsidiary: { id: '1' } }));
		this.record(id);
		const version = this.live.get(id)!;
		this.creations.set(id, { id, created: version.created, existedAtStartOf: [], live: true, history: false, optional: this.activating });
		return id;
	}

	update(id: string, phone: string): void {
		updateRecord(this.db, customer, Number(id), { phone }, [], false);
		this.record(id);
	}

	remove(id: string): void {
		deleteRecord(this.db, customer, Number(id));
		const row = this.db.all(
			"SELECT TO_CHAR(deleteddate, 'YYYY-MM-DD HH24:MI:SS') AS d FROM deletedrecord WHERE recordid = ? ORDER BY deleteddate DESC",
			[Number(id)],
		)[0];
		this.live.get(id)!.current = false;
		this.live.delete(id);
		this.creations.get(id)!.live = false;
		this.deletes.set(`${id}@${String(row.d)}`, {
			id,
			deleted: String(row.d),
			existedAtStartOf: [],
			history: false,
			optional: this.activating,
		});
	}

	/** A poll starts: note what it could see. */
	pollStarts(poll: number): void {
		for (const v of this.live.values()) v.currentAtStartOf.push(poll);
		for (const c of this.creations.values()) if (c.live) c.existedAtStartOf.push(poll);
		for (const d of this.deletes.values()) d.existedAtStartOf.push(poll);
	}

	/** Everything there now is history (first activation with Start From = Now), or what is older than a backfill's start. */
	markHistory(before?: string): void {
		for (const v of this.versions.values()) if (before === undefined || v.modified < before) v.history = true;
		for (const c of this.creations.values()) if (before === undefined || c.created < before) c.history = true;
		for (const d of this.deletes.values()) if (before === undefined || d.deleted < before) d.history = true;
	}

	private record(id: string): void {
		const row = this.db.all(
			"SELECT TO_CHAR(datecreated, 'YYYY-MM-DD HH24:MI:SS') AS c, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS m FROM customer WHERE id = ?",
			[Number(id)],
		)[0];
		const key = `${id}@${String(row.m)}`;
		const previous = this.live.get(id);
		if (previous && previous !== this.versions.get(key)) previous.current = false;
		const version = this.versions.get(key) ?? {
			id,
			created: String(row.c),
			modified: String(row.m),
			currentAtStartOf: [],
			current: true,
			history: false,
			optional: this.activating,
		};
		this.versions.set(key, version);
		this.live.set(id, version);
	}
}
