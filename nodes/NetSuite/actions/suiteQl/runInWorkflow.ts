// SuiteQL > Run Query in a workflow: n8n's WorkflowExecute runs a custom operation in place of
// the routing engine. A read can return hundreds of thousands of rows, and the routing engine
// (RoutingNode.runNode) spreads one item's results into push(...), which overflows the stack
// past ~120,000 rows; here the rows are appended page by page. Tool calls cannot come here
// (n8n's tool wrapper runs the routing engine only): see run.operation.ts.
import { NodeApiError, NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type JsonObject } from 'n8n-workflow';

import { suiteQlRowPages, suiteQlRunOf } from './queryRun';
import { parseSuiteQlParams } from './params';

async function readItem(ctx: IExecuteFunctions, itemIndex: number, out: INodeExecutionData[]): Promise<void> {
	const read = (name: string, fallback: unknown) => ctx.getNodeParameter(name, itemIndex, fallback);
	const params = parseSuiteQlParams(read('parameters', {}));
	const run = suiteQlRunOf(ctx.getNode(), read, read('query', ''), params, itemIndex);
	for await (const rows of suiteQlRowPages(ctx, run, { itemIndex })) {
		for (const json of rows) out.push({ json, pairedItem: { item: itemIndex } });
	}
}

export async function runSuiteQlInWorkflow(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const out: INodeExecutionData[] = [];
	const items = this.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			await readItem(this, itemIndex, out);
		} catch (error) {
			if (this.continueOnFail()) {
				out.push({ json: { error: (error as Error).message }, error: error as NodeApiError, pairedItem: { item: itemIndex } });
				continue;
			}
			// Both constructors hand back an error of their own type unchanged.
			if (error instanceof NodeOperationError) throw new NodeOperationError(this.getNode(), error, { itemIndex });
			throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
		}
	}
	return [out];
}
