/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// HTTPS mode and the per-connection handshake delay: what a real round trip costs a client
// that opens a connection per request, and does not cost one that reuses it.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import path from 'node:path';

import { startEmulator, type RunningEmulator } from './index';
import { tbaHeader } from './testClient';

const ca = readFileSync(path.join(__dirname, 'demo-keys', 'tls-cert.pem'), 'utf8');
const DELAY_MS = 120;

async function signedGet(emulator: RunningEmulator, agent: Agent, pathAndQuery: string): Promise<{ status: number; body: string }> {
	const url = `${emulator.baseUrl}${pathAndQuery}`;
	return await new Promise((resolve, reject) => {
		const req = request(url, { agent, headers: { authorization: tbaHeader(emulator, 'GET', url) } }, (res) => {
			let body = '';
			res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		});
		req.on('error', reject);
		req.end();
	});
}

describe('emulator over HTTPS with a handshake delay', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0, https: true, handshakeDelayMs: DELAY_MS })));
	afterAll(async () => await emulator.stop());

	it('serves TLS with the demo certificate and checks TBA signatures made over https://', async () => {
		expect(emulator.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
		const agent = new Agent({ ca });
		const answer = await signedGet(emulator, agent, '/services/rest/record/v1/customer/1');
		expect(answer.status).toBe(200);
		// Links name the scheme the client used.
		expect(JSON.parse(answer.body).links[0].href).toMatch(/^https:\/\//);
		agent.destroy();
	});

	it('holds each new connection for the delay: a client without keep-alive waits on every request, a reusing one once', async () => {
		const closing = new Agent({ ca, keepAlive: false });
		let before = emulator.connectionsOpened();
		for (let i = 0; i < 3; i++) {
			const started = Date.now();
			expect((await signedGet(emulator, closing, '/services/rest/record/v1/customer/1')).status).toBe(200);
			expect(Date.now() - started).toBeGreaterThanOrEqual(DELAY_MS - 5);
		}
		expect(emulator.connectionsOpened() - before).toBe(3);
		const reusing = new Agent({ ca, keepAlive: true, maxSockets: 1 });
		before = emulator.connectionsOpened();
		for (let i = 0; i < 3; i++) expect((await signedGet(emulator, reusing, '/services/rest/record/v1/customer/1')).status).toBe(200);
		expect(emulator.connectionsOpened() - before).toBe(1);
		reusing.destroy();
	});
});
