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
import type { Operation, Resource } from '../../operation';
import { batchSizeOf, pageParallelOf } from '../../batchSize';
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
	async run(request, transport) {
		const itemIndex = this.getItemIndex();
		const maxRows = maxRowsParam(this);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const parallel = pageParallelOf(this, options.batchSize);
		const ids = await listIds(this, request, maxRows, transport, parallel);
		if (!options.fullRecords)
			return toItems(
				ids.map((id) => ({ id })),
				itemIndex,
			);
		const qs = readQuery(options);
		// With the option set, the GETs share the run's slots with its pages (Auto: the same width).
		const size = parallel === 1 ? await batchSizeOf(this) : await widthOf(parallel);
		const records = await mapLimited(
			ids,
			size,
			async (id) => await inSlot(parallel, async () => await fetchRecord(this, `${request.path}/${encodeURIComponent(id)}`, transport, qs)),
		);
		return toItems(records, itemIndex);
	},
});
