/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { backoffDelayMs, DEFAULT_RETRY, retryAfterMs, retryTiming, waitRefusal } from '../../nodes/shared/api/retry';
import {
	failureKind,
	rawRequestClass,
	RETRY_POLICY,
	retryPolicyMarkdown,
	shouldRetry,
	type FailureKind,
} from '../../nodes/shared/api/retryPolicy';

const failures: Record<FailureKind, { status?: number; code?: string }> = {
	throttled: { status: 429 },
	serverError: { status: 503 },
	connectionReset: { code: 'ECONNRESET' },
	timeout: { code: 'ECONNABORTED' },
	lostAnswer: { code: 'ECONNRESET' },
};

describe('the retry policy table', () => {
	const random = retryTiming.random;
	afterEach(() => (retryTiming.random = random));

	it('retries every read after every transient failure', () => {
		for (const row of ['readGet', 'suiteQl', 'tokenRequest', 'rawRead'] as const) {
			for (const failure of Object.values(failures)) expect(shouldRetry(row, failure)).toBe(true);
		}
	});

	it('retries a write NetSuite may have applied only where sending it again cannot apply it twice', () => {
		for (const row of ['addLine', 'rawPostPatch'] as const) {
			expect(shouldRetry(row, failures.throttled)).toBe(true);
			for (const kind of ['serverError', 'connectionReset', 'timeout', 'lostAnswer'] as const)
				expect(shouldRetry(row, failures[kind])).toBe(false);
		}
		for (const row of ['createWithKey', 'write', 'rawPutDelete'] as const) {
			for (const failure of Object.values(failures)) expect(shouldRetry(row, failure)).toBe(true);
		}
	});

	it('treats a lost answer like a connection reset in every row: the client cannot tell them apart', () => {
		for (const row of Object.values(RETRY_POLICY)) expect(row.cells.lostAnswer.retry).toBe(row.cells.connectionReset.retry);
		expect(failureKind({ message: 'socket hang up', code: 'ECONNRESET' })).toBe('connectionReset');
	});

	it("never retries a 4xx other than 429 unless told to retry on all errors, nor an error that is not NetSuite's", () => {
		expect(shouldRetry('readGet', { status: 400 })).toBe(false);
		expect(shouldRetry('readGet', { status: 404 })).toBe(false);
		expect(shouldRetry('readGet', { status: 400 }, true)).toBe(true);
		expect(shouldRetry('readGet', { message: 'The credential needs to be reconnected.' })).toBe(false);
		expect(shouldRetry('rawPostPatch', { code: 'ETIMEDOUT' }, true)).toBe(false);
	});

	it('puts Raw Request methods in their rows, SuiteQL with the reads', () => {
		expect(rawRequestClass('GET', '/services/rest/record/v1/customer/1')).toBe('rawRead');
		expect(rawRequestClass('POST', '/services/rest/query/v1/suiteql')).toBe('rawRead');
		expect(rawRequestClass('POST', '/services/rest/record/v1/customer')).toBe('rawPostPatch');
		expect(rawRequestClass('PATCH', '/services/rest/record/v1/customer/1')).toBe('rawPostPatch');
		expect(rawRequestClass('DELETE', '/services/rest/record/v1/customer/1')).toBe('rawPutDelete');
	});

	it('is the table the README shows', () => {
		const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
		expect(readme).toContain(retryPolicyMarkdown());
	});

	it('backs off exponentially with jitter between half and all of the step, up to the cap', () => {
		const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
		retryTiming.random = () => 0;
		expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(n, policy, { status: 429 }))).toEqual([50, 100, 200, 400, 500, 500]);
		retryTiming.random = () => 0.999999;
		expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, policy, { status: 429 }))).toEqual([100, 200, 400, 800, 1000]);
		expect(backoffDelayMs(3, { ...policy, jitter: false, exponential: false }, { status: 500 })).toBe(100);
	});

	it('honours Retry-After in seconds or as an HTTP date, up to the cap', () => {
		expect(backoffDelayMs(1, DEFAULT_RETRY, { status: 429, headers: { 'Retry-After': '3' } })).toBe(3000);
		const inFive = new Date(Date.now() + 5000).toUTCString();
		expect(retryAfterMs({ 'retry-after': inFive })).toBeGreaterThan(3000);
		expect(retryAfterMs({})).toBeUndefined();
		expect(waitRefusal(3000, 0, { status: 429, headers: { 'Retry-After': '3' } }, DEFAULT_RETRY)).toBeUndefined();
		expect(waitRefusal(600_000, 0, { status: 503, headers: { 'Retry-After': '600' } }, DEFAULT_RETRY)).toMatch(
			/asked to wait 600 s .*at most 60 s/,
		);
		expect(waitRefusal(30_000, 100_000, { status: 503 }, DEFAULT_RETRY)).toMatch(
			/stopped retrying after waiting 100 s .*at most 120 s per item/,
		);
	});
});
