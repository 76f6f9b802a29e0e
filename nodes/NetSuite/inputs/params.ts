// Node inputs checked before any request: each error names the field as the user sees it.
import { NodeOperationError, type IDataObject, type IExecuteSingleFunctions } from 'n8n-workflow';

import { SAVED_SEARCH_ID } from '../../shared/api/savedSearch';
import { requireLimit } from '../../shared/api/suiteQl';

const RECORD_TYPE = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

/** The Record Type input (resources with a fixed type never ask: see Resource.recordType). */
export function recordTypeParam(ctx: IExecuteSingleFunctions, name = 'recordType', label = 'Record Type'): string {
	const value = String(ctx.getNodeParameter(name, '', { extractValue: true }) ?? '').trim();
	if (!value)
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} is empty: pick one from the list or enter its ID (for example customer or customrecord_project)`,
			{ itemIndex: ctx.getItemIndex() },
		);
	if (!RECORD_TYPE.test(value)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} "${value}" is not a NetSuite record type ID (letters, digits and _ only, for example salesOrder or customrecord_project)`,
			{ itemIndex: ctx.getItemIndex() },
		);
	}
	return value;
}

/** `123` or `eid:<external id>`, encoded for a path segment. */
export function recordIdParam(ctx: IExecuteSingleFunctions, name = 'recordId', label = 'Record ID'): string {
	const raw = ctx.getNodeParameter(name, '') as string | number;
	const value = String(raw ?? '').trim();
	if (!value)
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} is empty: enter the internal ID (for example 42) or eid: followed by the external ID`,
			{ itemIndex: ctx.getItemIndex() },
		);
	if (/^\d+$/.test(value)) return value;
	if (/^eid:.+/i.test(value)) return `eid:${encodeURIComponent(value.slice(4))}`;
	throw new NodeOperationError(ctx.getNode(), `${label} "${value.slice(0, 60)}" is neither an internal ID (digits) nor eid:<external ID>`, {
		itemIndex: ctx.getItemIndex(),
	});
}

export function sublistParam(ctx: IExecuteSingleFunctions): string {
	const value = String(ctx.getNodeParameter('sublistId', '') ?? '').trim();
	if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(value))
		throw new NodeOperationError(ctx.getNode(), `Sublist "${value}" is not a sublist ID (for example item or addressBook)`, {
			itemIndex: ctx.getItemIndex(),
		});
	return value;
}

export function externalIdParam(ctx: IExecuteSingleFunctions): string {
	const value = String(ctx.getNodeParameter('externalId', '') ?? '').trim();
	if (!value)
		throw new NodeOperationError(ctx.getNode(), 'External ID is empty: upsert finds the record by its external ID', {
			itemIndex: ctx.getItemIndex(),
		});
	return encodeURIComponent(value);
}

/** A JSON object from a JSON field (text or an object an expression produced). */
export function jsonObjectParam(ctx: IExecuteSingleFunctions, name: string, label: string): IDataObject {
	const raw = ctx.getNodeParameter(name, '{}') as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = raw.trim() ? JSON.parse(raw) : {};
		} catch (error) {
			value = error;
		}
	}
	if (value instanceof Error)
		throw new NodeOperationError(ctx.getNode(), `${label} is not valid JSON: ${value.message}`, { itemIndex: ctx.getItemIndex() });
	if (!value || typeof value !== 'object' || Array.isArray(value))
		throw new NodeOperationError(ctx.getNode(), `${label} must be a JSON object ({ … })`, { itemIndex: ctx.getItemIndex() });
	return value as IDataObject;
}

/** A field value typed in a text box: JSON when it parses (numbers, booleans, {"id": "1"}), else text. */
export function looseValue(text: unknown): unknown {
	if (typeof text !== 'string') return text;
	const trimmed = text.trim();
	if (/^(true|false|null)$/.test(trimmed) || /^[[{]/.test(trimmed)) {
		try {
			return JSON.parse(trimmed);
		} catch {
			return text;
		}
	}
	return text;
}

/** Return All: every row (undefined); else the Limit, refused unless a whole number of 1 or more. */
export function maxRowsParam(ctx: IExecuteSingleFunctions): number | undefined {
	if (ctx.getNodeParameter('returnAll', false) === true) return undefined;
	return requireLimit(ctx, ctx.getNodeParameter('limit', 50), ctx.getItemIndex());
}

/** Saved Search: an internal ID (digits) or a script ID (customsearch…), from the list or typed. */
export function savedSearchParam(ctx: IExecuteSingleFunctions): string {
	const value = String(ctx.getNodeParameter('savedSearch', '', { extractValue: true }) ?? '').trim();
	if (!SAVED_SEARCH_ID.test(value))
		throw new NodeOperationError(
			ctx.getNode(),
			value
				? `Saved Search "${value.slice(0, 60)}" is neither an internal ID (digits) nor a script ID (customsearch…)`
				: 'Saved Search is empty: pick one from the list or enter its internal ID or script ID',
			{ itemIndex: ctx.getItemIndex() },
		);
	return encodeURIComponent(value);
}

/** What Attach / Detach attaches: REST attaches contact and file records only. */
export function attachTypeParam(ctx: IExecuteSingleFunctions): string {
	const value = String(ctx.getNodeParameter('attachType', 'contact') ?? '');
	if (value !== 'contact' && value !== 'file')
		throw new NodeOperationError(ctx.getNode(), `Attach "${value.slice(0, 40)}" is neither contact nor file: REST attaches only those`, {
			itemIndex: ctx.getItemIndex(),
		});
	return value;
}
