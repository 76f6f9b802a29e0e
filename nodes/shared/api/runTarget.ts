// Where a node run's requests go: the credential type and the account's origins, read once
// per node run instead of once per request.
//
// The transport only needs the account id (or base URL override) to address a request; n8n's
// httpRequestWithAuthentication then reads the credential again itself to sign it. In n8n each
// getCredentials is a database read, a decryption and an expression pass over the fields
// (CredentialsHelper.getDecrypted), so reading it per request for the origin doubled that work.
//
// Why once per run is correct: n8n's declarative engine itself reads `$credentials` once per
// run, for item 0 (RoutingNode.prepareCredentials), and builds every item's base URL from it.
// A run is keyed by n8n's IExecuteData, the entry WorkflowExecute takes off its execution
// stack for each run of a node: every item context of that run returns the same object from
// getExecuteData(), and the next run (a new execution after the credential was edited, another
// node with another credential, a loop's next pass, a queue-mode worker's job) gets a new one.
// Pollers and triggers, which have no run, read it for every request as before. A credential
// field written as an expression over the item resolves per item in n8n: the origin here is
// item 0's, as n8n's own `$credentials` is, and TBA and M2M still send each item to its own
// (their authenticate builds the final URL from the credential n8n read for that request).
// Nothing is kept by node id or credential id, so nothing outlives the run; no secret is kept,
// only the type name and the origins. Signing and tokens stay n8n's: an OAuth2 refresh or an
// M2M token fetched on a 401 never passes through here.
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { accountUrls, RESTLET_PATH, testServerOf, type AccountUrls } from '../auth/account';
import { credentialTypeFor } from '../auth/authentication';
import { nodeParameter } from './parameters';
import type { NetSuiteContext } from './transport';

export interface RunTarget {
	/** The credential type the node's `authentication` parameter picks. */
	type: string;
	urls: AccountUrls;
}

const perRun = new WeakMap<object, Promise<RunTarget>>();

/**
 * The object all contexts of one node run share: n8n's IExecuteData, where the context has one
 * (execute, per-item and tool contexts). Poll and trigger contexts have none and are no run:
 * n8n builds one per activation and reuses it for every poll (ActiveWorkflowTriggers
 * .activatePollTrigger), for days, while the credential may be edited; they read it each time.
 */
function runOf(ctx: NetSuiteContext): object | undefined {
	const withData = ctx as { getExecuteData?: () => object | undefined };
	return typeof withData.getExecuteData === 'function' ? withData.getExecuteData() : undefined;
}

/** The credential of the node in use, read from n8n (no caching: callers that need its fields). */
export async function netSuiteCredentials(ctx: NetSuiteContext): Promise<{ type: string; data: ICredentialDataDecryptedObject }> {
	// n8n picks a node's credential by matching its raw `authentication` parameter against each
	// credential's displayOptions (NodeExecutionContext._getCredentials), so the parameter is a
	// literal, the same for every item of a run.
	const type = credentialTypeFor(nodeParameter(ctx, 'authentication', 'clientCredentials'));
	return { type, data: await ctx.getCredentials(type) };
}

async function readTarget(ctx: NetSuiteContext): Promise<RunTarget> {
	const { type, data } = await netSuiteCredentials(ctx);
	return { type, urls: accountUrls(data.accountId, testServerOf(data)) };
}

/** The run's credential type and origins; the first request of a run reads them, the others wait for that read. */
export async function runTarget(ctx: NetSuiteContext): Promise<RunTarget> {
	const run = runOf(ctx);
	if (!run) return await readTarget(ctx);
	let target = perRun.get(run);
	if (!target) {
		target = readTarget(ctx);
		perRun.set(run, target);
		// A failed read is not kept: each item reports it, and a later item may read it again.
		target.catch(() => {
			if (perRun.get(run) === target) perRun.delete(run);
		});
	}
	return await target;
}

/** The origin a path is sent to. */
export function originOf(urls: AccountUrls, path: string): string {
	return path.startsWith(RESTLET_PATH) ? urls.restlets : urls.rest;
}
