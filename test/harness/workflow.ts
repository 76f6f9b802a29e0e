// A one-node workflow around the node under test, built the way n8n builds workflows.
import {
	Workflow,
	type ICredentialType,
	type IDataObject,
	type INode,
	type INodeCredentials,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
} from 'n8n-workflow';

export function nodeTypesOf(nodeType: INodeType): INodeTypes {
	return {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes & { getByName(): INodeType | IVersionedNodeType };
}

export interface WorkflowOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials?: Record<string, { type: ICredentialType }>;
	continueOnFail?: boolean;
	staticData?: IDataObject;
	/** The node's webhookId (n8n gives one to every node with webhooks); none by default. */
	webhookId?: string;
	workflowId?: string;
}

export function buildWorkflow(options: WorkflowOptions): { workflow: Workflow; node: INode } {
	const credentials: INodeCredentials = {};
	for (const name of Object.keys(options.credentials ?? {})) credentials[name] = { id: name, name };
	const node: INode = {
		id: 'node-under-test',
		name: options.nodeType.description.displayName,
		type: `CUSTOM.${options.nodeType.description.name}`,
		typeVersion: Array.isArray(options.nodeType.description.version)
			? Math.max(...options.nodeType.description.version)
			: options.nodeType.description.version,
		position: [0, 0],
		parameters: options.parameters,
		credentials,
		onError: options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
		...(options.webhookId ? { webhookId: options.webhookId } : {}),
	};
	const workflow = new Workflow({
		id: options.workflowId ?? 'test-workflow',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesOf(options.nodeType),
		staticData: options.staticData,
	});
	return { workflow, node: workflow.getNode(node.name)! };
}
