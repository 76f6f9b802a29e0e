/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals -- runs in Node (tests, emulator, scripts), never inside n8n */
// The instant trigger in a real n8n 2.40.7: an active workflow whose NetSuite Webhook Trigger
// receives the posts of the shipped SuiteScript, run by the emulator after each save; its next
// node writes what it saw back into the emulator. Then n8n stops, NetSuite changes go on,
// and the catch-up at the next start delivers them, once each.
import { startEmulator, type RunningEmulator } from '../emulator';
import { tbaFetch } from '../emulator/testClient';
import { demoCredentials } from './fixtures';
import { freePort, installN8n, N8nInstance } from './n8n';
import { waitFor as waitForEvery } from './waitFor';

const SECRET = 'e2e-webhook-secret-0123456789abcdef0123456789';
const SECRET_ID = 'custsecret_n8n_webhook';
const WEBHOOK_ID = 'netsuite-e2e-hook';

const webhookWorkflow = {
	id: 'nsHook1',
	name: 'NetSuite instant trigger: log each change',
	nodes: [
		{
			id: 'on-save',
			name: 'On NetSuite Save',
			type: 'CUSTOM.netSuiteWebhookTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: WEBHOOK_ID,
			parameters: { authentication: 'tokenBasedAuth', recordTypes: 'customer', catchUp: true, catchUpMinutes: 1 },
			credentials: {
				netSuiteTbaApi: { id: 'nsTba', name: 'NetSuite TBA (emulator)' },
				netSuiteWebhookApi: { id: 'nsHook', name: 'NetSuite webhook secret (e2e)' },
			},
		},
		{
			id: 'log-change',
			name: 'Log Change',
			type: 'CUSTOM.netSuite',
			typeVersion: 1,
			position: [220, 0],
			parameters: {
				authentication: 'tokenBasedAuth',
				resource: 'record',
				operation: 'create',
				recordType: { __rl: true, mode: 'id', value: 'customrecord_demo_project' },
				bodyMode: 'json',
				bodyJson: "={{ JSON.stringify({ name: 'n8n saw customer ' + $json.id + ' ' + $json.event + ' by ' + $json.source }) }}",
			},
			credentials: { netSuiteTbaApi: { id: 'nsTba', name: 'NetSuite TBA (emulator)' } },
		},
	],
	connections: { 'On NetSuite Save': { main: [[{ node: 'Log Change', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
	active: false,
	pinData: {},
};

const seen = (emulator: RunningEmulator) =>
	emulator.data.db.all("SELECT name FROM customrecord_demo_project WHERE name LIKE 'n8n saw%' ORDER BY id").map((r) => String(r.name));

/** When the emulator received the Log Change create for a name (the execution's second node). */
const loggedAt = (emulator: RunningEmulator, name: string) =>
	emulator.requestLog
		.find((r) => r.method === 'POST' && r.path.endsWith('/customrecord_demo_project') && r.body.includes(name))
		?.at.getTime();

const waitFor = <T>(what: string, check: () => T | undefined, timeoutMs = 60_000) => waitForEvery(what, check, timeoutMs, 100);

const second = () => new Promise((r) => setTimeout(r, 1100));

describe('n8n 2.40.7 runs the NetSuite Webhook Trigger', () => {
	let emulator: RunningEmulator;
	let n8n: N8nInstance;
	let port: number;
	const hookUrl = () => `http://127.0.0.1:${port}/webhook/${WEBHOOK_ID}/netsuite`;

	const startN8n = async () => {
		await n8n.start({ N8N_PORT: String(port) });
		// Ready once the production webhook answers an unsigned post with 401 (404 until registered).
		const deadline = Date.now() + 60_000;
		for (;;) {
			const status = (await fetch(hookUrl(), { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status;
			if (status === 401) return;
			if (Date.now() > deadline) throw new Error(`webhook not registered (last status ${status}): ${n8n.serverLog.slice(-2000)}`);
			await new Promise((r) => setTimeout(r, 250));
		}
	};

	beforeAll(async () => {
		emulator = await startEmulator({ port: 0, secrets: { [SECRET_ID]: SECRET } });
		n8n = new N8nInstance(installN8n('2.40.7'));
		await n8n.importCredentials([
			...demoCredentials(emulator.credentials),
			{ id: 'nsHook', name: 'NetSuite webhook secret (e2e)', type: 'netSuiteWebhookApi', data: { secret: SECRET } },
		]);
		await n8n.importWorkflow(webhookWorkflow);
		await n8n.cli(['publish:workflow', `--id=${webhookWorkflow.id}`]);
		port = await freePort();
		await startN8n();
		emulator.scripts.deploy({
			recordTypes: ['customer'],
			params: { custscript_n8n_webhook_url: hookUrl(), custscript_n8n_webhook_secret: SECRET_ID },
		});
	}, 20 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		await emulator?.stop();
	});

	it('create, edit and delete each start one execution within a few seconds; forged posts start none', async () => {
		const delays: Array<{ event: string; saveMs: number; toExecutionMs: number }> = [];
		const save = async (event: string, method: string, path: string, body?: object) => {
			const t0 = Date.now();
			const res = await tbaFetch(emulator, method, path, body ? { body: JSON.stringify(body) } : {});
			const saveMs = Date.now() - t0;
			expect(res.status).toBe(204);
			const id = method === 'POST' ? res.headers.get('location')!.split('/').pop()! : path.split('/').pop()!;
			const name = `n8n saw customer ${id} ${event} by push`;
			const at = await waitFor(`the execution for ${event}`, () => loggedAt(emulator, name), 10_000);
			delays.push({ event, saveMs, toExecutionMs: at - t0 });
			return id;
		};
		const id = await save('create', 'POST', '/services/rest/record/v1/customer', { companyName: 'Instant E2E', subsidiary: { id: '1' } });
		await second();
		await save('edit', 'PATCH', `/services/rest/record/v1/customer/${id}`, { phone: '555-0101' });
		await second();
		await save('delete', 'DELETE', `/services/rest/record/v1/customer/${id}`);

		// Forged posts: unsigned, tampered (a genuine signature over another body), stale, signed
		// for another trigger's path, and the old format that signed no destination.
		const genuine = { event: 'create', recordType: 'customer', id: '999', lastModified: null, created: null };
		const now = Math.floor(Date.now() / 1000);
		const { sign } = await import('../../nodes/NetSuiteWebhookTrigger/signature');
		const { createHmac } = await import('node:crypto');
		const body = JSON.stringify(genuine);
		const path = `${WEBHOOK_ID}/netsuite`;
		const at = String(now);
		const forged: Array<Record<string, string>> = [
			{},
			{ 'x-suitetalk-timestamp': at, 'x-suitetalk-signature': sign(SECRET, at, path, body.replace('999', '998')) },
			{ 'x-suitetalk-timestamp': String(now - 3600), 'x-suitetalk-signature': sign(SECRET, String(now - 3600), path, body) },
			{ 'x-suitetalk-timestamp': at, 'x-suitetalk-signature': sign(SECRET, at, 'another-workflows-hook/netsuite', body) },
			{
				'x-suitetalk-timestamp': at,
				'x-suitetalk-signature': `sha256=${createHmac('sha256', SECRET).update(`${at}.${body}`).digest('hex')}`,
			},
		];
		for (const headers of forged) {
			const res = await fetch(hookUrl(), { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
			expect(res.status).toBe(401);
		}
		await new Promise((r) => setTimeout(r, 3000));
		expect(seen(emulator)).toEqual([
			`n8n saw customer ${id} create by push`,
			`n8n saw customer ${id} edit by push`,
			`n8n saw customer ${id} delete by push`,
		]);
		process.stdout.write(
			`\n[webhook e2e] save -> n8n execution (Log Change request at the emulator), n8n ${n8n.install.version}:\n${delays.map((d) => `  ${d.event.padEnd(6)} save answered in ${d.saveMs} ms, execution's next node at +${d.toExecutionMs} ms`).join('\n')}\n`,
		);
		for (const d of delays) expect(d.toExecutionMs).toBeLessThan(5000);
	});

	it('changes made while n8n is down arrive once each by catch-up when it starts again', async () => {
		const before = seen(emulator).length;
		await n8n.stop();
		const t0 = Date.now();
		const created = await tbaFetch(emulator, 'POST', '/services/rest/record/v1/customer', {
			body: JSON.stringify({ companyName: 'While Down', subsidiary: { id: '1' } }),
		});
		const saveWhileDownMs = Date.now() - t0;
		expect(created.status).toBe(204);
		const newId = created.headers.get('location')!.split('/').pop()!;
		await second();
		expect(
			(await tbaFetch(emulator, 'PATCH', '/services/rest/record/v1/customer/3', { body: JSON.stringify({ phone: '555-0303' }) })).status,
		).toBe(204);
		expect(emulator.scripts.log.filter((l) => l.title === 'n8n webhook post failed')).toHaveLength(2);

		await startN8n();
		const expected = [`n8n saw customer ${newId} create by catchUp`, 'n8n saw customer 3 edit by catchUp'];
		await waitFor('the catch-up executions', () => (expected.every((n) => seen(emulator).includes(n)) ? true : undefined), 100_000).catch(
			(error: Error) => {
				const queries = emulator.requestLog
					.filter((r) => r.path.endsWith('/suiteql'))
					.map((r) => `${r.at.toISOString()} ${r.status} ${r.body.slice(0, 160)}`);
				throw new Error(
					`${error.message}\nseen: ${JSON.stringify(seen(emulator))}\nSuiteQL: ${queries.join('\n')}\nn8n log: ${n8n.serverLog.slice(-3000)}`,
				);
			},
		);
		// A push after the restart still arrives, and nothing is repeated.
		await second();
		expect(
			(await tbaFetch(emulator, 'PATCH', `/services/rest/record/v1/customer/${newId}`, { body: JSON.stringify({ phone: '555-0404' }) }))
				.status,
		).toBe(204);
		await waitFor(
			'the push after restart',
			() => (seen(emulator).includes(`n8n saw customer ${newId} edit by push`) ? true : undefined),
			10_000,
		);
		await new Promise((r) => setTimeout(r, 5000));
		expect(seen(emulator).slice(before).sort()).toEqual([...expected, `n8n saw customer ${newId} edit by push`].sort());
		process.stdout.write(`[webhook e2e] a save while n8n was down answered in ${saveWhileDownMs} ms\n`);
		expect(saveWhileDownMs).toBeLessThan(2000);
	});
});
