// How many requests of one run may be in flight. NetSuite shares one limit per account
// across every integration (5 on most accounts), so "Auto" asks the account once per run
// (governanceLimits, when the role may read it) and otherwise stays at a safe default.
import type { IDataObject } from 'n8n-workflow';

import { netSuiteRequest, type NetSuiteContext } from './transport';

export const SAFE_CONCURRENCY = 3;
const GOVERNANCE_PATH = '/services/rest/system/v1/governanceLimits';

const perRun = new Map<string, Promise<number>>();

async function readLimit(ctx: NetSuiteContext): Promise<number> {
	try {
		const response = await netSuiteRequest.call(
			ctx,
			{ method: 'GET', path: GOVERNANCE_PATH },
			{ retry: { maxRetries: 1, throttledUntilBudget: false } },
		);
		const body = response.body as IDataObject;
		// An integration's own slice wins; else what the account has not allocated; else the account limit.
		for (const key of ['integrationConcurrencyLimit', 'accountUnallocatedConcurrencyLimit', 'accountConcurrencyLimit']) {
			const value = Number(body?.[key]);
			if (Number.isInteger(value) && value > 0) return value;
		}
	} catch {
		// The role may not read governance limits: fall back to the safe default.
	}
	return SAFE_CONCURRENCY;
}

/** Parallel Requests (batchSize) 0 (Auto) -> the account's limit, read once per run and key. */
export async function autoConcurrency(ctx: NetSuiteContext, key: string): Promise<number> {
	let entry = perRun.get(key);
	if (!entry) {
		entry = readLimit(ctx);
		perRun.set(key, entry);
		if (perRun.size > 100) perRun.delete(perRun.keys().next().value as string);
	}
	return await entry;
}
