// What every record write shares: the body from the node's inputs, the Replace options, the
// idempotency key of a create, and the output (the id, or the full record).
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { derivedKey } from '../../../shared/api/derivedKey';
import { toItems } from '../../../shared/api/output';
import type { TransportOptions } from '../../../shared/api/transport';
import { DELIVERY_ASYNC } from '../../fields/options';
import { jsonObjectParam, looseValue } from '../../inputs/params';
import { fetchRecord } from './read';

/** The body of a write: JSON, or field by field. */
export function recordBody(ctx: IExecuteSingleFunctions): IDataObject {
	const mode = ctx.getNodeParameter('bodyMode', 'fields') as string;
	if (mode === 'json') return jsonObjectParam(ctx, 'bodyJson', 'Body (JSON)');
	const body: IDataObject = {};
	const fields = (ctx.getNodeParameter('bodyFields', {}) as { field?: Array<{ name: string; value: unknown }> }).field ?? [];
	for (const { name, value } of fields) if (name) body[name.trim()] = looseValue(value) as IDataObject[string];
	return body;
}

/** preSend: the body from Send Body As (Fields Below or JSON). */
export async function sendRecordBody(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	request.body = recordBody(this);
	return request;
}

/** preSend: Replace Sublists and Replace Selected Fields as NetSuite's query. */
export async function sendReplaceOptions(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const qs: IDataObject = { ...request.qs };
	if (typeof options.replace === 'string' && options.replace.trim())
		qs.replace = options.replace
			.split(',')
			.map((s) => s.trim())
			.join(',');
	if (options.replaceSelectedFields) qs.replaceSelectedFields = true;
	request.qs = qs;
	return request;
}

/**
 * A create's idempotency key, derived (not drawn) from the execution, the node, the item and what
 * the create sends, so n8n's Retry On Fail and a re-run of the same execution send the same key and
 * NetSuite answers with the first job instead of making a second record. n8n-core's
 * WorkflowExecute (runNode inside the retryOnFail loop) runs the node again with the same
 * execution id and the same item index, so these inputs repeat exactly when the create repeats;
 * the body in the hash keeps two different creates of one item (a loop) apart. Shaped as a UUID,
 * as Oracle's examples use.
 */
export function idempotencyKeyFor(
	executionId: string,
	nodeId: string,
	itemIndex: number,
	request: Pick<IHttpRequestOptions, 'url' | 'body'>,
): string {
	return derivedKey([executionId, nodeId, itemIndex, request.url, request.body ?? null]);
}

/** preSend: the key only when the create is sent as an async job (Delivery: Exactly Once); a synchronous one would carry it for nothing. */
export async function sendIdempotencyKeyIfAsync(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	return options.delivery === DELIVERY_ASYNC ? await sendIdempotencyKey.call(this, request) : request;
}

/** preSend: a create's idempotency key (idempotencyKeyFor), kept across retries; used by Exactly Once (asyncCreate.ts). */
export async function sendIdempotencyKey(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const key = idempotencyKeyFor(this.getExecutionId(), this.getNode().id, this.getItemIndex(), request);
	request.headers = { ...request.headers, 'X-NetSuite-Idempotency-Key': key };
	return request;
}

/**
 * A PATCH that carries sublist lines without `replace` for that sublist adds them: sent twice,
 * it adds them twice. Such an update is in the retry table's "add line" row, not "write".
 */
export function addsLines(body: IDataObject, qs: IDataObject): boolean {
	const replaced = new Set(
		String(qs.replace ?? '')
			.split(',')
			.map((s) => s.trim().toLowerCase())
			.filter(Boolean),
	);
	return Object.entries(body).some(([name, value]) => {
		const items = value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject).items : undefined;
		return Array.isArray(items) && items.length > 0 && !replaced.has(name.toLowerCase());
	});
}

/**
 * What a write outputs: its summary (the id), or with Return Full Record the record as a GET
 * right after the write returns it, so a builder can map its fields without a Get node.
 */
export async function writeOutput(
	ctx: IExecuteSingleFunctions,
	recordPath: string | null,
	summary: IDataObject,
	transport: TransportOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = transport.itemIndex ?? 0;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	// No path means NetSuite named no record: the write happened, so its summary is still the truth.
	if (!options.returnFullRecord || recordPath === null) return toItems([summary], itemIndex);
	return toItems([await fetchRecord(ctx, recordPath, transport)], itemIndex);
}
