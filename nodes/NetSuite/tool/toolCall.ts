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

/**
 * Rows a read asks for: outside a tool call its Limit (undefined: all); in one, one past what the
 * call shows (the Limit or TOOL_ROW_CAP, whichever is lower), so cutForTool can tell whether
 * rows were left out, by the Limit as well as by the cap.
 */
export function readBound(ctx: Pick<IExecuteSingleFunctions, 'getNode'>, maxRows: number | undefined): number | undefined {
	if (!isToolCall(ctx)) return maxRows;
	return Math.min(maxRows ?? Infinity, TOOL_ROW_CAP) + 1;
}

/**
 * The items of a read made with readBound: in a tool call, those shown and, when the read found
 * more, the note that says so and how to narrow; outside one, unchanged.
 */
export function cutForTool(
	ctx: Pick<IExecuteSingleFunctions, 'getNode'>,
	items: INodeExecutionData[],
	maxRows: number | undefined,
	narrowing: string,
): INodeExecutionData[] {
	if (!isToolCall(ctx)) return items;
	const shown = Math.min(maxRows ?? Infinity, TOOL_ROW_CAP);
	if (items.length <= shown) return items;
	const kept = items.slice(0, shown);
	return [...kept, { json: cutNote(shown, narrowing), pairedItem: kept[0]?.pairedItem }];
}
