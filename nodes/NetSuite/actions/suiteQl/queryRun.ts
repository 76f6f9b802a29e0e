// One SuiteQL read as the node's parameters describe it, shared by the two ways n8n runs the
// Run Query operation: the custom operation (workflows) and the routing engine (tool calls).
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type IExecuteSingleFunctions, type INode } from 'n8n-workflow';

import { suiteQlKeyRanges } from '../../../shared/api/keyRanges';
import { suiteQlPages, suiteQlPagesByKey, type SuiteQlQuery } from '../../../shared/api/suiteQl';
import { pageParallelOf } from '../../batchSize';
import type { TransportOptions } from '../../../shared/api/transport';

export interface SuiteQlRun {
	query: SuiteQlQuery;
	/** Stop after this many rows (undefined = all). */
	maxRows?: number;
	pageSize: number;
	pageByKey: boolean;
	keyColumn: string;
	/** Parallel Requests as set (internal name batchSize; undefined: not set): pages, or key ranges, at once. */
	parallelRequests: unknown;
}

/** Reads one parameter of the item being run; each caller binds its own item index. */
export type ParameterReader = (name: string, fallback: unknown) => unknown;

export function suiteQlRunOf(node: INode, read: ParameterReader, q: unknown, params: string[], itemIndex: number): SuiteQlRun {
	const text = String(q ?? '').trim();
	if (!text) throw new NodeOperationError(node, 'Query is empty: enter a SuiteQL SELECT statement', { itemIndex });
	const options = (read('options', {}) ?? {}) as IDataObject;
	const returnAll = read('returnAll', false) === true;
	return {
		query: { q: text, params },
		maxRows: returnAll ? undefined : Number(read('limit', 50)),
		pageSize: Number(options.pageSize ?? 1000),
		pageByKey: options.pageByKey === true,
		keyColumn: String(options.keyColumn || 'id'),
		parallelRequests: options.batchSize,
	};
}

export function suiteQlRowPages(
	ctx: IExecuteFunctions | IExecuteSingleFunctions,
	run: SuiteQlRun,
	transport: TransportOptions,
): AsyncGenerator<IDataObject[]> {
	const read = { maxRows: run.maxRows, pageSize: run.pageSize, transport };
	const parallel = pageParallelOf(ctx, run.parallelRequests);
	if (!run.pageByKey) return suiteQlPages.call(ctx, run.query, { ...read, parallel });
	// Key ranges only when every row is wanted: with a Limit the rows past it are not worth reading.
	if (parallel === 1 || run.maxRows !== undefined) return suiteQlPagesByKey.call(ctx, run.query, run.keyColumn, read);
	return suiteQlKeyRanges.call(ctx, run.query, run.keyColumn, { ...read, parallel });
}
