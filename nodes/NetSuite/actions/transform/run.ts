// The one transform: POST {source}/{id}/!transform/{target}. NetSuite answers like a create (204
// and a Location), so it is sent like every create: async with an idempotency key, so a lost
// answer cannot make two records. Shared by Record › Transform and the shortcuts built on it.
import { NodeApiError, NodeOperationError, type IDataObject, type IExecutePaginationFunctions, type JsonObject } from 'n8n-workflow';

import { createRecordSafely } from '../../../shared/api/asyncCreate';
import { RECORD_BASE_PATH } from '../../../shared/auth/account';
import type { NetSuiteRequest, TransportOptions } from '../../../shared/api/transport';
import { writeOutput } from '../record/write';

export interface TransformPair {
	sourceType: string;
	sourceId: string;
	targetType: string;
}

/** The pair a transform path names: /record/v1/{source}/{id}/!transform/{target}. */
export function transformPairOf(path: string): TransformPair {
	const [sourceType, sourceId, , targetType] = path
		.slice(path.indexOf(RECORD_BASE_PATH) + RECORD_BASE_PATH.length + 1)
		.split('/')
		.map(decodeURIComponent);
	return { sourceType, sourceId, targetType };
}

/**
 * The declared request and its runner, for each operation that transforms: `source` and
 * `target` are record types or `{parameter}` templates, `id` the parameter holding the source ID.
 */
export function transformRequest(source: string, id: string, target: string) {
	return {
		request: {
			method: 'POST' as const,
			url: `${RECORD_BASE_PATH}/${source}/{${id}}/!transform/${target}`,
			headers: { Prefer: 'respond-async' },
		},
		run: runTransform,
	};
}

/** Sends a declared transform; answers the new ID (or the new record, with Return Full Record). */
export async function runTransform(
	this: IExecutePaginationFunctions,
	request: NetSuiteRequest,
	transport: TransportOptions,
	extra: IDataObject = {},
) {
	const pair = transformPairOf(request.path);
	let created;
	try {
		created = await createRecordSafely.call(this, request, transport);
	} catch (error) {
		// NetSuite's own message is kept; the pair it refused is said first. Both constructors
		// hand back an error of their own type unchanged, so its status and details stay.
		if (error instanceof Error)
			error.message = `NetSuite refused to transform ${pair.sourceType} ${pair.sourceId} into ${pair.targetType}: ${error.message}`;
		const itemIndex = transport.itemIndex;
		if (error instanceof NodeOperationError) throw new NodeOperationError(this.getNode(), error, { itemIndex });
		throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
	}
	const summary: IDataObject = { id: created.id, recordType: pair.targetType, createdFrom: pair.sourceId, ...extra };
	const path = created.id === null ? null : `${RECORD_BASE_PATH}/${pair.targetType}/${encodeURIComponent(created.id)}`;
	return await writeOutput(this, path, summary, transport);
}
