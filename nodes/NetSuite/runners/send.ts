// The plain runner: one request, its answer as one item (links removed).
import type { IDataObject } from 'n8n-workflow';

import { stripLinks, toItems } from '../../shared/output';
import { netSuiteRequest } from '../../shared/transport';
import type { Runner } from '../routing';

export const sendOnce: Runner = async function (request) {
	const itemIndex = this.getItemIndex();
	const response = await netSuiteRequest.call(this, request, { itemIndex });
	const body = response.body;
	const json: IDataObject = body && typeof body === 'object' ? stripLinks(body as IDataObject) : { success: true, statusCode: response.statusCode };
	return toItems([json], itemIndex);
};
