// The catch-up's schedule: one run on activation (awaited, so n8n's activation save holds its
// cursor), then every N minutes on n8n's cron; a run never overlaps the previous one, and a
// failed run leaves the cursor where it was for the next.
import { NodeOperationError, type ITriggerFunctions, type ITriggerResponse } from 'n8n-workflow';

import { catchUp } from './catchUp';
import { accountZoneOf, ledgerFor, recordTypesOf, replayWindow } from './context';
import { eventWanted } from './description';
import { toItem } from './items';

export async function startCatchUp(this: ITriggerFunctions): Promise<ITriggerResponse> {
	// The editor's "listen for test event" waits on the test webhook; catch-up is for active workflows.
	if (this.getMode() === 'manual' || !this.getNodeParameter('catchUp', true)) return {};
	const recordTypes = recordTypesOf(this);
	const wantedEvents = this.getNodeParameter('events', []) as string[];
	const full = this.getNodeParameter('output', 'event') === 'full';
	const zone = accountZoneOf(this);
	const minutes = Math.min(59, Math.max(1, Math.floor(Number(this.getNodeParameter('catchUpMinutes', 15)))));
	let running = false;
	const run = async () => {
		if (running) return;
		running = true;
		try {
			const startedAt = Date.now();
			// One record type at a time, each emitted before the next is read: a change is claimed
			// in the ledger only with its cursor, and a later type's failure cannot strand it.
			for (const recordType of recordTypes) {
				const ledger = ledgerFor(this);
				const events = (await catchUp(this, ledger, [recordType], wantedEvents.includes('delete'), zone)).filter((e) =>
					eventWanted(e.event, wantedEvents),
				);
				ledger.save(replayWindow(this));
				// emit() saves the static data (cursor and claimed keys) before the workflow runs.
				if (events.length) this.emit([await Promise.all(events.map((e) => toItem(this, e, full)))]);
			}
			const ledger = ledgerFor(this);
			ledger.caughtUp(startedAt);
			ledger.save(replayWindow(this));
		} catch (error) {
			// The push keeps working; the next run retries from the same cursor.
			this.logger.warn(`NetSuite Webhook Trigger catch-up failed: ${(error as Error).message}`);
			if (typeof this.saveFailedExecution === 'function') this.saveFailedExecution(new NodeOperationError(this.getNode(), error as Error));
		} finally {
			running = false;
		}
	};
	// On activation, before n8n saves the static data it runs activation with.
	await run();
	this.helpers.registerCron({ expression: `${Math.floor(Math.random() * 60)} */${minutes} * * * *` }, () => void run());
	return {};
}
