/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// The emulator runs the shipped User Event script itself (suitescript/n8n_webhook_ue.js) after
// every save: these tests prove what the script sends and that a save never waits on n8n
// longer than NetSuite's timeouts allow.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { checkSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../nodes/NetSuiteWebhookTrigger/signature';
import { parseArgs } from './cli';
import { startEmulator, type RunningEmulator } from './index';
import { tbaFetch } from './testClient';

const SECRET = 'a-long-shared-secret-only-for-these-tests';
const SECRET_ID = 'custsecret_n8n_webhook';

interface Received {
	headers: IncomingHttpHeaders;
	body: Buffer;
}

/** A stand-in for n8n: records each post; `answer` decides what it does with one. */
async function receiver(answer: 'ok' | 'hang' = 'ok'): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
	const received: Received[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks) });
			if (answer === 'ok') res.end('{"ok":true}');
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/abc/netsuite`,
		received,
		close: () =>
			new Promise((r) => {
				server.closeAllConnections();
				server.close(() => r());
			}),
	};
}

async function closedPortUrl(): Promise<string> {
	const probe = await receiver();
	await probe.close();
	return probe.url;
}

const webhookDeployment = (url: string, recordTypes = ['customer']) => ({
	recordTypes,
	params: { custscript_n8n_webhook_url: url, custscript_n8n_webhook_secret: SECRET_ID },
});

async function createCustomer(emulator: RunningEmulator, name: string): Promise<{ status: number; id: string; ms: number }> {
	const started = Date.now();
	const res = await tbaFetch(emulator, 'POST', '/services/rest/record/v1/customer', {
		body: JSON.stringify({ companyName: name, subsidiary: { id: '1' } }),
	});
	return { status: res.status, id: String(res.headers.get('location')?.split('/').pop()), ms: Date.now() - started };
}

describe('the shipped webhook script in the emulator', () => {
	let emulator: RunningEmulator;
	beforeEach(async () => {
		emulator = await startEmulator({ secrets: { [SECRET_ID]: SECRET } });
	});
	afterEach(async () => {
		await emulator.stop();
	});

	it('posts one signed event per create, edit and delete, verifiable with the shared secret', async () => {
		const n8n = await receiver();
		emulator.scripts.deploy(webhookDeployment(n8n.url));
		const created = await createCustomer(emulator, 'Pushed Ltd');
		expect(created.status).toBe(204);
		expect(
			(await tbaFetch(emulator, 'PATCH', `/services/rest/record/v1/customer/${created.id}`, { body: JSON.stringify({ phone: '555' }) }))
				.status,
		).toBe(204);
		expect((await tbaFetch(emulator, 'DELETE', `/services/rest/record/v1/customer/${created.id}`)).status).toBe(204);
		await n8n.close();

		expect(n8n.received).toHaveLength(3);
		const events = n8n.received.map((r) => JSON.parse(r.body.toString('utf8')));
		expect(events.map((e) => [e.event, e.recordType, e.id])).toEqual([
			['create', 'customer', created.id],
			['edit', 'customer', created.id],
			['delete', 'customer', created.id],
		]);
		expect(events[0].lastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
		expect(events[0].created).toBe(events[0].lastModified);
		const now = Math.floor(Date.now() / 1000);
		for (const r of n8n.received) {
			const signed = { timestamp: r.headers[TIMESTAMP_HEADER], signature: r.headers[SIGNATURE_HEADER], rawBody: r.body };
			expect(checkSignature(SECRET, 'abc/netsuite', signed, now, 60)).toBeUndefined();
			expect(checkSignature('another-secret', 'abc/netsuite', signed, now, 60)).toBe('bad signature');
			// Signed for its destination: the same post does not verify for another trigger's path.
			expect(checkSignature(SECRET, 'another-hook/netsuite', signed, now, 60)).toBe('bad signature');
		}
		// The secret is resolved by N/crypto: it is in no header, body or log line.
		const everything = JSON.stringify([n8n.received.map((r) => [r.headers, r.body.toString()]), emulator.scripts.log]);
		expect(everything).not.toContain(SECRET);
	});

	it("signs the trigger's own path: the part after /webhook/ or /webhook-test/, whatever precedes it", async () => {
		const n8n = await receiver();
		const origin = new URL(n8n.url).origin;
		const cases: Array<[string, Record<string, string>]> = [
			[`${origin}/webhook-test/abc/netsuite`, {}],
			// A reverse proxy that serves n8n under a prefix; query and fragment are not part of the path.
			[`${origin}/tools/n8n/webhook/abc/netsuite/?from=netsuite#x`, {}],
			// A proxy that rewrites n8n's paths: the path parameter says what to sign.
			[`${origin}/hooks/abc/netsuite`, { custscript_n8n_webhook_path: ' /abc/netsuite/ ' }],
		];
		for (const [url, extra] of cases) {
			emulator.scripts.undeployAll();
			emulator.scripts.deploy({ recordTypes: ['customer'], params: { ...webhookDeployment(url).params, ...extra } });
			expect((await createCustomer(emulator, 'Signed For Its Path')).status).toBe(204);
		}
		await n8n.close();
		expect(n8n.received).toHaveLength(cases.length);
		const now = Math.floor(Date.now() / 1000);
		for (const r of n8n.received) {
			const signed = { timestamp: r.headers[TIMESTAMP_HEADER], signature: r.headers[SIGNATURE_HEADER], rawBody: r.body };
			expect(checkSignature(SECRET, 'abc/netsuite', signed, now, 60)).toBeUndefined();
			expect(checkSignature(SECRET, 'netsuite', signed, now, 60)).toBe('bad signature');
		}
	});

	it('a URL without a /webhook/ segment and no path parameter posts nothing and says which parameter to set', async () => {
		const n8n = await receiver();
		emulator.scripts.deploy(webhookDeployment(`${new URL(n8n.url).origin}/hooks/abc/netsuite`));
		expect((await createCustomer(emulator, 'Nowhere To Sign For')).status).toBe(204);
		await n8n.close();
		expect(n8n.received).toHaveLength(0);
		expect(emulator.scripts.log.map((l) => [l.level, l.title])).toEqual([['ERROR', 'n8n webhook not configured']]);
		expect(emulator.scripts.log[0].details).toContain('custscript_n8n_webhook_path');
	});

	it('posts only for the deployed record types', async () => {
		const n8n = await receiver();
		emulator.scripts.deploy(webhookDeployment(n8n.url, ['salesOrder']));
		expect((await createCustomer(emulator, 'Not Watched')).status).toBe(204);
		await n8n.close();
		expect(n8n.received).toHaveLength(0);
	});

	it('while n8n is down a save still succeeds at once and the failure is in the execution log', async () => {
		emulator.scripts.deploy(webhookDeployment(await closedPortUrl()));
		const saved = await createCustomer(emulator, 'Offline Co');
		expect(saved.status).toBe(204);
		expect(saved.ms).toBeLessThan(2000);
		expect(emulator.scripts.log.filter((l) => l.level === 'ERROR').map((l) => l.title)).toEqual(['n8n webhook post failed']);
		expect(emulator.scripts.runs.every((r) => r.error === undefined)).toBe(true);
	});

	it('a host that accepts but never answers holds the save no longer than the request timeout', async () => {
		const silent = await receiver('hang');
		emulator.scripts.timeouts = { connectMs: 300, requestMs: 800 };
		emulator.scripts.deploy(webhookDeployment(silent.url));
		const saved = await createCustomer(emulator, 'Slow Hook Inc');
		await silent.close();
		expect(saved.status).toBe(204);
		expect(saved.ms).toBeGreaterThanOrEqual(700);
		expect(saved.ms).toBeLessThan(1100 + 1000);
		expect(emulator.scripts.log.map((l) => l.details).join(' ')).toContain('SSS_REQUEST_TIME_EXCEEDED');
	});

	it('other requests are served while a save waits on its script', async () => {
		const silent = await receiver('hang');
		emulator.scripts.timeouts = { connectMs: 300, requestMs: 1500 };
		emulator.scripts.deploy(webhookDeployment(silent.url));
		const save = createCustomer(emulator, 'Blocking Save');
		await new Promise((r) => setTimeout(r, 200));
		const started = Date.now();
		expect((await tbaFetch(emulator, 'GET', '/services/rest/record/v1/customer/1')).status).toBe(200);
		expect(Date.now() - started).toBeLessThan(700);
		expect((await save).status).toBe(204);
		await silent.close();
	});

	it('an unknown API secret is logged, never thrown', async () => {
		const n8n = await receiver();
		emulator.scripts.deploy({
			recordTypes: ['customer'],
			params: { custscript_n8n_webhook_url: n8n.url, custscript_n8n_webhook_secret: 'custsecret_missing' },
		});
		expect((await createCustomer(emulator, 'No Secret')).status).toBe(204);
		await n8n.close();
		expect(n8n.received).toHaveLength(0);
		expect(emulator.scripts.log.map((l) => l.details).join(' ')).toContain('INVALID_SECRET_KEY');
	});

	it('missing parameters are logged, never thrown', async () => {
		emulator.scripts.deploy({ recordTypes: ['customer'], params: {} });
		expect((await createCustomer(emulator, 'Unconfigured')).status).toBe(204);
		expect(emulator.scripts.log.map((l) => l.title)).toEqual(['n8n webhook not configured']);
	});

	it('a script that lets an error escape fails the caller, as NetSuite shows it (so the tests above can fail)', async () => {
		emulator.scripts.deploy({ file: path.join(__dirname, 'fixtures/throwing_ue.js'), recordTypes: ['customer'], params: {} });
		const res = await tbaFetch(emulator, 'POST', '/services/rest/record/v1/customer', {
			body: JSON.stringify({ companyName: 'Boom', subsidiary: { id: '1' } }),
		});
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('boom');
	});
});

describe('npm run emulator: deployments', () => {
	it('takes deployments as JSON and API secrets as id=value, naming a bad one', () => {
		const options = parseArgs([
			'--deployment',
			'{"recordTypes":["customer"],"params":{"custscript_n8n_webhook_url":"http://127.0.0.1:5678/webhook/x/netsuite"}}',
			'--secret',
			'custsecret_n8n_webhook=s3cr=t',
		]);
		expect(options.deployments?.[0].recordTypes).toEqual(['customer']);
		expect(options.secrets).toEqual({ custsecret_n8n_webhook: 's3cr=t' });
		expect(() => parseArgs(['--deployment', '{"recordTypes":[]}'])).toThrow('deployment.recordTypes');
		expect(() => parseArgs(['--deployment', 'nope'])).toThrow('--deployment needs JSON');
		expect(() => parseArgs(['--secret', 'password'])).toThrow('--secret needs custsecret_<id>=<value>');
	});
});
