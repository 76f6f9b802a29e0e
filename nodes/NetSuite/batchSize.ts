// How many requests of one node run are in flight at once: the Parallel Requests option (internal name batchSize), or Auto (0).
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { autoConcurrency, SAFE_CONCURRENCY } from '../shared/api/concurrency';

/** The key the items of one run share (n8n starts them all at once). */
export const runKey = (ctx: IExecuteSingleFunctions): string => `${ctx.getExecutionId()}:${ctx.getNode().id}`;

/** Auto asks the account for its limit (bulk work: writes, full records), or stays at the safe default. */
export async function batchSizeOf(ctx: IExecuteSingleFunctions, auto: 'account' | 'safe' = 'account'): Promise<number> {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const size = Number(options.batchSize);
	if (Number.isInteger(size) && size > 0) return size;
	return auto === 'account' ? await autoConcurrency(ctx, runKey(ctx)) : SAFE_CONCURRENCY;
}
