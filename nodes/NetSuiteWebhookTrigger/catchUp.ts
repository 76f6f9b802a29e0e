// The catch-up: what the push missed while n8n was down (or a post failed), read with the
// NetSuite Trigger's own cursor logic and queries: per record type, every change at or after
// the cursor, in (modified, id) order, paged by that key. A change already emitted by push or
// by an earlier catch-up is skipped by its change key.
import type { IPollFunctions, ITriggerFunctions } from 'n8n-workflow';

import { advance, eventOf, type PollCursor } from '../NetSuiteTrigger/cursor';
import { latestQuery, nowQuery } from '../NetSuiteTrigger/pollQuery';
import { queryPage, readChanges } from '../NetSuiteTrigger/poller';
import { resolvePollTable } from '../NetSuiteTrigger/pollTable';
import type { Ledger } from './ledger';
import { changeKey, fromSecond, type ChangeEvent } from './pushEvent';

/**
 * The poller's functions are typed for a polling node but use only what every trigger
 * context has (getNode, getCredentials, getNodeParameter('authentication'), helpers): this
 * is the one place a trigger context stands in for a poll context.
 */
const asPollContext = (ctx: ITriggerFunctions) => ctx as unknown as IPollFunctions;

export async function catchUp(ctx: ITriggerFunctions, ledger: Ledger, recordTypes: string[]): Promise<ChangeEvent[]> {
	const poll = asPollContext(ctx);
	const events: ChangeEvent[] = [];
	for (const recordType of recordTypes) {
		const table = await resolvePollTable(poll, recordType);
		const previous = ledger.cursor(recordType);
		if (!previous) {
			// First activation: start from NetSuite's newest change (its clock, not ours), as the
			// polling trigger does; pushes cover what happens from now on.
			const latest = (await queryPage(poll, latestQuery(table, ''), 1)).items[0]?.ns_modified ?? (await queryPage(poll, nowQuery, 1)).items[0]?.ns_modified;
			const start: PollCursor = { recordType: recordType.toLowerCase(), modified: String(latest), idsAtModified: [] };
			const atStart = (await readChanges(poll, table, '', start.modified)).filter((r) => r.modified === start.modified);
			ledger.setCursor(recordType, { ...start, idsAtModified: atStart.map((r) => r.id) });
			continue;
		}
		const rows = await readChanges(poll, table, '', previous.modified);
		const { fresh, next } = advance(previous, rows);
		// A record created since the cursor is new, unless its creation already came by push.
		const known = fresh.length ? ledger.recordsSeen() : new Set<string>();
		for (const row of fresh) {
			const isNew = eventOf(row, previous) === 'created' && !known.has(`${recordType.toLowerCase()}:${row.id}`);
			const event: ChangeEvent = {
				event: isNew ? 'create' : 'edit',
				recordType,
				id: row.id,
				lastModified: fromSecond(row.modified),
				created: fromSecond(row.created),
				source: 'catchUp',
			};
			const key = changeKey(event);
			if (key && ledger.claim(key)) events.push(event);
		}
		ledger.setCursor(recordType, next);
	}
	return events;
}
