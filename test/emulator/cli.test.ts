/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
import { spawn } from 'node:child_process';
import path from 'node:path';

import type { RunningEmulator } from './index';
import { parseArgs } from './cli';
import { tbaFetch } from './testClient';

const repo = path.resolve(__dirname, '../..');

describe('npm run emulator', () => {
	it('prints one JSON ready line with demo credentials, serves signed requests, and stops on SIGTERM', async () => {
		const child = spawn(
			process.execPath,
			[require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'test/emulator/cli.ts', '--port', '0', '--concurrency', '3'],
			{ cwd: repo },
		);
		const line = await new Promise<string>((resolve, reject) => {
			let out = '';
			child.stdout.on('data', (chunk: Buffer) => {
				out += chunk.toString();
				if (out.includes('\n')) resolve(out.split('\n')[0]);
			});
			child.on('exit', (code) => reject(new Error(`exited ${code}`)));
		});
		const ready = JSON.parse(line);
		expect(Object.keys(ready).sort()).toEqual(['accountId', 'baseUrl', 'm2m', 'oauth2', 'tba']);
		expect(ready.m2m.privateKeyPem).toContain('BEGIN PRIVATE KEY');
		const pseudo = { baseUrl: ready.baseUrl, accountId: ready.accountId, credentials: ready } as unknown as RunningEmulator;
		expect((await tbaFetch(pseudo, 'GET', '/services/rest/record/v1/customer/1')).status).toBe(200);
		const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
		child.kill('SIGTERM');
		expect(await exit).toBe(0);
	}, 30_000);

	it('refuses a bad option, naming it', () => {
		expect(() => parseArgs(['--concurrency', 'lots'])).toThrow('--concurrency needs an integer');
		expect(() => parseArgs(['--error-rate', '2'])).toThrow('--error-rate needs a number from 0 to 1');
		expect(() => parseArgs(['--bogus', '1'])).toThrow('Unknown option --bogus');
		expect(parseArgs(['--port=0', '--latency-ms', '20'])).toEqual({ port: 0, latencyMs: 20 });
		expect(parseArgs(['--https', '--handshake-delay-ms', '40'])).toEqual({ port: 8787, https: true, handshakeDelayMs: 40 });
		expect(() => parseArgs(['--https=yes'])).toThrow('--https takes no value');
		expect(parseArgs(['--async-processors', '5', '--async-job-ms=0'])).toEqual({ port: 8787, asyncProcessors: 5, asyncJobMs: 0 });
		expect(() => parseArgs(['--async-processors', '0'])).toThrow('--async-processors needs an integer from 1 to 1000');
	});
});
