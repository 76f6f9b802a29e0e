// What the writes sent by Delivery "NetSuite Batch Jobs" share (../../../shared/api/batchWrite.ts):
// the Delivery chosen, the run a batch belongs to, and the writes as a batch lists them.
import { NodeOperationError, type IDataObject, type IExecutePaginationFunctions, type IExecuteSingleFunctions } from 'n8n-workflow';

import { writeInBatch, type BatchRun, type BatchWrite } from '../../../shared/api/batchWrite';
import { withSharedLimiter } from '../../../shared/api/limiter';
import type { NetSuiteRequest, TransportOptions } from '../../../shared/api/transport';
import { knownPollTable } from '../../../NetSuiteTrigger/recordTables';
import { batchSizeOf, runKey } from '../../batchSize';
import { DELIVERY_BATCH } from '../../fields/options';

export const deliveryOf = (ctx: IExecuteSingleFunctions) => (ctx.getNodeParameter('options', {}) as IDataObject).delivery;

/** Operation.gathers: Batch Jobs items wait for their batch outside the per-item limit; the batch takes a slot. */
export const gathersInBatches = (ctx: IExecuteSingleFunctions) => deliveryOf(ctx) === DELIVERY_BATCH;

/** Items in this node run: n8n's $input (0 when it cannot say; a batch then goes when no more items come). */
function itemsInRun(ctx: IExecuteSingleFunctions): number {
	try {
		return ctx.getWorkflowDataProxy(0).$input.all().length;
	} catch {
		return 0;
	}
}

/** What a batch of this run shares: its key, its limit of requests in flight, where SuiteQL finds the type. */
export async function batchRunOf(ctx: IExecutePaginationFunctions): Promise<BatchRun> {
	const size = await batchSizeOf(ctx, 'account');
	const key = runKey(ctx);
	return {
		runKey: key,
		executionId: ctx.getExecutionId(),
		nodeId: ctx.getNode().id,
		total: itemsInRun(ctx),
		limit: async (task) => await withSharedLimiter(key, size, task),
		tableOf: (recordType) => {
			const table = knownPollTable(recordType);
			return table ? { table: table.table, where: table.where } : { table: recordType.toLowerCase() };
		},
	};
}

/**
 * An update, upsert or delete of one record (/record/v1/{type}/{id}, eid: for an external ID) as a
 * batch lists it: the type's collection, and the record named in the item (Oracle: PATCH and
 * DELETE by id or externalId, PUT by externalId only). Query options (Replace Sublists, Replace
 * Selected Fields) have no place in a batch: the item fails naming them.
 */
export async function writeRecordInBatch(
	ctx: IExecutePaginationFunctions,
	method: 'PATCH' | 'PUT' | 'DELETE',
	request: NetSuiteRequest,
	transport: TransportOptions,
): Promise<string | null> {
	if (request.qs && Object.keys(request.qs).length)
		throw new NodeOperationError(
			ctx.getNode(),
			'Replace Sublists and Replace Selected Fields cannot be sent with Delivery "NetSuite Batch Jobs"',
			{
				itemIndex: transport.itemIndex,
				description: 'Remove them from Options, or choose Delivery "One Request per Record".',
			},
		);
	const slash = request.path.lastIndexOf('/');
	const collection = request.path.slice(0, slash);
	const named = decodeURIComponent(request.path.slice(slash + 1));
	const byExternalId = named.startsWith('eid:');
	const ref: IDataObject = byExternalId ? { externalId: named.slice(4) } : { id: named };
	const write: BatchWrite = {
		method,
		collection,
		body: { ...((request.body ?? {}) as IDataObject), ...ref },
		...(!byExternalId && { id: named }),
	};
	return (await writeInBatch.call(ctx, write, transport, await batchRunOf(ctx))).id;
}
