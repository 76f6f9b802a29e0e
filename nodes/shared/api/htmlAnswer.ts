// NetSuite answers JSON. An HTML page with status 200 is a maintenance or login page put in
// front of the account, not data: it must fail the item, not become a string item.
import { NodeOperationError, type IN8nHttpFullResponse, type INode } from 'n8n-workflow';

import { headerValue } from './headers';

function contentType(headers: IN8nHttpFullResponse['headers']): string {
	return (headerValue(headers as Record<string, unknown> | undefined, 'content-type') ?? '').toLowerCase();
}

function looksLikeHtml(body: unknown): boolean {
	const text = Buffer.isBuffer(body) ? body.subarray(0, 64).toString('utf8') : typeof body === 'string' ? body.slice(0, 64) : '';
	return /^\s*<(!doctype html|html|head|body)\b/i.test(text);
}

/** `node` is asked for only when the answer is HTML: n8n's getNode() deep-copies the node and its parameters. */
export function htmlAnswerError(node: () => INode, response: IN8nHttpFullResponse, itemIndex?: number): NodeOperationError | undefined {
	const empty = response.body === undefined || response.body === null || response.body === '';
	if (empty || (!contentType(response.headers).includes('text/html') && !looksLikeHtml(response.body))) return undefined;
	return new NodeOperationError(node(), `NetSuite answered HTTP ${response.statusCode} with an HTML page instead of JSON`, {
		itemIndex,
		description:
			'This is usually a maintenance or login page in front of the account. Try again later; if it persists, check the account id and that REST web services are enabled.',
	});
}
