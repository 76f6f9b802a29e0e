// Metadata: the record types of the account, and one type's JSON schema.
import type { IDataObject } from 'n8n-workflow';

import { recordSchema, recordTypeNames } from '../../shared/api/metadataCatalog';
import { toItems } from '../../shared/api/output';
import { recordTypeParam } from '../params';
import type { Runner } from '../routing';

export const listRecordTypes: Runner = async function () {
	const names = await recordTypeNames(this);
	return toItems(names.map((name) => ({ name, custom: /^customrecord/i.test(name) })), this.getItemIndex());
};

export const getRecordMetadata: Runner = async function () {
	const recordType = recordTypeParam(this);
	const schema = await recordSchema(this, recordType, this.getItemIndex());
	const properties = (schema.properties ?? {}) as Record<string, IDataObject>;
	const required = new Set((schema.required ?? []) as string[]);
	const fields = Object.entries(properties).map(([id, p]) => ({
		id,
		label: p.title ?? id,
		type: p.type ?? (p.$ref ? 'reference' : null),
		format: p.format ?? null,
		required: required.has(id),
		custom: p['x-ns-custom-field'] === true,
		sublist: p['x-ns-sublist'] === true || (p.type === 'object' && !!(p.properties as IDataObject | undefined)?.items),
	}));
	return toItems([{ recordType, fields, schema }], this.getItemIndex());
};
