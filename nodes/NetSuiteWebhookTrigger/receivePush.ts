// One push from NetSuite's script: verified (signature over this trigger's own path, replay
// window, replay memo), parsed, filtered, claimed in the ledger, answered at once, then turned
// into the workflow's item.
import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { ledgerFor, recordTypesOf, replayWindow } from './context';
import { eventWanted } from './description';
import { toItem } from './items';
import { changeKey, parsePushEvent } from './pushEvent';
import { checkSignature, REFUSAL_MESSAGES, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';
import { ownWebhookPath } from './webhookPath';

export const MIN_SECRET_LENGTH = 32;

/** The part of n8n's (express) response object this node uses. */
interface PlainResponse {
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

function answer(ctx: IWebhookFunctions, status: number, body: IDataObject): void {
	const res = ctx.getResponseObject() as unknown as PlainResponse;
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(body));
}

export async function receivePush(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const refuse = (status: number, error: string): IWebhookResponseData => {
		answer(this, status, { error });
		// No workflowData: n8n starts no execution.
		return { noWebhookResponse: true };
	};
	const secret = String((await this.getCredentials('netSuiteWebhookApi')).secret ?? '');
	if (secret.length < MIN_SECRET_LENGTH) return refuse(401, 'The webhook credential has no usable secret');
	const headers = this.getHeaderData();
	const rawBody = (this.getRequestObject() as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
	const window = replayWindow(this);
	const refusal = checkSignature(
		secret,
		ownWebhookPath(this),
		{ timestamp: headers[TIMESTAMP_HEADER], signature: headers[SIGNATURE_HEADER], rawBody },
		Math.floor(Date.now() / 1000),
		window,
	);
	if (refusal) return refuse(401, REFUSAL_MESSAGES[refusal]);

	const ledger = ledgerFor(this);
	if (!ledger.claimSignature(String(headers[SIGNATURE_HEADER]).toLowerCase(), Number(headers[TIMESTAMP_HEADER]))) {
		ledger.save(window);
		return refuse(401, 'Signature refused: replayed');
	}
	const event = parsePushEvent(this.getBodyData());
	if ('error' in event) {
		ledger.save(window);
		return refuse(400, event.error);
	}
	const types = recordTypesOf(this).map((t) => t.toLowerCase());
	const wanted =
		types.includes(event.recordType.toLowerCase()) && eventWanted(event.event, this.getNodeParameter('events', []) as string[]);
	// Claimed even when filtered out, so the catch-up does not emit it later either.
	const key = changeKey(event);
	const fresh = key === undefined || ledger.claim(key);
	ledger.save(window);
	if (!wanted || !fresh) {
		// Genuine, so NetSuite's script is told it arrived; it just starts nothing.
		answer(this, 200, { received: true, ignored: wanted ? 'already received' : 'not selected by this trigger' });
		return { noWebhookResponse: true };
	}

	// Answer before any NetSuite call: the script (and the user's save) waits for this answer.
	answer(this, 200, { received: true });
	const item: INodeExecutionData = await toItem(this, event, this.getNodeParameter('output', 'event') === 'full');
	return { noWebhookResponse: true, workflowData: [[item]] };
}
