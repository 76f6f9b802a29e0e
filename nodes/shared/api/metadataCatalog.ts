// The account's metadata catalog: record types for pickers, JSON schemas for fields.
// Cached per execution (a catalog read is slow in NetSuite and never changes mid-run).
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../auth/account';
import { netSuiteRequest, type NetSuiteContext, type TransportOptions } from './transport';

const cache = new Map<string, Promise<unknown>>();

function cacheKey(ctx: NetSuiteContext, what: string): string {
	const execution = 'getExecutionId' in ctx && typeof ctx.getExecutionId === 'function' ? ctx.getExecutionId() : 'editor';
	return `${execution}:${ctx.getNode().id}:${what}`;
}

async function cached<T>(ctx: NetSuiteContext, what: string, load: () => Promise<T>): Promise<T> {
	const key = cacheKey(ctx, what);
	let entry = cache.get(key) as Promise<T> | undefined;
	if (!entry) {
		entry = load();
		cache.set(key, entry);
		entry.catch(() => cache.delete(key));
		// Keyed by execution, so old entries are never read again: keep the map small.
		if (cache.size > 200) cache.delete(cache.keys().next().value as string);
	}
	return await entry;
}

export async function recordTypeNames(ctx: NetSuiteContext, transport: TransportOptions = {}): Promise<string[]> {
	return await cached(ctx, 'catalog', async () => {
		const response = await netSuiteRequest.call(ctx, { method: 'GET', path: `${RECORD_BASE_PATH}/metadata-catalog` }, transport);
		const items = ((response.body as IDataObject)?.items ?? []) as Array<{ name?: string }>;
		return items.map((i) => String(i.name ?? '')).filter(Boolean);
	});
}

export async function recordSchema(ctx: NetSuiteContext, recordType: string, transport: TransportOptions = {}): Promise<IDataObject> {
	return await cached(ctx, `schema:${recordType}`, async () => {
		const response = await netSuiteRequest.call(
			ctx,
			{
				method: 'GET',
				path: `${RECORD_BASE_PATH}/metadata-catalog/${encodeURIComponent(recordType)}`,
				headers: { Accept: 'application/schema+json' },
			},
			transport,
		);
		return response.body as IDataObject;
	});
}

/** Record Type picker: the catalog, filtered by what the user types. */
export async function searchRecordTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const names = await recordTypeNames(this);
	const wanted = (filter ?? '').toLowerCase();
	return {
		results: names
			.filter((name) => !wanted || name.toLowerCase().includes(wanted))
			.sort((a, b) => a.localeCompare(b))
			.map((name) => ({ name, value: name })),
	};
}
