// What changes when a model calls the node: n8n runs a `usableAsTool` node as the type
// `<name>Tool` (n8n's NodeTypes.getByNameAndVersion resolves any type ending in "Tool" to the
// tool variant, and the AI Agent and MCP Server Trigger call its routing `execute`), and
// JSON-stringifies every output item's json into the model's context.
import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

/** Rows a tool call returns at most: enough to answer, few enough not to flood a model's context. */
export const TOOL_ROW_CAP = 100;

export function isToolCall(ctx: Pick<IExecuteSingleFunctions, 'getNode'>): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

/** The last item a model sees when its answer was cut: what happened and how to ask better. */
export function cutNote(shown: number, narrowing: string): IDataObject {
	return { note: `Result cut to the first ${shown} rows; there are more. ${narrowing}` };
}

/**
 * Bounds one tool call's items; outside a tool call the items pass unchanged. Reads that can
 * stop early (SuiteQL) ask for TOOL_ROW_CAP + 1 rows and let this cut the extra one.
 */
export function capForTool(
	ctx: Pick<IExecuteSingleFunctions, 'getNode'>,
	items: INodeExecutionData[],
	narrowing: string,
): INodeExecutionData[] {
	if (!isToolCall(ctx) || items.length <= TOOL_ROW_CAP) return items;
	const kept = items.slice(0, TOOL_ROW_CAP);
	return [...kept, { json: cutNote(TOOL_ROW_CAP, narrowing), pairedItem: kept[0]?.pairedItem }];
}
