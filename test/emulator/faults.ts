// Faults NetSuite produces, on purpose: the account concurrency limit (429 with no
// Retry-After, as NetSuite sends none), latency, random 5xx, and scripted failures.
import { nsError } from './errors';
import type { EmulatorResponse } from './types';

interface Scripted {
	remaining: number;
	status: number;
	retryAfterSeconds?: number;
	path?: RegExp;
}

export class Faults {
	inFlight = 0;
	inFlightPeak = 0;
	rejected429 = 0;
	/**
	 * Past the limit NetSuite answers 429. 'queue' makes the emulator hold the request until a
	 * slot frees instead, as if every client paced itself perfectly: the bench uses it to run
	 * n8n's plain declarative engine (which sends every item at once) at the limit without 429s.
	 */
	overLimit: 'reject' | 'queue' = 'reject';
	private readonly scripted: Scripted[] = [];
	private readonly queued: Array<() => void> = [];
	private readonly slow: Array<{ remaining: number; ms: number; path: RegExp }> = [];

	constructor(
		public concurrency: number,
		public latencyMs: number,
		public errorRate: number,
		public retryAfterSeconds: number | undefined,
	) {}

	/** The next `count` requests (matching `path`) fail with `status`. */
	failNext(count: number, status = 503, opts: { retryAfterSeconds?: number; path?: RegExp } = {}): void {
		this.scripted.push({ remaining: count, status, ...opts });
	}

	/** The next `count` requests matching `path` answer `ms` later than the others (a slow query). */
	slowNext(count: number, ms: number, path: RegExp): void {
		this.slow.push({ remaining: count, ms, path });
	}

	/** How much later this request answers (slowNext), counting it off. */
	extraDelay(path: string): number {
		const slow = this.slow.find((s) => s.remaining > 0 && s.path.test(path));
		if (!slow) return 0;
		slow.remaining--;
		return slow.ms;
	}

	setConcurrency(n: number): void {
		this.concurrency = n;
	}

	setLatency(ms: number): void {
		this.latencyMs = ms;
	}

	setErrorRate(rate: number): void {
		this.errorRate = rate;
	}

	/** Counts a request in once a slot is free ('queue'), or at once with a 429 when full ('reject'). */
	async admit(): Promise<EmulatorResponse | undefined> {
		while (this.overLimit === 'queue' && this.inFlight >= this.concurrency) await new Promise<void>((resolve) => this.queued.push(resolve));
		return this.enter();
	}

	/** Counts a request in; returns a 429 if the account is at its limit. */
	enter(): EmulatorResponse | undefined {
		if (this.inFlight >= this.concurrency) {
			this.rejected429++;
			const headers: Record<string, string> = this.retryAfterSeconds !== undefined ? { 'retry-after': String(this.retryAfterSeconds) } : {};
			return nsError(429, 'CONCURRENCY_LIMIT_EXCEEDED', 'Concurrent request limit exceeded. Request blocked.', {}, headers);
		}
		this.inFlight++;
		this.inFlightPeak = Math.max(this.inFlightPeak, this.inFlight);
		return undefined;
	}

	leave(): void {
		this.inFlight--;
		this.queued.shift()?.();
	}

	/** A scripted or random failure for this request, if any. */
	injected(path: string): EmulatorResponse | undefined {
		const entry = this.scripted.find((s) => s.remaining > 0 && (!s.path || s.path.test(path)));
		if (entry) {
			entry.remaining--;
			if (entry.status === 429) {
				return nsError(
					429,
					'CONCURRENCY_LIMIT_EXCEEDED',
					'Concurrent request limit exceeded. Request blocked.',
					{},
					entry.retryAfterSeconds !== undefined ? { 'retry-after': String(entry.retryAfterSeconds) } : {},
				);
			}
			// A role without the permission (verify: the detail is the UI's permission-violation text).
			if (entry.status === 403) {
				return nsError(
					403,
					'INSUFFICIENT_PERMISSION',
					"Permission Violation: You need a higher level of the 'SuiteAnalytics Workbook' permission to access this page. Please contact your account administrator.",
				);
			}
			return nsError(
				entry.status,
				'UNEXPECTED_ERROR',
				'An unexpected error occurred.',
				{},
				entry.retryAfterSeconds !== undefined ? { 'retry-after': String(entry.retryAfterSeconds) } : {},
			);
		}
		if (this.errorRate > 0 && Math.random() < this.errorRate)
			return nsError(500, 'UNEXPECTED_ERROR', 'An unexpected error occurred. Error ID: emulator-random-fault');
		return undefined;
	}

	governanceLimits(): EmulatorResponse {
		return {
			status: 200,
			body: {
				accountConcurrencyLimit: this.concurrency,
				accountUnallocatedConcurrencyLimit: this.concurrency,
				integrationConcurrencyLimit: null,
			},
		};
	}
}
