// What the webhook script posts, checked field by field: the body is signed, but a bad
// script version or a hand-made request still gets a clear error naming the field.
import type { IDataObject } from 'n8n-workflow';

export interface ChangeEvent {
	/** NetSuite's user event type: create, edit, xedit, delete, approve, … (catch-up: create, edit). */
	event: string;
	/** Record type as NetSuite names it (the script sends lower case: salesorder). */
	recordType: string;
	id: string;
	/** ISO UTC, whole seconds as NetSuite stamps them; null when the record has no such field. */
	lastModified: string | null;
	created: string | null;
	source: 'push' | 'catchUp';
	/** Script context: who and where (push only). */
	details?: IDataObject;
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

export function parsePushEvent(body: unknown): ChangeEvent | { error: string } {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return { error: 'The body must be a JSON object' };
	const b = body as IDataObject;
	const text = (name: string, pattern: RegExp): string | { error: string } => {
		const value = b[name];
		return typeof value === 'string' && pattern.test(value) ? value : { error: `Field "${name}" is missing or malformed` };
	};
	const event = text('event', /^[a-z_]{1,40}$/);
	const recordType = text('recordType', /^[A-Za-z][A-Za-z0-9_]{0,99}$/);
	const id = text('id', /^-?\d{1,20}$/);
	for (const v of [event, recordType, id]) if (typeof v !== 'string') return v;
	const date = (name: string): string | null | { error: string } => {
		const value = b[name];
		if (value === null || value === undefined) return null;
		return typeof value === 'string' && ISO.test(value) ? value : { error: `Field "${name}" must be an ISO date or null` };
	};
	const lastModified = date('lastModified');
	const created = date('created');
	for (const v of [lastModified, created]) if (v && typeof v === 'object') return v;
	const details: IDataObject = {};
	for (const name of ['executionContext', 'userId', 'account', 'sentAt']) if (typeof b[name] === 'string') details[name] = b[name];
	return {
		event: event as string,
		recordType: recordType as string,
		id: id as string,
		lastModified: lastModified as string | null,
		created: created as string | null,
		source: 'push',
		details,
	};
}

/** NetSuite stamps whole seconds: '2026-11-25T08:00:00.000Z' -> '2026-11-25 08:00:00'. */
export function toSecond(iso: string): string {
	return iso.slice(0, 19).replace('T', ' ');
}

/**
 * One change, whichever way it arrives: record type, id and the second it was saved.
 * A creation is keyed by its created second (the push of a create has last-modified = created;
 * the catch-up reads creations from their own stream, with the record's current last-modified),
 * every other save by its last-modified second. Two saves of one record in the same second are
 * one change: NetSuite's timestamps cannot tell them apart, so the catch-up could not either.
 * A delete happens once per id.
 */
export function changeKey(event: Pick<ChangeEvent, 'event' | 'recordType' | 'id' | 'lastModified' | 'created'>): string | undefined {
	const type = event.recordType.toLowerCase();
	if (event.event === 'delete') return `${type}:${event.id}:deleted`;
	const second = event.event === 'create' ? (event.created ?? event.lastModified) : event.lastModified;
	return second ? `${type}:${event.id}:${toSecond(second)}` : undefined;
}
