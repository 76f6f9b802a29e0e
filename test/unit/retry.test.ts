import { backoffDelayMs, DEFAULT_RETRY, isRetryable, retryAfterMs, retryTiming } from '../../nodes/shared/retry';

describe('retry policy', () => {
	const random = retryTiming.random;
	afterEach(() => (retryTiming.random = random));

	it('retries 429 even for a create, but 5xx and timeouts only when the request is idempotent', () => {
		expect(isRetryable({ status: 429 }, DEFAULT_RETRY, false)).toBe(true);
		expect(isRetryable({ status: 503 }, DEFAULT_RETRY, false)).toBe(false);
		expect(isRetryable({ code: 'ETIMEDOUT' }, DEFAULT_RETRY, false)).toBe(false);
		expect(isRetryable({ status: 503 }, DEFAULT_RETRY, true)).toBe(true);
		expect(isRetryable({ code: 'ECONNRESET' }, DEFAULT_RETRY, true)).toBe(true);
	});

	it('never retries a 4xx other than 429 unless told to retry on all errors', () => {
		expect(isRetryable({ status: 400 }, DEFAULT_RETRY, true)).toBe(false);
		expect(isRetryable({ status: 404 }, DEFAULT_RETRY, true)).toBe(false);
		expect(isRetryable({ status: 400 }, { ...DEFAULT_RETRY, retryAll: true }, true)).toBe(true);
	});

	it('backs off exponentially with jitter between half and all of the step, up to the cap', () => {
		const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
		retryTiming.random = () => 0;
		expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(n, policy, { status: 429 }))).toEqual([50, 100, 200, 400, 500, 500]);
		retryTiming.random = () => 0.999999;
		expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, policy, { status: 429 }))).toEqual([100, 200, 400, 800, 1000]);
		expect(backoffDelayMs(3, { ...policy, jitter: false, exponential: false }, { status: 500 })).toBe(100);
	});

	it('honours Retry-After in seconds or as an HTTP date', () => {
		expect(backoffDelayMs(1, DEFAULT_RETRY, { status: 429, headers: { 'Retry-After': '3' } })).toBe(3000);
		const inFive = new Date(Date.now() + 5000).toUTCString();
		expect(retryAfterMs({ 'retry-after': inFive })).toBeGreaterThan(3000);
		expect(retryAfterMs({})).toBeUndefined();
	});
});
