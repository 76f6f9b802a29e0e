// How long to wait between attempts, and for how long in all. Whether to retry at all is
// retryPolicy.ts's table. NetSuite sends no Retry-After with its 429s, so back off
// exponentially with jitter; honour Retry-After when one comes, but only up to a cap.
import { sleep as n8nSleep } from 'n8n-workflow';

import type { HttpFailure } from './netSuiteError';
import { headerValue } from './headers';

export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	exponential: boolean;
	jitter: boolean;
	/** Retry 4xx answers too (NetSuite refused them, so nothing was applied). */
	retryAll: boolean;
	/** Total time one item may spend waiting between attempts. */
	maxTotalWaitMs: number;
	/** Longest Retry-After honoured; a longer one fails the item at once, saying so. */
	maxRetryAfterMs: number;
	/**
	 * A 429 is retried for as long as the wait budget lasts, not only maxRetries times. NetSuite
	 * refused the request before running it, so waiting longer is always safe, and when several
	 * executions or queue workers share one account limit, six quick retries can run out while
	 * the account is merely busy (a create then fails half-way through following its job).
	 */
	throttledUntilBudget: boolean;
}

export const DEFAULT_RETRY: RetryPolicy = {
	maxRetries: 6,
	baseDelayMs: 250,
	maxDelayMs: 30_000,
	exponential: true,
	jitter: true,
	retryAll: false,
	maxTotalWaitMs: 120_000,
	maxRetryAfterMs: 60_000,
	throttledUntilBudget: true,
};

/** Raw Request's Max Retries, as its UI allows. */
export const MAX_RETRIES_RANGE = { min: 0, max: 10 } as const;

/** Hooks tests replace to observe delays without waiting. */
export const retryTiming = {
	sleep: (ms: number): Promise<void> => n8nSleep(ms),
	random: (): number => Math.random(),
};

/** Retry-After in ms (seconds or an HTTP date), if the server sent one. */
export function retryAfterMs(headers: Record<string, unknown> | undefined): number | undefined {
	const text = headerValue(headers, 'retry-after')?.trim();
	if (!text) return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const at = Date.parse(text);
	return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Delay before retry number `attempt` (1-based); a Retry-After wins (the caller checks it against the cap). */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, failure: HttpFailure): number {
	const told = retryAfterMs(failure.headers);
	if (told !== undefined) return told;
	const raw = policy.exponential ? policy.baseDelayMs * 2 ** (attempt - 1) : policy.baseDelayMs;
	const capped = Math.min(raw, policy.maxDelayMs);
	// "Equal jitter": half fixed, half random, so parallel items do not retry in lockstep.
	return policy.jitter ? Math.round(capped / 2 + retryTiming.random() * (capped / 2)) : capped;
}

/** Why the next wait is not allowed, or undefined if it is. */
export function waitRefusal(delayMs: number, waitedMs: number, failure: HttpFailure, policy: RetryPolicy): string | undefined {
	const told = retryAfterMs(failure.headers);
	if (told !== undefined && told > policy.maxRetryAfterMs) {
		return `NetSuite asked to wait ${Math.round(told / 1000)} s before trying again (Retry-After); the node waits at most ${Math.round(policy.maxRetryAfterMs / 1000)} s for one retry, so it stopped here`;
	}
	if (waitedMs + delayMs > policy.maxTotalWaitMs) {
		return `The node stopped retrying after waiting ${Math.round(waitedMs / 1000)} s for this item (at most ${Math.round(policy.maxTotalWaitMs / 1000)} s per item)`;
	}
	return undefined;
}
