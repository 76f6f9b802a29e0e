// The trigger's static data across versions of this package. Up to 0.x the cursor was
// `{ modified, idsAtModified, recordType }`: every change before `modified`, and the listed
// ids at it, had been emitted. For updates that is a cursor after (modified, 0) with those ids
// as history; creations are counted from the same time (a record created in that second and
// already emitted as new is listed too).
import type { IDataObject } from 'n8n-workflow';

import type { TriggerState } from './poller';

interface LegacyCursor {
	recordType?: unknown;
	modified?: unknown;
	idsAtModified?: unknown;
}

export function migratedState(staticData: IDataObject): TriggerState | undefined {
	if (staticData.trigger) return staticData.trigger as unknown as TriggerState;
	const legacy = staticData.cursor as LegacyCursor | undefined;
	if (!legacy || typeof legacy.modified !== 'string' || typeof legacy.recordType !== 'string') return undefined;
	const ids = Array.isArray(legacy.idsAtModified) ? legacy.idsAtModified.map(String) : [];
	const cursor = { after: { time: legacy.modified, id: '0' }, history: { time: legacy.modified, ids } };
	return { recordType: legacy.recordType, created: cursor, updated: cursor };
}
