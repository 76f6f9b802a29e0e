// One scheduled poll of one trigger, start to finish: never beside another poll of the same
// cursor (overlap.ts), the changes after the cursor turned into items, and only then the
// cursor moved in the node's static data. The node and the model test both run this.
import type { IDataObject } from 'n8n-workflow';

import type { PageReader } from './changeStream';
import { exclusivePoll } from './overlap';
import { pollChanges, type Change, type PollOptions, type PollPlan, type TriggerState } from './poller';
import { migratedState } from './staticData';

export type TriggerStaticData = IDataObject & { trigger?: TriggerState };

export type PollOutcome<T> = { skipped: true } | { skipped: false; items: T[]; changes: number; more: boolean };

export async function pollOnce<T>(
	staticData: TriggerStaticData,
	read: PageReader,
	plan: PollPlan,
	options: PollOptions,
	toItems: (changes: Change[]) => Promise<T[]>,
): Promise<PollOutcome<T>> {
	const run = await exclusivePoll(staticData, async () => {
		const { changes, state, more } = await pollChanges(read, plan, migratedState(staticData), options);
		const items = await toItems(changes);
		// Only now, with every change turned into an item, does the cursor move.
		staticData.trigger = state;
		delete staticData.cursor;
		return { items, changes: changes.length, more };
	});
	return run.skipped ? run : { skipped: false, ...run.result };
}
