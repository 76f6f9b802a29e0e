// The record service operations: list (with q, paging and optional full records), get,
// create, update, upsert by external ID, delete. Every request goes through the transport.
import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../shared/auth/account';
import { createRecordSafely } from '../../shared/api/asyncCreate';
import { autoConcurrency } from '../../shared/api/concurrency';
import { mapLimited } from '../../shared/api/limiter';
import { idFromLocation, stripLinks, toItems } from '../../shared/api/output';
import { listIds } from '../../shared/api/recordPages';
import { requireLimit } from '../../shared/api/suiteQl';
import { netSuiteRequest } from '../../shared/api/transport';
import { externalIdParam, jsonObjectParam, looseValue, recordIdParam, recordTypeParam } from '../params';
import { buildQ } from '../qFilter';
import type { Runner, Write } from '../routing';

function getQuery(options: IDataObject): IDataObject {
	const qs: IDataObject = {};
	if (options.expandSubResources) qs.expandSubResources = true;
	if (options.simpleEnumFormat) qs.simpleEnumFormat = true;
	if (typeof options.fields === 'string' && options.fields.trim()) qs.fields = options.fields.split(',').map((f) => f.trim()).filter(Boolean).join(',');
	return qs;
}

export async function fetchRecord(ctx: IExecuteSingleFunctions, recordType: string, id: string, options: IDataObject = {}): Promise<IDataObject> {
	const response = await netSuiteRequest.call(ctx, { method: 'GET', path: `${RECORD_BASE_PATH}/${recordType}/${id}`, qs: getQuery(options) }, { itemIndex: ctx.getItemIndex() });
	return stripLinks(response.body as IDataObject);
}

async function batchSize(ctx: IExecuteSingleFunctions): Promise<number> {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const size = Number(options.batchSize ?? 0);
	return Number.isInteger(size) && size > 0 ? size : await autoConcurrency(ctx, `${ctx.getExecutionId()}:${ctx.getNode().id}`);
}

export const listRecords: Runner = async function () {
	const itemIndex = this.getItemIndex();
	const recordType = recordTypeParam(this);
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const maxRows = returnAll ? undefined : requireLimit(this, this.getNodeParameter('limit', 50), itemIndex);
	const ids = await listIds(this, recordType, buildQ(this), maxRows);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	if (!options.fullRecords) return toItems(ids.map((id) => ({ id })), itemIndex);
	const records = await mapLimited(ids, await batchSize(this), async (id) => await fetchRecord(this, recordType, id, options));
	return toItems(records, itemIndex);
};

export const getRecord: Runner = async function () {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	return toItems([await fetchRecord(this, recordTypeParam(this), recordIdParam(this), options)], this.getItemIndex());
};

/** The body of a write: JSON, or field-by-field, plus the named inputs a resource offers. */
export function recordBody(ctx: IExecuteSingleFunctions, named: IDataObject = {}): IDataObject {
	const mode = ctx.getNodeParameter('bodyMode', 'fields') as string;
	let body: IDataObject = {};
	if (mode === 'json') body = jsonObjectParam(ctx, 'bodyJson', 'Body (JSON)');
	else {
		const fields = (ctx.getNodeParameter('bodyFields', {}) as { field?: Array<{ name: string; value: unknown }> }).field ?? [];
		for (const { name, value } of fields) if (name) body[name.trim()] = looseValue(value) as IDataObject[string];
	}
	return { ...named, ...body };
}

function writeQuery(ctx: IExecuteSingleFunctions): IDataObject {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const qs: IDataObject = {};
	if (typeof options.replace === 'string' && options.replace.trim()) qs.replace = options.replace.split(',').map((s) => s.trim()).join(',');
	if (options.replaceSelectedFields) qs.replaceSelectedFields = true;
	return qs;
}

/**
 * What a write outputs: its summary (the id), or with Return Full Record the record as a GET
 * right after the write returns it, so a builder can map its fields without a Get node.
 */
async function writeOutput(ctx: IExecuteSingleFunctions, recordType: string, id: string | null, summary: IDataObject): Promise<INodeExecutionData[]> {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	// No id means NetSuite named no record: the write happened, so its summary is still the truth.
	if (!options.returnFullRecord || id === null) return toItems([summary], ctx.getItemIndex());
	return toItems([await fetchRecord(ctx, recordType, id)], ctx.getItemIndex());
}

export async function createWith(ctx: IExecuteSingleFunctions, recordType: string, body: IDataObject): Promise<INodeExecutionData[]> {
	const created = await createRecordSafely.call(ctx, `${RECORD_BASE_PATH}/${recordType}`, body, ctx.getItemIndex());
	return await writeOutput(ctx, recordType, created.id, { id: created.id, recordType });
}

export const createRecord: Write = function () {
	const recordType = recordTypeParam(this);
	const body = recordBody(this);
	return async () => await createWith(this, recordType, body);
};

/**
 * A PATCH that carries sublist lines without `replace` for that sublist adds them: sent twice,
 * it adds them twice. Such an update is in the retry table's "add line" row, not "write".
 */
export function addsLines(body: IDataObject, qs: IDataObject): boolean {
	const replaced = new Set(String(qs.replace ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
	return Object.entries(body).some(([name, value]) => {
		const items = value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject).items : undefined;
		return Array.isArray(items) && items.length > 0 && !replaced.has(name.toLowerCase());
	});
}

export async function updateWith(ctx: IExecuteSingleFunctions, recordType: string, id: string, body: IDataObject): Promise<INodeExecutionData[]> {
	const qs = writeQuery(ctx);
	await netSuiteRequest.call(
		ctx,
		{ method: 'PATCH', path: `${RECORD_BASE_PATH}/${recordType}/${id}`, qs, body, requestClass: addsLines(body, qs) ? 'addLine' : 'write' },
		{ itemIndex: ctx.getItemIndex() },
	);
	return await writeOutput(ctx, recordType, id, { id: decodeURIComponent(id), recordType, updated: true });
}

export const updateRecord: Write = function () {
	const recordType = recordTypeParam(this);
	const id = recordIdParam(this);
	const body = recordBody(this);
	return async () => await updateWith(this, recordType, id, body);
};

export const upsertRecord: Write = function () {
	const recordType = recordTypeParam(this);
	const externalId = externalIdParam(this);
	const body = recordBody(this);
	return async () => {
		const response = await netSuiteRequest.call(
			this,
			{ method: 'PUT', path: `${RECORD_BASE_PATH}/${recordType}/eid:${externalId}`, qs: writeQuery(this), body },
			{ itemIndex: this.getItemIndex() },
		);
		const id = idFromLocation(response.headers) ?? null;
		// The external ID names the record even when NetSuite's answer carries no Location.
		const summary = { id, externalId: decodeURIComponent(externalId), recordType };
		return await writeOutput(this, recordType, id ?? `eid:${externalId}`, summary);
	};
};

export const deleteRecord: Write = function () {
	const recordType = recordTypeParam(this);
	const id = recordIdParam(this);
	return async () => {
		await netSuiteRequest.call(this, { method: 'DELETE', path: `${RECORD_BASE_PATH}/${recordType}/${id}` }, { itemIndex: this.getItemIndex() });
		return toItems([{ id: decodeURIComponent(id), recordType, deleted: true }], this.getItemIndex());
	};
};
