/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';

import { startEmulator, type RunningEmulator } from './index';
import { tbaFetch } from './testClient';

function raw(emulator: RunningEmulator, method: string, path: string, headers: Record<string, string>, body: Buffer): Promise<number> {
	const { port } = new URL(emulator.baseUrl);
	return new Promise((resolve) => {
		const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', () => resolve(-1));
		req.end(body);
	});
}

describe('emulator robustness', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0, concurrency: 1000 })));
	afterAll(async () => await emulator.stop());

	it('survives garbage on every route and still answers a valid signed request', async () => {
		const paths = [
			'/services/rest/record/v1/customer',
			'/services/rest/record/v1/customer/1',
			'/services/rest/record/v1/customer/eid:%ZZ',
			'/services/rest/record/v1/%E0%A4%A',
			'/services/rest/record/v1/salesOrder/101/!transform/itemFulfillment',
			'/services/rest/record/v1/salesOrder/101/item/1',
			'/services/rest/record/v1/metadata-catalog/customer',
			'/services/rest/query/v1/suiteql?limit=abc&offset=-1',
			'/services/rest/auth/oauth2/v1/token',
			'/app/login/oauth2/authorize.nl?redirect_uri=::::',
			'/app/site/hosting/restlet.nl?script=1&deploy=1',
			'/services/rest/system/v1/governanceLimits',
			'/',
			'/../../etc/passwd',
			'/services/rest/record/v1/customer?q=((((',
			'/services/rest/record/v1/customer?q=id%20ANY_OF%20[',
		];
		const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND'];
		const auths = ['', 'OAuth', 'OAuth realm="x", oauth_signature="%%%"', 'Bearer ', 'Bearer ' + 'x'.repeat(5000), 'Basic ::::'];
		const bodies = [
			Buffer.alloc(0),
			Buffer.from('{'),
			Buffer.from('null'),
			Buffer.from('[1,2]'),
			Buffer.from('{"q": 5, "params": "x"}'),
			randomBytes(2048),
			Buffer.from('grant_type=client_credentials&client_assertion=a.b.c'),
		];
		const statuses: number[] = [];
		for (const path of paths) {
			for (let i = 0; i < 12; i++) {
				const method = methods[(i * 7 + path.length) % methods.length];
				const auth = auths[i % auths.length];
				const body = bodies[(i + path.length) % bodies.length];
				statuses.push(
					await raw(
						emulator,
						method,
						path,
						{ authorization: auth, 'content-type': i % 2 ? 'application/json' : 'application/x-www-form-urlencoded' },
						body,
					),
				);
			}
		}
		expect(statuses.every((s) => s >= 200 && s < 600)).toBe(true);
		expect(statuses.filter((s) => s >= 500)).toEqual([]);
		const ok = await tbaFetch(emulator, 'GET', '/services/rest/record/v1/customer/1');
		expect(ok.status).toBe(200);
	});

	it('signed garbage to the data routes gets NetSuite-shaped 4xx answers, not crashes', async () => {
		const cases: Array<[string, string, string]> = [
			['POST', '/services/rest/record/v1/customer', '{"companyName": {"nested": true}, "subsidiary": "abc"}'],
			['PATCH', '/services/rest/record/v1/salesOrder/101', '{"item": {"items": "nope"}}'],
			['POST', '/services/rest/query/v1/suiteql', '{"q": "DELETE FROM customer"}'],
			['POST', '/services/rest/record/v1/salesOrder/101/!transform/vendorBill', '{}'],
			['GET', '/services/rest/record/v1/customer/abc', ''],
		];
		for (const [method, path, body] of cases) {
			const response = await tbaFetch(emulator, method, path, {
				body: body || undefined,
				headers: { 'content-type': 'application/json', prefer: 'transient' },
			});
			expect(response.status).toBeGreaterThanOrEqual(400);
			expect(response.status).toBeLessThan(500);
			expect(((await response.json()) as Record<string, unknown>)['o:errorDetails']).toBeDefined();
		}
	});
});
