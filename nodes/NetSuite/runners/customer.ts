// Customer shortcuts: the usual fields as named inputs, on top of the generic record writes.
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { looseValue, recordIdParam } from '../params';
import type { Write } from '../routing';
import { createWith, updateWith } from './records';

function customerBody(ctx: IExecuteSingleFunctions, forCreate: boolean): IDataObject {
	const body: IDataObject = {};
	const put = (name: string, value: unknown) => {
		if (value !== undefined && value !== '') body[name] = value as IDataObject[string];
	};
	if (forCreate) {
		put('companyName', ctx.getNodeParameter('companyName', ''));
		const subsidiary = String(ctx.getNodeParameter('subsidiary', '') ?? '').trim();
		if (subsidiary) body.subsidiary = { id: subsidiary };
	}
	const extra = ctx.getNodeParameter(forCreate ? 'additionalFields' : 'updateFields', {}) as IDataObject;
	for (const [name, value] of Object.entries(extra)) {
		if (name === 'customFields') continue;
		if (name === 'subsidiary') body.subsidiary = { id: String(value) };
		else if (name === 'isPerson' || name === 'isInactive') body[name] = Boolean(value);
		else put(name, value);
	}
	const custom = ((extra.customFields as IDataObject | undefined)?.field ?? []) as Array<{ name: string; value: unknown }>;
	for (const { name, value } of custom) if (name) body[name.trim()] = looseValue(value) as IDataObject[string];
	return body;
}

export const createCustomer: Write = function () {
	const body = customerBody(this, true);
	return async () => await createWith(this, 'customer', body);
};

export const updateCustomer: Write = function () {
	const id = recordIdParam(this, 'recordId', 'Customer ID');
	const body = customerBody(this, false);
	return async () => await updateWith(this, 'customer', id, body);
};
