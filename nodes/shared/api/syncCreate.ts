// One Request per Record: a create sent synchronously, one POST, that still never makes a
// second record when an answer is lost.
//
// NetSuite's REST API description of X-NetSuite-Idempotency-Key: "If the request is executed
// synchronously, this header is ignored." So a synchronous create has no key, and nothing on
// NetSuite's side remembers a create whose answer was lost. What it does remember is the
// record's External ID: it is unique per record type, and `GET …/{type}/eid:{externalId}` finds
// the record by it (DESIGN.md, Single record). MuleSoft, Workato, Celigo, Boomi and Oracle's own
// guidance make a retried create safe the same way. Hence:
// - 429 (refused before it ran) is retried by the transport, as for every write;
// - an unknown outcome (5xx, reset, timeout, lost answer) with an External ID in the body: look
//   the record up by eid:, answer with it if it is there, send again only if it is not (a second
//   create racing a slow first one is refused by NetSuite as a duplicate External ID, and then
//   the look-up finds the first);
// - an unknown outcome without one: the item fails saying the record may exist and how to check.
//   Never a message that invites a blind retry.
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import type { CreatedRecord } from './asyncCreate';
import { toNetSuiteApiError, type HttpFailure } from './netSuiteError';
import { idFromLocation } from './output';
import { failureKind } from './retryPolicy';
import { netSuiteRequest, type NetSuiteContext, type NetSuiteRequest, type TransportOptions } from './transport';

/** Rounds of "send, outcome unknown, not found by eid:" before the item fails (each round's POST has its own 429 retries). */
export const syncCreateTuning = { maxSends: 3 };

const UNKNOWN = new Set(['serverError', 'connectionReset', 'timeout', 'lostAnswer']);
const isUnknownOutcome = (failure: HttpFailure): boolean => UNKNOWN.has(failureKind(failure) ?? '');

/**
 * What happened, in words: never the network code itself. n8n's NodeError (n8n-workflow
 * errors/abstract/node.error.js, COMMON_ERRORS) replaces a message that contains ECONNRESET and
 * the like with its own text ("You can retry the request immediately…"), the one thing this
 * message must not say about a create.
 */
function unknownOutcomeWords(failure: HttpFailure): string {
	const kind = failureKind(failure);
	if (kind === 'serverError') return `NetSuite answered HTTP ${failure.status}`;
	if (kind === 'timeout') return 'no answer before the timeout';
	return 'the connection closed without an answer';
}

/** The External ID a create's body sets, if any (NetSuite's field is `externalId`). */
export function externalIdOf(body: unknown): string | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const entry = Object.entries(body as IDataObject).find(([name]) => name.toLowerCase() === 'externalid');
	const value = entry?.[1];
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Without the async preference and key: a synchronous create carries neither (the key would be ignored). */
function syncHeaders(headers: IDataObject = {}): IDataObject {
	return Object.fromEntries(
		Object.entries(headers).filter(([name]) => !['prefer', 'x-netsuite-idempotency-key'].includes(name.toLowerCase())),
	) as IDataObject;
}

/** The record's id if a record of this type has this External ID, else undefined (a read: retried as reads are). */
async function findByExternalId(this: NetSuiteContext, path: string, externalId: string, transport: TransportOptions) {
	const found = await netSuiteRequest.call(
		this,
		{ method: 'GET', path: `${path}/eid:${encodeURIComponent(externalId)}`, qs: { fields: 'id' } },
		{ ...transport, accept: (failure) => failure.status === 404 },
	);
	if (found.statusCode === 404) return undefined;
	const id = (found.body as IDataObject | undefined)?.id;
	return id === undefined || id === null ? undefined : String(id);
}

/** Sends a create synchronously (one POST) and answers the new record's id; see the file's comment for lost answers. */
export async function createRecordDirect(
	this: NetSuiteContext,
	request: Pick<NetSuiteRequest, 'path' | 'body' | 'headers'>,
	transport: TransportOptions = {},
): Promise<CreatedRecord> {
	const itemIndex = transport.itemIndex;
	const externalId = externalIdOf(request.body);
	let lost: HttpFailure | undefined;
	for (let send = 1; ; send++) {
		const seen: { failure?: HttpFailure } = {};
		const answer = await netSuiteRequest.call(
			this,
			{ method: 'POST', path: request.path, body: request.body, headers: syncHeaders(request.headers), requestClass: 'createDirect' },
			{
				...transport,
				// Unknown outcomes come back here instead of being thrown, so this function decides.
				// After a lost answer, a refusal is read too: it may be NetSuite refusing a duplicate External ID.
				accept: (f) => {
					const take =
						isUnknownOutcome(f) || (lost !== undefined && f.status !== undefined && f.status >= 400 && f.status < 500 && f.status !== 429);
					if (take) seen.failure = f;
					return take;
				},
			},
		);
		const failure = seen.failure;
		if (!failure) return { id: idFromLocation(answer.headers) ?? null };
		if (!isUnknownOutcome(failure)) {
			// Refused after an earlier lost answer: the first create may be the reason (duplicate External ID).
			const id = externalId === undefined ? undefined : await findByExternalId.call(this, request.path, externalId, transport);
			if (id !== undefined) return { id };
			throw toNetSuiteApiError(this.getNode(), failure, itemIndex);
		}
		lost = failure;
		if (externalId === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`The create's outcome is unknown (${unknownOutcomeWords(failure)}): the record may exist in NetSuite`,
				{
					itemIndex,
					description:
						'The node did not send it again, since a second create could make a second record. Check in NetSuite (or with a Get / SuiteQL search) whether the record exists before running this item again. ' +
						'To let the node check by itself, set the External ID (externalId) in the body, or choose Delivery "Exactly Once (Async Job)".',
				},
			);
		}
		let id: string | undefined;
		try {
			id = await findByExternalId.call(this, request.path, externalId, transport);
		} catch (error) {
			// The create may have been applied; a look-up's own "gave up" must not read as the create failing.
			throw new NodeOperationError(
				this.getNode(),
				`The create's outcome is unknown (${unknownOutcomeWords(failure)}) and looking the record up failed (${(error as Error).message.replace(/\b(E[A-Z]{4,}|UND_ERR_[A-Z_]+)\b/g, 'network error')}): the record may exist in NetSuite`,
				{
					itemIndex,
					description: `Look it up by External ID (Get with ID eid:${externalId}) before running this item again; running it again is safe, since NetSuite refuses a second record with the same External ID.`,
				},
			);
		}
		if (id !== undefined) return { id };
		if (send >= syncCreateTuning.maxSends) {
			throw new NodeOperationError(
				this.getNode(),
				`The create's outcome stayed unknown after ${send} attempts (${unknownOutcomeWords(failure)}), and no record has External ID "${externalId}" yet`,
				{
					itemIndex,
					description: `NetSuite may still be saving it. Look it up by External ID (Get with ID eid:${externalId}) before running this item again; running it again is safe, since NetSuite refuses a second record with the same External ID.`,
				},
			);
		}
	}
}
