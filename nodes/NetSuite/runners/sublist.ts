// Sublists: read the lines of one sublist, or append lines without replacing the others
// (a PATCH without `replace` adds the lines it carries).
import { NodeOperationError, type IDataObject, type IExecuteSingleFunctions } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../shared/auth/account';
import { stripLinks, toItems } from '../../shared/api/output';
import { netSuiteRequest } from '../../shared/api/transport';
import { recordIdParam, recordTypeParam } from '../params';
import type { Runner, Write } from '../routing';

function sublistParam(ctx: IExecuteSingleFunctions): string {
	const value = String(ctx.getNodeParameter('sublistId', '') ?? '').trim();
	if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(value)) throw new NodeOperationError(ctx.getNode(), `Sublist "${value}" is not a sublist ID (for example item or addressBook)`, { itemIndex: ctx.getItemIndex() });
	return value;
}

export const getSublist: Runner = async function () {
	const itemIndex = this.getItemIndex();
	const path = `${RECORD_BASE_PATH}/${recordTypeParam(this)}/${recordIdParam(this)}/${sublistParam(this)}`;
	const response = await netSuiteRequest.call(this, { method: 'GET', path, qs: { expandSubResources: true } }, { itemIndex });
	const lines = ((response.body as IDataObject).items ?? []) as IDataObject[];
	return toItems(lines.map((l) => stripLinks(l)), itemIndex);
};

export const addSublistLines: Write = function () {
	const itemIndex = this.getItemIndex();
	const recordType = recordTypeParam(this);
	const id = recordIdParam(this);
	const sublist = sublistParam(this);
	const raw = this.getNodeParameter('lines', '[]') as unknown;
	let lines: unknown = raw;
	if (typeof raw === 'string') {
		try {
			lines = JSON.parse(raw);
		} catch {
			lines = undefined;
		}
	}
	if (lines && !Array.isArray(lines) && typeof lines === 'object') lines = [lines];
	if (!Array.isArray(lines) || !lines.length || lines.some((l) => !l || typeof l !== 'object')) {
		throw new NodeOperationError(this.getNode(), 'Lines (JSON) must be a JSON array of line objects, for example [{"item": {"id": "12"}, "quantity": 2}]', { itemIndex });
	}
	const checked = lines;
	return async () => {
		// Without `replace` the lines are added: if the answer is lost, a second PATCH would add them again.
		await netSuiteRequest.call(this, { method: 'PATCH', path: `${RECORD_BASE_PATH}/${recordType}/${id}`, body: { [sublist]: { items: checked } }, requestClass: 'addLine' }, { itemIndex });
		return toItems([{ id: decodeURIComponent(id), recordType, sublist, linesAdded: checked.length }], itemIndex);
	};
};
