// The catch-up: what the push missed while n8n was down (or a post failed), read with the
// NetSuite Trigger's own change streams and cursor (nodes/NetSuiteTrigger/poller.ts): per
// record type, the record changes and the deletes after the cursor, each once. A change
// already emitted by push or by an earlier catch-up is skipped by its change key.
import type { IPollFunctions, ITriggerFunctions } from 'n8n-workflow';

import { pollChanges, type Change, type PollOptions } from '../NetSuiteTrigger/poller';
import { resolvePollTable } from '../NetSuiteTrigger/pollTable';
import { suiteQlReader } from '../NetSuiteTrigger/reader';
import { SUITEQL_MAX_PAGE } from '../shared/api/suiteQl';
import type { Ledger } from './ledger';
import { changeKey, fromSecond, type ChangeEvent } from './pushEvent';

/**
 * The trigger's functions are typed for a polling node but use only what every trigger
 * context has (getNode, getCredentials, getNodeParameter('authentication'), helpers): this
 * is the one place a trigger context stands in for a poll context.
 */
const asPollContext = (ctx: ITriggerFunctions) => ctx as unknown as IPollFunctions;

const EVENT: Record<Change['event'], string> = { created: 'create', updated: 'edit', deleted: 'delete' };

export function toChangeEvent(change: Change): ChangeEvent {
	const details =
		change.event === 'deleted'
			? { deleted: fromSecond(change.deleted ?? ''), deletedBy: change.deletedBy, context: change.context }
			: undefined;
	return {
		event: EVENT[change.event],
		recordType: change.recordType,
		id: change.id,
		lastModified: fromSecond(change.lastModified ?? ''),
		created: fromSecond(change.created ?? ''),
		source: 'catchUp',
		...(details && { details: Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined && v !== null)) }),
	};
}

export async function catchUp(ctx: ITriggerFunctions, ledger: Ledger, recordTypes: string[], withDeletes: boolean): Promise<ChangeEvent[]> {
	const poll = asPollContext(ctx);
	const read = suiteQlReader(poll);
	// The first run starts from NetSuite's newest change (its clock, not ours): pushes cover
	// what happens from then on, and the catch-up whatever they miss.
	const options: PollOptions = {
		showNew: true,
		showUpdated: true,
		showDeleted: withDeletes,
		startFrom: { mode: 'now' },
		pageSize: SUITEQL_MAX_PAGE,
	};
	const events: ChangeEvent[] = [];
	for (const recordType of recordTypes) {
		const table = await resolvePollTable(poll, recordType);
		const { changes, state } = await pollChanges(read, { recordType, table, filter: '' }, ledger.cursor(recordType), options);
		for (const event of changes.map(toChangeEvent)) {
			const key = changeKey(event);
			if (key && ledger.claim(key)) events.push(event);
		}
		ledger.setCursor(recordType, state);
	}
	return events;
}
