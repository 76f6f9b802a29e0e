// Calls a node as an AI tool through n8n's own code: a parent node asks n8n-core for its
// ai_tool inputs (getInputConnectionData), which builds the tool with createNodeAsTool (schema
// from $fromAI, description from the operation's action) and runs the node's `execute` on
// each call (makeHandleToolInvocation). The tool node type is made the way n8n's NodeTypes
// makes `<name>Tool` (n8n/dist/node-types.js + tool-generation/ai-tools.js): outputs
// [ai_tool], and a declarative node's execute = the routing engine, customOperations unseen.
import {
	createRunExecutionData,
	NodeConnectionTypes,
	Workflow,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeCredentials,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
} from 'n8n-workflow';
import { RoutingNode, WorkflowExecute } from 'n8n-core';

import { additionalDataFor } from './additionalData';
import { TestCredentialsHelper, type TestCredential } from './credentialsHelper';
import { setUpN8n } from './setup';

/** What n8n-core's tool hands the model: its name, description and JSON schema, and a call. */
export interface BuiltTool {
	name: string;
	description: string;
	schema: { shape: Record<string, { description?: string }> };
	invoke(args: IDataObject): Promise<string>;
}

export function asToolType(nodeType: INodeType): INodeType {
	const description = {
		...nodeType.description,
		name: `${nodeType.description.name}Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
	};
	const tool = Object.create(nodeType) as INodeType;
	Object.defineProperty(tool, 'description', { value: description });
	tool.execute = async function (this: IExecuteFunctions) {
		return (await new RoutingNode(this as never, tool).runNode()) ?? [];
	};
	return tool;
}

/** The node as the routing engine alone runs it (n8n's tool path without the tool wrapper). */
export function asRoutingOnly(nodeType: INodeType): INodeType {
	const routed = Object.create(nodeType) as INodeType;
	Object.defineProperty(routed, 'customOperations', { value: undefined });
	routed.execute = async function (this: IExecuteFunctions) {
		return (await new RoutingNode(this as never, routed).runNode()) ?? [];
	};
	return routed;
}

/** A stand-in for the AI Agent / MCP Server Trigger: it collects its tools and calls each once. */
function agentType(
	calls: IDataObject[],
	answers: Array<{ tool: BuiltTool; results: Array<{ ok: string } | { error: Error }> }>,
): INodeType {
	return {
		description: {
			displayName: 'Agent',
			name: 'agent',
			group: ['transform'],
			version: 1,
			description: 'calls tools',
			defaults: { name: 'Agent' },
			inputs: [NodeConnectionTypes.Main, { type: NodeConnectionTypes.AiTool, displayName: 'Tools' }],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			const tools = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as BuiltTool[];
			for (const tool of tools) {
				const results: Array<{ ok: string } | { error: Error }> = [];
				for (const args of calls) {
					try {
						results.push({ ok: await tool.invoke(args) });
					} catch (error) {
						results.push({ error: error as Error });
					}
				}
				answers.push({ tool, results });
			}
			return [[{ json: {} }]];
		},
	};
}

export interface ToolCallOptions {
	nodeType: INodeType;
	/** The tool node's name: n8n makes it the tool's name. */
	name: string;
	parameters: INodeParameters;
	credentials: Record<string, TestCredential>;
	/** Model-style arguments, one call each. */
	calls: IDataObject[];
}

export interface ToolCallResult {
	tool: BuiltTool;
	results: Array<{ ok: string } | { error: Error }>;
}

export async function callAsTool(options: ToolCallOptions): Promise<ToolCallResult> {
	setUpN8n();
	const credentialsHelper = new TestCredentialsHelper(options.credentials);
	const credentials: INodeCredentials = {};
	for (const name of credentialsHelper.store.keys()) credentials[name] = { id: name, name };
	const toolType = asToolType(options.nodeType);
	const answers: ToolCallResult[] = [];
	const agent = agentType(options.calls, answers);
	const types: Record<string, INodeType> = { 'CUSTOM.agent': agent, [`CUSTOM.${toolType.description.name}`]: toolType };
	const nodeTypes = {
		getByName: (type: string) => types[type],
		getByNameAndVersion: (type: string) => types[type],
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const nodes: INode[] = [
		{ id: 'agent', name: 'Agent', type: 'CUSTOM.agent', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'tool',
			name: options.name,
			type: `CUSTOM.${toolType.description.name}`,
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters,
			credentials,
		},
	];
	const workflow = new Workflow({
		id: 'tool-workflow',
		name: 'tool',
		nodes,
		connections: { [options.name]: { [NodeConnectionTypes.AiTool]: [[{ node: 'Agent', type: NodeConnectionTypes.AiTool, index: 0 }]] } },
		active: false,
		nodeTypes,
	});
	const additionalData = additionalDataFor(credentialsHelper);
	const runExecutionData = createRunExecutionData();
	const executionData = {
		node: workflow.getNode('Agent')!,
		data: { main: [[{ json: {} }]] },
		source: { main: [{ previousNode: 'Start' }] },
	};
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).runNode(
		workflow,
		executionData,
		runExecutionData,
		0,
		additionalData,
		'manual',
	);
	if (answers.length !== 1) throw new Error(`expected one tool, got ${answers.length}`);
	return answers[0];
}
