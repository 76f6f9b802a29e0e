// Attach and detach (Oracle, "Attach and Detach Operations",
// https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_0113084334.html):
// POST /record/v1/{type}/{id}/!attach/{contact|file}/{id} (or !detach), ids internal or eid:;
// only contact and file records can be attached; the body may be empty, {} or
// {"role": {"id": "-10"}} (a contact's role, attach only).
//
// Assumed where the page is silent: the answer is 204 with no body, as other record actions; the
// rules of SOAP's attach / detach page (section_N3481947) hold: a contact attaches to entity
// records only (not to a contact), a file to any record but a custom record, and attaching a
// record that does not exist is a USER_ERROR (400); attaching again updates the role; detaching
// what is not attached changes nothing (204). The relationship is kept in the emulator's own
// `attachment` table (NetSuite's tables for it are not documented for SuiteQL).
import type { SqlValue } from 'sql.js';

import { nsError } from '../errors';
import type { EmulatorResponse } from '../types';
import type { Db } from './db';
import { findId } from './recordRead';
import { RecordError, type Json } from './recordJson';
import { recordType, type RecordTypeDef } from './schema';

/** Record types contacts attach to: the emulator's entity types other than contact itself. */
const ENTITY_TYPES = new Set(['customer']);
/** Contact roles (List > Relationships > Contact Roles); -10 is NetSuite's Primary Contact. */
export const CONTACT_ROLES: Record<string, string> = { '-10': 'Primary Contact', '1': 'Decision Maker', '2': 'Billing Contact' };

const refuse = (code: string, detail: string) => new RecordError(nsError(400, code, detail));

function attachedId(db: Db, kind: string, segment: string): number | undefined {
	if (kind === 'contact') return findId(db, recordType('contact')!, segment);
	const eid = /^eid:/i.test(segment);
	if (!eid && !/^\d+$/.test(segment)) return undefined;
	const [column, value]: [string, SqlValue] = eid ? ['externalid', segment.slice(4)] : ['id', Number(segment)];
	return db.all(`SELECT id FROM file WHERE ${column} = ?`, [value])[0]?.id as number | undefined;
}

export function attachOrDetach(
	db: Db,
	action: '!attach' | '!detach',
	type: RecordTypeDef,
	id: number,
	kindSegment: string,
	idSegment: string,
	body: Json,
): EmulatorResponse {
	const kind = kindSegment.toLowerCase();
	if (kind !== 'contact' && kind !== 'file')
		throw refuse('INVALID_REQUEST', `Only contact and file records can be attached or detached, not ${kindSegment}.`);
	if (kind === 'contact' && !ENTITY_TYPES.has(type.name))
		throw refuse('INVALID_REQUEST', `A contact cannot be attached to or detached from a ${type.name} record.`);
	if (kind === 'file' && /^customrecord/i.test(type.name))
		throw refuse('INVALID_REQUEST', 'A file cannot be attached to or detached from a custom record.');
	const other = attachedId(db, kind, idSegment);
	if (other === undefined) throw refuse('USER_ERROR', `The ${kind} ${idSegment} does not exist.`);
	const keys: SqlValue[] = [type.name, id, kind, other];
	if (action === '!detach') {
		db.run(`DELETE FROM attachment WHERE recordtype = ? AND recordid = ? AND attachedtype = ? AND attachedid = ?`, keys);
		return { status: 204 };
	}
	const extra = Object.keys(body).filter((k) => k !== 'role');
	if (extra.length) throw refuse('INVALID_CONTENT', `Unknown attachment attribute ${extra[0]}: the only one is role.`);
	let role: string | null = null;
	if (body.role !== undefined && body.role !== null) {
		if (kind !== 'contact') throw refuse('INVALID_CONTENT', 'A role can be set only when attaching a contact.');
		role = String((body.role as Json).id ?? '');
		if (!(role in CONTACT_ROLES)) throw refuse('INVALID_CONTENT', `Invalid role reference key ${role}.`);
	}
	db.run(
		`INSERT INTO attachment (recordtype, recordid, attachedtype, attachedid, role) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (recordtype, recordid, attachedtype, attachedid) DO UPDATE SET role = excluded.role`,
		[...keys, role],
	);
	return { status: 204 };
}
