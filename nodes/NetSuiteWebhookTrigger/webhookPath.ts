// The destination a push is signed for: this trigger's own webhook path, the part of its URL
// after n8n's webhook endpoint (`<webhookId>/netsuite`, or `<workflowId>/<node name>/netsuite`
// for a node without a webhookId). n8n builds both the Production URL (`…/webhook/<path>`) and
// the Test URL (`…/webhook-test/<path>`) from this same path (NodeHelpers.getNodeWebhookPath,
// which getNodeWebhookUrl('default') appends to the base URL), so it is read here from the node
// itself, not from the request:
// - the endpoint prefix is left out so one deployment works for the test and production URLs,
//   and so a reverse proxy that serves n8n under another prefix (or strips one) changes nothing;
//   what tells two triggers apart is the path, and the path is the same on every side of a proxy;
// - the request's own path is what a proxy may rewrite, and it only says where the post arrived,
//   which for a replay is exactly the attacker's choice.
import { NodeHelpers, type IWebhookFunctions } from 'n8n-workflow';

/** The path in the node's `webhooks` description. */
export const WEBHOOK_PATH = 'netsuite';

export const trimSlashes = (path: string): string => path.replace(/^\/+|\/+$/g, '');

export function ownWebhookPath(ctx: IWebhookFunctions): string {
	return trimSlashes(NodeHelpers.getNodeWebhookPath(ctx.getWorkflow().id ?? '', ctx.getNode(), WEBHOOK_PATH, false));
}
