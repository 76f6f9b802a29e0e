// List: the IDs of a record type's records (NetSuite's collection answers IDs only), filtered by
// q, optionally each fetched in full.
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../../shared/auth/account';
import { mapLimited } from '../../../shared/api/limiter';
import { toItems } from '../../../shared/api/output';
import { inSlot, widthOf } from '../../../shared/api/pager';
import { listIds } from '../../../shared/api/recordPages';
import { listFields } from '../../fields/list';
import { recordTypeFieldFor } from '../../fields/record';
import { maxRowsParam } from '../../inputs/params';
import { fillPath } from '../../inputs/path';
import { buildQ } from '../../inputs/qFilter';
import { NARROW_LIST, type Operation, type Resource } from '../../operation';
import { batchSizeOf, pageParallelOf } from '../../batchSize';
import { cutForTool, readBound } from '../../tool/toolCall';
import { CUT, Q } from '../../tool/words';
import { fetchRecord, readQuery } from './read';

/** preSend: the filter as NetSuite's q; Limit checked before any request. */
async function sendFilter(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	maxRowsParam(this);
	const q = buildQ(this);
	if (q) request.qs = { ...request.qs, q };
	return request;
}

export const list = (resource: Resource): Operation => ({
	value: 'list',
	// n8n's UX guidelines name this "Get Many"; the stored value stays `list` for saved workflows.
	name: 'Get Many',
	action: `Get many ${resource.plural}`,
	description: resource.recordType
		? `Get many ${resource.plural} (their IDs, or in full), optionally filtered`
		: 'Get many records of a type (their IDs, or in full), optionally filtered',
	toolDescription: resource.recordType ? `List NetSuite ${resource.plural}. ${Q} ${CUT}` : `List NetSuite records of a type. ${Q} ${CUT}`,
	writes: false,
	request: { method: 'GET', url: `${RECORD_BASE_PATH}/{recordType}` },
	preSend: [fillPath(resource), sendFilter],
	fields: [...recordTypeFieldFor(resource), ...listFields],
	// Bounds itself: a tool call reads one id past what it shows, so the note also comes when the Limit cut.
	narrowing: false,
	async run(request, transport) {
		const itemIndex = this.getItemIndex();
		const maxRows = maxRowsParam(this);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const parallel = pageParallelOf(this, options.batchSize);
		const read = await listIds(this, request, readBound(this, maxRows), transport, parallel);
		// The id past what a tool call shows only tells there is more: it is never fetched.
		const cut = cutForTool(
			this,
			toItems(
				read.map((id) => ({ id })),
				itemIndex,
			),
			maxRows,
			NARROW_LIST,
		);
		const note = cut.length && 'note' in cut[cut.length - 1].json ? cut.slice(-1) : [];
		const ids = read.slice(0, cut.length - note.length);
		if (!options.fullRecords)
			return [
				...toItems(
					ids.map((id) => ({ id })),
					itemIndex,
				),
				...note,
			];
		const qs = readQuery(options);
		// With the option set, the GETs share the run's slots with its pages (Auto: the same width).
		const size = parallel === 1 ? await batchSizeOf(this) : await widthOf(parallel);
		const records = await mapLimited(
			ids,
			size,
			async (id) => await inSlot(parallel, async () => await fetchRecord(this, `${request.path}/${encodeURIComponent(id)}`, transport, qs)),
		);
		return [...toItems(records, itemIndex), ...note];
	},
});
