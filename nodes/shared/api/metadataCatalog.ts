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

/** A record type in words: salesOrder → "Sales Order", customrecord_demo_project → "Demo Project". */
export function recordTypeWords(name: string): string {
	const bare = name.replace(/^customrecord_?/i, '');
	const words = bare
		.replace(/_/g, ' ')
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.trim()
		.replace(/\b[a-z]/g, (c) => c.toUpperCase());
	return words || name;
}

/** Record Type picker: the catalog in words with the ID beside it, found by either. */
export async function searchRecordTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const names = await recordTypeNames(this);
	const squash = (text: string) => text.toLowerCase().replace(/[\s_]/g, '');
	const wanted = squash(filter ?? '');
	return {
		results: names
			.map((name) => ({ name, words: recordTypeWords(name) }))
			.filter(({ name, words }) => !wanted || squash(name).includes(wanted) || squash(words).includes(wanted))
			.sort((a, b) => a.words.localeCompare(b.words))
			.map(({ name, words }) => ({ name: words === name ? name : `${words} (${name})`, value: name })),
	};
}
