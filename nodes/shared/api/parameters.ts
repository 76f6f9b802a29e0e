// Reading a node parameter from any n8n context: per-item contexts (declarative routing)
// take no item index, the others do.
import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { NetSuiteContext } from './transport';

export function isSingleItemContext(ctx: NetSuiteContext): ctx is IExecuteSingleFunctions {
	return typeof (ctx as IExecuteSingleFunctions).getItemIndex === 'function';
}

export function nodeParameter<T>(ctx: NetSuiteContext, name: string, fallback: T, itemIndex = 0): T {
	if (isSingleItemContext(ctx)) return ctx.getNodeParameter(name, fallback) as T;
	return (ctx as { getNodeParameter(n: string, i: number, f: unknown): unknown }).getNodeParameter(name, itemIndex, fallback) as T;
}
