// A write's body: field rows (with the record type's fields to pick from) or JSON.
import type { INodeProperties } from 'n8n-workflow';

import { REFERENCE_EXAMPLE } from './examples';
import { fieldPicker } from './list';

export const bodyFields: INodeProperties[] = [
	{
		displayName: 'Send Body As',
		name: 'bodyMode',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Fields Below', value: 'fields' },
			{ name: 'JSON', value: 'json' },
		],
	},
	{
		displayName: 'Fields',
		name: 'bodyFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { bodyMode: ['fields'] } },
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ ...fieldPicker, name: 'name' },
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: `Text, or JSON for references and sublists, for example ${REFERENCE_EXAMPLE}`,
					},
				],
			},
		],
	},
	{
		displayName: 'Body (JSON)',
		name: 'bodyJson',
		type: 'json',
		default: '{}',
		displayOptions: { show: { bodyMode: ['json'] } },
		description: "The record as NetSuite's REST API takes it; custom fields (custbody_*, custentity_*, …) pass through as they are",
	},
];
