// Field pickers: the fields of the record type being edited, from the metadata catalog.
// Anything the list lacks (a field the role cannot see) can still be typed as an expression.
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { recordSchema } from '../../shared/api/metadataCatalog';
import { recordTypeOfResource } from '../resources';

function currentRecordType(ctx: ILoadOptionsFunctions): string {
	const resource = String(ctx.getCurrentNodeParameter('resource') ?? '');
	const fixed = recordTypeOfResource(resource);
	if (fixed) return fixed;
	const value = ctx.getCurrentNodeParameter('recordType', { extractValue: true });
	return typeof value === 'string' ? value.trim() : '';
}

export async function getRecordFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const recordType = currentRecordType(this);
	if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(recordType)) return [];
	const schema = await recordSchema(this, recordType);
	const required = new Set((schema.required ?? []) as string[]);
	return Object.entries((schema.properties ?? {}) as Record<string, IDataObject>)
		.filter(([, p]) => p.readOnly !== true)
		.map(([id, p]) => ({
			name: `${String(p.title ?? id)}${required.has(id) ? ' (required)' : ''}`,
			value: id,
			description: `${id}${p['x-ns-custom-field'] ? ' · custom field' : ''}`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
