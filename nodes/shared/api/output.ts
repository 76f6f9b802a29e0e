// What a node emits: NetSuite's `links` (hypermedia that only repeats URLs) removed, so
// items hold the record and nothing else.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { headerValue } from './headers';

/** A record "in full", as the triggers' Full Records fetch it: its sublists expanded in the same GET (REST's expandSubResources). */
export const FULL_RECORD_QUERY = { expandSubResources: true };

export function stripLinks<T>(value: T): T {
	if (Array.isArray(value)) return value.map((v) => stripLinks(v)) as T;
	if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
		const out: IDataObject = {};
		for (const [key, v] of Object.entries(value as IDataObject)) {
			if (key !== 'links') out[key] = stripLinks(v);
		}
		return out as T;
	}
	return value;
}

export function toItems(records: IDataObject[], itemIndex: number): INodeExecutionData[] {
	return records.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/** The id NetSuite puts only in the Location header of a 204 answer to a create. */
export function idFromLocation(headers: Record<string, unknown>): string | undefined {
	const location = headerValue(headers, 'location');
	if (location === undefined) return undefined;
	const match = /\/([^/?#]+)\/?(?:[?#].*)?$/.exec(location);
	return match ? decodeURIComponent(match[1]) : undefined;
}
