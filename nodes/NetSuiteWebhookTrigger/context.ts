// What the push and the catch-up both read from the node: its parameters and its ledger.
import { NodeOperationError, type ITriggerFunctions, type IWebhookFunctions } from 'n8n-workflow';

import { configuredZone } from '../NetSuiteTrigger/accountZone';
import type { AccountZone } from '../shared/api/accountTime';
import { DEFAULT_REPLAY_WINDOW_SECONDS, parseRecordTypes } from './description';
import { Ledger } from './ledger';

type TriggerContext = IWebhookFunctions | ITriggerFunctions;

/** One ledger per workflow and node; the same in the webhook and the trigger paths. */
export function ledgerFor(ctx: TriggerContext): Ledger {
	const node = ctx.getNode();
	return new Ledger(`${ctx.getWorkflow().id ?? ''}:${node.id ?? node.name}`, ctx.getWorkflowStaticData('node'));
}

export function replayWindow(ctx: TriggerContext): number {
	const options = ctx.getNodeParameter('options', {}) as { replayWindowSeconds?: number };
	return options.replayWindowSeconds ?? DEFAULT_REPLAY_WINDOW_SECONDS;
}

export function recordTypesOf(ctx: TriggerContext): string[] {
	const types = parseRecordTypes(ctx.getNodeParameter('recordTypes', ''));
	if (!Array.isArray(types)) throw new NodeOperationError(ctx.getNode(), types.error);
	return types;
}

/** The Account Time Zone option (undefined: the catch-up learns the offset). */
export function accountZoneOf(ctx: TriggerContext): AccountZone | undefined {
	const options = ctx.getNodeParameter('options', {}) as { accountTimeZone?: string };
	return configuredZone(ctx.getNode(), options.accountTimeZone);
}
