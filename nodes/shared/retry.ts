// Retrying what NetSuite says is worth retrying: 429 (it sends no Retry-After, so back off
// exponentially with jitter), 5xx and network errors, honouring Retry-After when one comes.
import { sleep as n8nSleep } from 'n8n-workflow';

import type { HttpFailure } from './netSuiteError';

export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	exponential: boolean;
	jitter: boolean;
	/** Retry every failure, not only 429 / 5xx / network errors. */
	retryAll: boolean;
}

export const DEFAULT_RETRY: RetryPolicy = {
	maxRetries: 6,
	baseDelayMs: 250,
	maxDelayMs: 30_000,
	exponential: true,
	jitter: true,
	retryAll: false,
};

/** Hooks tests replace to observe delays without waiting. */
export const retryTiming = {
	sleep: (ms: number): Promise<void> => n8nSleep(ms),
	random: (): number => Math.random(),
};

const NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNREFUSED', 'ESOCKETTIMEDOUT', 'UND_ERR_SOCKET']);

export function isRetryable(failure: HttpFailure, policy: RetryPolicy, idempotent: boolean): boolean {
	if (failure.status === 429) return true; // refused before it ran: always safe to send again
	if (!idempotent) return false; // a create may have happened even if its answer was lost
	if (policy.retryAll) return true;
	if (failure.status !== undefined && failure.status >= 500) return true;
	return failure.status === undefined && (failure.code === undefined || NETWORK_CODES.has(failure.code));
}

/** Retry-After in ms (seconds or an HTTP date), if the server sent one. */
export function retryAfterMs(headers: Record<string, unknown> | undefined): number | undefined {
	const raw = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const text = String(Array.isArray(raw) ? raw[0] : raw).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const at = Date.parse(text);
	return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Delay before retry number `attempt` (1-based). */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, failure: HttpFailure): number {
	const told = retryAfterMs(failure.headers);
	if (told !== undefined) return Math.min(told, 10 * 60_000);
	const raw = policy.exponential ? policy.baseDelayMs * 2 ** (attempt - 1) : policy.baseDelayMs;
	const capped = Math.min(raw, policy.maxDelayMs);
	// "Equal jitter": half fixed, half random, so parallel items do not retry in lockstep.
	return policy.jitter ? Math.round(capped / 2 + retryTiming.random() * (capped / 2)) : capped;
}
