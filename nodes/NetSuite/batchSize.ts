// How many requests of one node run are in flight at once: the Parallel Requests option (internal name batchSize), or Auto (0).
import type { IDataObject, IExecuteFunctions, IExecuteSingleFunctions } from 'n8n-workflow';

import { autoConcurrency, SAFE_CONCURRENCY } from '../shared/api/concurrency';
import { withSharedLimiter } from '../shared/api/limiter';
import type { Parallel } from '../shared/api/pager';

type RunContext = IExecuteSingleFunctions | IExecuteFunctions;

/** The key the items of one run share (n8n starts them all at once). */
export const runKey = (ctx: RunContext): string => `${ctx.getExecutionId()}:${ctx.getNode().id}`;

/** Auto asks the account for its limit (bulk work: writes, full records), or stays at the safe default. */
export async function batchSizeOf(ctx: IExecuteSingleFunctions, auto: 'account' | 'safe' = 'account'): Promise<number> {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const size = Number(options.batchSize);
	if (Number.isInteger(size) && size > 0) return size;
	return auto === 'account' ? await autoConcurrency(ctx, runKey(ctx)) : SAFE_CONCURRENCY;
}

/**
 * Parallel Requests on a read that pages by offset (`batchSize` as the item's Options hold it). Not set, as
 * in every workflow saved before reads paged ahead: one page at a time, the requests it always
 * sent. Set: that many pages at once, or Auto (0): the account's limit, the one the writes use,
 * asked only once a read has a second page. The pages of all the items of one run share those
 * slots, so items read at once never hold more than the width together.
 */
export function pageParallelOf(ctx: RunContext, batchSize: unknown): Parallel {
	if (batchSize === undefined || batchSize === null || batchSize === '') return 1;
	const key = runKey(ctx);
	const size = Number(batchSize);
	let width = Number.isInteger(size) && size > 0 ? size : undefined;
	return {
		width: width ?? (async () => (width = await autoConcurrency(ctx, key))),
		// Before Auto is known, a first page waits for one of the safe default's slots.
		slot: async (request) => await withSharedLimiter(`${key}:pages`, width ?? SAFE_CONCURRENCY, request),
	};
}
