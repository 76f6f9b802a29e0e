import type { INodeProperties } from 'n8n-workflow';

export const sublistIdField: INodeProperties = {
	displayName: 'Sublist ID',
	name: 'sublistId',
	type: 'string',
	default: 'item',
	required: true,
	placeholder: 'item',
	description: 'For example item on transactions or addressBook on customers',
};
