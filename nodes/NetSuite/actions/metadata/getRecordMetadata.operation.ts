// Metadata > Get Record Metadata: one record type's fields, from its JSON schema.
import type { IDataObject } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../../shared/auth/account';
import { recordSchema } from '../../../shared/api/metadataCatalog';
import { toItems } from '../../../shared/api/output';
import { recordTypeField } from '../../fields/record';
import { fillPath } from '../../inputs/path';
import type { Operation, Resource } from '../../operation';
import { lastSegmentOf } from '../record/read';

export const getRecordMetadata = (resource: Resource): Operation => ({
	value: 'getRecordMetadata',
	name: 'Get Record Metadata',
	action: 'Get the fields of a record type',
	description: 'Get the fields, types, required fields and sublists of a record type',
	toolDescription:
		'Get the fields of a NetSuite record type: field IDs, labels, types, which are required, custom fields (custbody_*, custentity_*) and sublists. Use it before Create or Update, and to learn column names.',
	writes: false,
	request: { method: 'GET', url: `${RECORD_BASE_PATH}/metadata-catalog/{recordType}`, headers: { Accept: 'application/schema+json' } },
	preSend: [fillPath(resource)],
	fields: [recordTypeField],
	async run(request, transport) {
		const recordType = lastSegmentOf(request.path);
		const schema = await recordSchema(this, recordType, transport);
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
	},
});
