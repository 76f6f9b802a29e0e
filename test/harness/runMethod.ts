// Calls a node's listSearch / loadOptions method with n8n-core's LoadOptionsContext.
import type { INodeListSearchResult, INodeParameters, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import { additionalDataFor } from './additionalData';
import { TestCredentialsHelper, type TestCredential } from './credentialsHelper';
import { setUpN8n } from './setup';
import { buildWorkflow } from './workflow';

interface MethodOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials?: Record<string, TestCredential>;
}

function contextFor(options: MethodOptions): LoadOptionsContext {
	setUpN8n();
	const { workflow, node } = buildWorkflow(options);
	const additionalData = additionalDataFor(new TestCredentialsHelper(options.credentials));
	additionalData.currentNodeParameters = node.parameters;
	return new LoadOptionsContext(workflow, node, additionalData, '');
}

export async function runListSearch(
	options: MethodOptions & { method: string; filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const method = options.nodeType.methods?.listSearch?.[options.method];
	if (!method) throw new Error(`No listSearch method ${options.method}`);
	return await method.call(contextFor(options), options.filter, options.paginationToken);
}

export async function runLoadOptions(options: MethodOptions & { method: string }): Promise<INodePropertyOptions[]> {
	const method = options.nodeType.methods?.loadOptions?.[options.method];
	if (!method) throw new Error(`No loadOptions method ${options.method}`);
	return await method.call(contextFor(options));
}
