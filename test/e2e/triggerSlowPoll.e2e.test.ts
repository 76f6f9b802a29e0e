/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests, emulator, scripts), never inside n8n */
// A NetSuite Trigger poll slower than its interval, in real n8n 2.40.7 (issue 22): n8n-core fires
// each cron tick with `void executePollTrigger()` and never waits for the poll before it, so a
// poll that outlasts its minute has the next tick start beside it on the same cursor. Here one
// SuiteQL answer takes 75 s (a 429 back-off, a large Full Records fetch or a backfill do the
// same): the tick that comes meanwhile is skipped, n8n's log says so, and each new customer
// reaches the next node once. Without the guard, both polls emitted every change.
import { startEmulator, type RunningEmulator } from '../emulator';
import { tbaFetch } from '../emulator/testClient';
import { demoCredentials, workflow } from './fixtures';
import { installN8n, N8nInstance } from './n8n';
import { waitFor } from './waitFor';

const SKIPPED = 'poll skipped, the previous poll of this trigger is still running';

describe('n8n 2.40.7: a NetSuite Trigger poll slower than its interval', () => {
	let emulator: RunningEmulator;
	let n8n: N8nInstance;
	const seen = () =>
		emulator.data.db.all("SELECT name FROM customrecord_demo_project WHERE name LIKE 'slow %' ORDER BY id").map((r) => String(r.name));
	const suiteQlCalls = () => emulator.requestLog.filter((r) => r.path.endsWith('/suiteql')).length;

	beforeAll(async () => {
		emulator = await startEmulator({ port: 0 });
		n8n = new N8nInstance(installN8n('2.40.7'));
		const base = JSON.parse(JSON.stringify(workflow('trigger-mark-seen'))) as { nodes: Array<{ parameters: Record<string, unknown> }> };
		base.nodes[1].parameters.bodyJson = "={{ JSON.stringify({ name: 'slow ' + $json.id + ' ' + $json.event }) }}";
		await n8n.importCredentials(demoCredentials(emulator.credentials));
		await n8n.importWorkflow({ ...base, id: 'nsTrigSlow', name: 'Trigger with a slow poll' });
		await n8n.cli(['publish:workflow', '--id=nsTrigSlow']);
		await n8n.start();
	}, 20 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		await emulator?.stop();
	});

	it(
		'skips the tick that comes while a poll runs, says so in the log, and emits each change once',
		async () => {
			await waitFor('the activation poll', () => (suiteQlCalls() > 0 ? true : undefined), 120_000, 1000);
			await new Promise((r) => setTimeout(r, 3000));
			const ids: string[] = [];
			for (const name of ['Slow A', 'Slow B', 'Slow C']) {
				const response = await tbaFetch(emulator, 'POST', '/services/rest/record/v1/customer', {
					body: JSON.stringify({ companyName: name, subsidiary: { id: '1' } }),
					headers: { 'content-type': 'application/json' },
				});
				expect(response.status).toBe(204);
				ids.push(response.headers.get('location')!.split('/').pop()!);
			}
			// The next poll's first query answers 75 s late: the minute's next tick comes while it runs.
			emulator.faults.slowNext(1, 75_000, /\/suiteql$/);
			const expected = ids.map((id) => `slow ${id} created`);
			await waitFor('each change at the next node', () => (expected.every((e) => seen().includes(e)) ? true : undefined), 6 * 60_000, 1000);
			await waitFor("the skipped tick in n8n's log", () => (n8n.serverLog.includes(SKIPPED) ? true : undefined), 3 * 60_000, 1000);
			// One more tick after the slow poll: nothing new, nothing again.
			const after = suiteQlCalls();
			await waitFor('a later poll', () => (suiteQlCalls() > after ? true : undefined), 90_000, 1000);
			await new Promise((r) => setTimeout(r, 5000));
			expect(seen().sort()).toEqual(expected.sort());
		},
		15 * 60_000,
	);
});
