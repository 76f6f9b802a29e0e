// Changes become n8n items: one light item each, or the full record fetched by id. A full
// fetch never holds the cursor back: a record gone by then is reported as deleted (or
// skipped), one REST refuses with another 4xx (403, 400, ...) is emitted with NetSuite's
// error, so the rest of the poll goes through. Anything else (login, network, 5xx after retries) fails the poll, and
// the cursor stays where it was.
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { isoOf, zoneLabel, type AccountZone } from '../shared/api/accountTime';
import { RECORD_BASE_PATH } from '../shared/auth/account';
import { SAFE_CONCURRENCY } from '../shared/api/concurrency';
import { mapLimited } from '../shared/api/limiter';
import { netSuiteErrorDetails, toNetSuiteApiError } from '../shared/api/netSuiteError';
import { FULL_RECORD_QUERY, stripLinks } from '../shared/api/output';
import { netSuiteRequest } from '../shared/api/transport';
import type { Change } from './poller';

export interface ItemOptions {
	full: boolean;
	/** A record gone between the query and its fetch: emitted as deleted, or skipped. */
	whenGone: 'deleted' | 'skip';
	/** With Show Deleted Records on, the delete arrives from DeletedRecord: never report it twice. */
	showDeleted: boolean;
	/** The zone SuiteQL showed the change's times in (accountZone.ts). */
	zone: AccountZone;
}

/** A change as its item states it: NetSuite's local times as UTC instants, and their zone. */
function changeMeta(change: Change, zone: AccountZone): IDataObject {
	const { shifts, ...rest } = change;
	const meta: IDataObject = { ...rest };
	// Said as the fetch's error (full records); light items keep recordType 'item' and itemType.
	delete meta.noRecordType;
	for (const name of ['created', 'lastModified', 'deleted'] as const)
		if (change[name] !== undefined) meta[name] = isoOf(change[name], zone, shifts?.[name]) ?? change[name] ?? null;
	meta.accountTimeZone = zoneLabel(zone);
	return meta;
}

async function fullItem(ctx: IPollFunctions, change: Change, options: ItemOptions): Promise<INodeExecutionData | undefined> {
	const meta = (c: Change) => changeMeta(c, options.zone);
	// An item row whose type the REST record service does not serve (a tax item, a group's end
	// line, a code the package does not know) is not fetched under another type: a 404 there
	// would read as "deleted". It is emitted with its id, item type and why, as a refused fetch
	// is, and the poll goes on.
	if (change.noRecordType) {
		const error = { status: null, detail: change.noRecordType, code: 'NO_REST_RECORD_TYPE' };
		return { json: { id: change.id, _netsuite: { ...meta(change), error } } };
	}
	const path = `${RECORD_BASE_PATH}/${change.recordType}/${encodeURIComponent(change.id)}`;
	// Full Records: the record as a Get with its sublists returns it (a sales order's lines, not
	// only their link), still one request per record: expandSubResources expands in the same GET.
	const response = await netSuiteRequest.call(ctx, { method: 'GET', path, qs: FULL_RECORD_QUERY }, { neverError: true });
	if (response.statusCode < 300) return { json: { ...stripLinks(response.body as IDataObject), _netsuite: meta(change) } };
	if (response.statusCode === 404) {
		if (options.showDeleted || options.whenGone === 'skip') return undefined;
		return { json: { id: change.id, _netsuite: { ...meta(change), event: 'deleted' } } };
	}
	// Any other 4xx is about this one record (403: the role may not read it; 400: REST refuses
	// the request for this record), so it is emitted with NetSuite's error and the poll goes on:
	// one record must never hold the cursor back (issue 22). 401 (login) and 429 (limit, after the transport's retries) are about the
	// account, not the record, and fail the poll.
	if (response.statusCode >= 400 && response.statusCode < 500 && response.statusCode !== 401 && response.statusCode !== 429) {
		const [detail] = netSuiteErrorDetails(response.body);
		const error = { status: response.statusCode, detail: detail?.detail ?? 'Request refused', code: detail?.errorCode ?? null };
		return { json: { id: change.id, _netsuite: { ...meta(change), error } } };
	}
	throw toNetSuiteApiError(ctx.getNode(), { status: response.statusCode, body: response.body, headers: response.headers });
}

export async function toItems(ctx: IPollFunctions, changes: Change[], options: ItemOptions): Promise<INodeExecutionData[]> {
	const meta = (change: Change) => changeMeta(change, options.zone);
	if (!options.full) return changes.map((change) => ({ json: meta(change) }));
	const items = await mapLimited(changes, SAFE_CONCURRENCY, async (change) =>
		change.event === 'deleted' ? { json: { id: change.id, _netsuite: meta(change) } } : await fullItem(ctx, change, options),
	);
	return items.filter((item): item is INodeExecutionData => item !== undefined);
}
