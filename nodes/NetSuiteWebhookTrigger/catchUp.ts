// The catch-up: what the push missed while n8n was down (or a post failed), read with the
// NetSuite Trigger's own change streams and cursor (nodes/NetSuiteTrigger/poller.ts): per
// record type, the record changes and the deletes after the cursor, each once. A change
// already emitted by push or by an earlier catch-up is skipped by its change key.
//
// SuiteQL writes times in the integration user's time zone; the script pushes UTC. So each
// catch-up time is read in the account's zone (the Account Time Zone option, else the offset
// learned from NetSuite's clock: ../NetSuiteTrigger/accountZone.ts) and keyed as the UTC
// second the push used. In the hour a daylight-saving change repeats, a local time is two
// instants: each time read carries NetSuite's own word on which (its shift, pollQuery.ts).
import type { IPollFunctions, ITriggerFunctions } from 'n8n-workflow';

import { zoneWatcher } from '../NetSuiteTrigger/accountZone';
import { pollChanges, type Change, type PollOptions } from '../NetSuiteTrigger/poller';
import { resolvePollTable } from '../NetSuiteTrigger/pollTable';
import { suiteQlReader } from '../NetSuiteTrigger/reader';
import { instantOf, type AccountZone } from '../shared/api/accountTime';
import { SUITEQL_MAX_PAGE } from '../shared/api/suiteQl';
import type { Ledger } from './ledger';
import { changeKey, type ChangeEvent } from './pushEvent';

/**
 * The trigger's functions are typed for a polling node but use only what every trigger
 * context has (getNode, getCredentials, getNodeParameter('authentication'), helpers): this
 * is the one place a trigger context stands in for a poll context.
 */
const asPollContext = (ctx: ITriggerFunctions) => ctx as unknown as IPollFunctions;

const EVENT: Record<Change['event'], string> = { created: 'create', updated: 'edit', deleted: 'delete' };

/** A NetSuite local time as the UTC instant the script would send (ISO with milliseconds). */
function isoAt(change: Change, name: 'created' | 'lastModified' | 'deleted', zone: AccountZone): string | null {
	const at = instantOf(change[name], zone, change.shifts?.[name]);
	return at === undefined ? null : new Date(at).toISOString();
}

/** The change as the push would post it. */
export function toChangeEvent(change: Change, zone: AccountZone): ChangeEvent {
	const details =
		change.event === 'deleted'
			? { deleted: isoAt(change, 'deleted', zone), deletedBy: change.deletedBy, context: change.context }
			: undefined;
	return {
		event: EVENT[change.event],
		recordType: change.recordType,
		id: change.id,
		lastModified: isoAt(change, 'lastModified', zone),
		created: isoAt(change, 'created', zone),
		source: 'catchUp',
		...(details && { details: Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined && v !== null)) }),
	};
}

export async function catchUp(
	ctx: ITriggerFunctions,
	ledger: Ledger,
	recordTypes: string[],
	withDeletes: boolean,
	configuredZone?: AccountZone,
): Promise<ChangeEvent[]> {
	const poll = asPollContext(ctx);
	const clock = zoneWatcher(suiteQlReader(poll), configuredZone);
	const read = clock.read;
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
		const zone = changes.length ? await clock.zone() : { offsetMinutes: 0 };
		for (const event of changes.map((change) => toChangeEvent(change, zone))) {
			const key = changeKey(event);
			if (key && ledger.claim(key)) events.push(event);
		}
		ledger.setCursor(recordType, state);
	}
	return events;
}
