// preSend: a customer's body from its named inputs (Company Name, Subsidiary ID, the field lists).
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { looseValue } from '../../inputs/params';
import type { PreSend } from '../../operation';

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

export const sendCustomerBody = (forCreate: boolean): PreSend =>
	async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		request.body = customerBody(this, forCreate);
		return request;
	};
