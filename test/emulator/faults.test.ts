/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
import { Agent, request } from 'node:http';

import { startEmulator, type RunningEmulator } from './index';
import { tbaFetch, tbaHeader } from './testClient';

/** A signed GET through node:http with the given agent (keep-alive or not). */
async function getWith(emulator: RunningEmulator, agent: Agent, path: string): Promise<number> {
	const url = `${emulator.baseUrl}${path}`;
	return await new Promise((resolve, reject) => {
		const req = request(url, { agent, headers: { authorization: tbaHeader(emulator, 'GET', url) } }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		req.end();
	});
}

describe('emulator faults', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0, concurrency: 5, latencyMs: 50 })));
	afterAll(async () => await emulator.stop());

	it('answers 429 CONCURRENCY_LIMIT_EXCEEDED, without Retry-After, past 5 requests in flight', async () => {
		const responses = await Promise.all(Array.from({ length: 20 }, () => tbaFetch(emulator, 'GET', '/services/rest/record/v1/customer/1')));
		const limited = responses.filter((r) => r.status === 429);
		expect(responses.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(5);
		expect(limited.length).toBeGreaterThan(0);
		expect(limited[0].headers.get('retry-after')).toBeNull();
		const body = (await limited[0].json()) as { 'o:errorDetails': Array<{ detail: string; 'o:errorCode': string }> };
		expect(body['o:errorDetails'][0]).toEqual({
			detail: 'Concurrent request limit exceeded. Request blocked.',
			'o:errorCode': 'CONCURRENCY_LIMIT_EXCEEDED',
		});
		expect(emulator.faults.inFlightPeak).toBe(5);
	});

	it('fails the next requests on demand, with Retry-After when asked', async () => {
		emulator.faults.failNext(2, 503, { retryAfterSeconds: 1 });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await tbaFetch(emulator, 'GET', '/services/rest/record/v1/customer/1')).status);
		expect(statuses).toEqual([503, 503, 200]);
	});

	it('reports the concurrency limit at governanceLimits', async () => {
		const response = await tbaFetch(emulator, 'GET', '/services/rest/system/v1/governanceLimits');
		expect(await response.json()).toMatchObject({ accountConcurrencyLimit: 5 });
	});

	it('logs each request with its status and auth', async () => {
		emulator.clearLog();
		await tbaFetch(emulator, 'GET', '/services/rest/record/v1/customer/2?fields=email');
		expect(emulator.requestLog).toEqual([
			expect.objectContaining({
				method: 'GET',
				path: '/services/rest/record/v1/customer/2',
				rawQuery: 'fields=email',
				status: 200,
				auth: 'tba',
			}),
		]);
	});

	it('queues past the limit instead of answering 429 when asked: every request answered, never more than the limit in flight', async () => {
		emulator.faults.overLimit = 'queue';
		const before = emulator.faults.rejected429;
		emulator.faults.inFlightPeak = 0;
		try {
			const responses = await Promise.all(
				Array.from({ length: 17 }, () => tbaFetch(emulator, 'GET', '/services/rest/record/v1/customer/1')),
			);
			expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 17 }, () => 200));
			expect(emulator.faults.rejected429).toBe(before);
			expect(emulator.faults.inFlightPeak).toBe(5);
		} finally {
			emulator.faults.overLimit = 'reject';
		}
	});

	it('counts TCP connections: a keep-alive client reuses one, a client without keep-alive opens one per request', async () => {
		const path = '/services/rest/record/v1/customer/1';
		const reusing = new Agent({ keepAlive: true, maxSockets: 1 });
		let before = emulator.connectionsOpened();
		for (let i = 0; i < 3; i++) expect(await getWith(emulator, reusing, path)).toBe(200);
		expect(emulator.connectionsOpened() - before).toBe(1);
		reusing.destroy();
		const closing = new Agent({ keepAlive: false });
		before = emulator.connectionsOpened();
		for (let i = 0; i < 3; i++) expect(await getWith(emulator, closing, path)).toBe(200);
		expect(emulator.connectionsOpened() - before).toBe(3);
	});
});
