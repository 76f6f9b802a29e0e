// A change as an n8n item: the event fields, or the full record fetched through the shared
// transport with the event under _netsuite.
import type { IDataObject, INodeExecutionData, ITriggerFunctions, IWebhookFunctions } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../shared/auth/account';
import { FULL_RECORD_QUERY, stripLinks } from '../shared/api/output';
import { netSuiteRequest } from '../shared/api/transport';
import type { ChangeEvent } from './pushEvent';

export function eventJson(event: ChangeEvent): IDataObject {
	return {
		event: event.event,
		recordType: event.recordType,
		id: event.id,
		lastModified: event.lastModified,
		created: event.created,
		source: event.source,
		...(event.details ?? {}),
	};
}

export async function toItem(ctx: IWebhookFunctions | ITriggerFunctions, event: ChangeEvent, full: boolean): Promise<INodeExecutionData> {
	const meta = eventJson(event);
	if (!full || event.event === 'delete') return { json: meta };
	try {
		const response = await netSuiteRequest.call(ctx, {
			method: 'GET',
			path: `${RECORD_BASE_PATH}/${encodeURIComponent(event.recordType)}/${encodeURIComponent(event.id)}`,
			qs: FULL_RECORD_QUERY,
		});
		return { json: { ...stripLinks(response.body as IDataObject), _netsuite: meta } };
	} catch (error) {
		// The change is already claimed: emit it with the reason rather than lose it.
		return { json: { _netsuite: { ...meta, fetchError: (error as Error).message } } };
	}
}
