// Workflows for the queue-mode e2e, built by small helpers: each starts at a production webhook
// (main receives it, a worker runs it) and answers with what its last node returned.
import { randomUUID } from 'node:crypto';

type Parameters = Record<string, unknown>;

interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Parameters;
	webhookId?: string;
	credentials?: Record<string, { id: string; name: string }>;
}

export interface Workflow {
	id: string;
	name: string;
	active: boolean;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
	settings: Record<string, unknown>;
}

const CREDENTIALS = {
	tokenBasedAuth: { netSuiteTbaApi: { id: 'nsTba', name: 'NetSuite TBA (emulator)' } },
	clientCredentials: { netSuiteClientCredentialsApi: { id: 'nsM2m', name: 'NetSuite M2M (emulator)' } },
};
export type Auth = keyof typeof CREDENTIALS;

/** A chain of nodes, each feeding the next; the test publishes it. */
export function chain(id: string, nodes: Array<Omit<WorkflowNode, 'id' | 'position'>>): Workflow {
	const placed = nodes.map((node, i) => ({ ...node, id: `${id}-${i}`, position: [i * 220, 0] as [number, number] }));
	const connections: Workflow['connections'] = {};
	for (let i = 0; i + 1 < placed.length; i++)
		connections[placed[i].name] = { main: [[{ node: placed[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name: `Queue e2e: ${id}`, active: false, nodes: placed, connections, settings: { executionOrder: 'v1' } };
}

/** A production webhook that answers with the last node's output. */
export function webhook(
	path: string,
	method: 'GET' | 'POST',
	response: Parameters = { responseData: 'allEntries' },
): Omit<WorkflowNode, 'id' | 'position'> {
	return {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		parameters: { path, httpMethod: method, responseMode: 'lastNode', ...response, options: {} },
	};
}

/** One item per element of the request body's array `field`, as `{ [field]: element }`. */
export function splitBody(field: string): Omit<WorkflowNode, 'id' | 'position'> {
	return {
		name: 'Split Out',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		parameters: { fieldToSplitOut: `body.${field}`, include: 'noOtherFields', options: { destinationFieldName: field } },
	};
}

export function netSuite(name: string, auth: Auth, parameters: Parameters): Omit<WorkflowNode, 'id' | 'position'> {
	return {
		name,
		type: 'CUSTOM.netSuite',
		typeVersion: 1,
		parameters: { authentication: auth, ...parameters },
		credentials: CREDENTIALS[auth],
	};
}

export function rawRequest(name: string, auth: Auth, parameters: Parameters): Omit<WorkflowNode, 'id' | 'position'> {
	return {
		name,
		type: 'CUSTOM.netSuiteRawRequest',
		typeVersion: 1,
		parameters: { authentication: auth, ...parameters },
		credentials: CREDENTIALS[auth],
	};
}

/** POST { keys: [...] } -> one customer created per key (TBA), answered with the new ids. */
export const bulkCreate = chain('qBulkCreate', [
	webhook('queue-bulk-create', 'POST'),
	splitBody('keys'),
	netSuite('Create Customer', 'tokenBasedAuth', {
		resource: 'record',
		operation: 'create',
		recordType: { __rl: true, mode: 'id', value: 'customer' },
		bodyMode: 'json',
		bodyJson: '={{ JSON.stringify({ companyName: $json.keys, subsidiary: { id: "1" } }) }}',
	}),
]);

/** POST { ids: [...] } -> each customer read with the M2M credential. */
export const m2mReads = chain('qM2mReads', [
	webhook('queue-m2m-reads', 'POST'),
	splitBody('ids'),
	rawRequest('Get Customer', 'clientCredentials', { service: 'record', method: 'GET', path: "={{ '/customer/' + $json.ids }}" }),
]);

/** GET -> the RESTlet's PDF, as the webhook's response body. */
export const pdfDownload = chain('qPdfDownload', [
	webhook('queue-pdf', 'GET', { responseData: 'firstEntryBinary', responseBinaryPropertyName: 'pdf' }),
	rawRequest('Download PDF', 'tokenBasedAuth', {
		service: 'restlet',
		scriptId: 'customscript_file',
		deployId: '1',
		method: 'GET',
		responseFormat: 'binary',
		binaryPropertyName: 'pdf',
	}),
]);
