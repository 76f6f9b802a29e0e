// The NetSuite Trigger on n8n's real schedule: an active workflow in `n8n start` polls the
// emulator, and its next node writes what it saw back into the emulator.
import { startEmulator, type RunningEmulator } from '../emulator';
import { tbaFetch } from '../emulator/testClient';
import { demoCredentials, workflow } from './fixtures';
import { installN8n, N8nInstance } from './n8n';

const seen = (emulator: RunningEmulator) =>
	emulator.data.db.all("SELECT name FROM customrecord_demo_project WHERE name LIKE 'n8n saw%' ORDER BY id").map((r) => String(r.name));

async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 150_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 1000));
	}
}

describe('n8n 2.40.7 runs the NetSuite Trigger on its schedule', () => {
	let emulator: RunningEmulator;
	let n8n: N8nInstance;

	beforeAll(async () => {
		emulator = await startEmulator({ port: 0 });
		n8n = new N8nInstance(installN8n('2.40.7'));
		await n8n.importCredentials(demoCredentials(emulator.credentials));
		const trigger = workflow('trigger-mark-seen');
		await n8n.importWorkflow(trigger);
		await n8n.cli(['publish:workflow', `--id=${trigger.id}`]);
		await n8n.start();
	}, 20 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		await emulator?.stop();
	});

	it('emits each change once, in executions that follow the change', async () => {
		// n8n polls at most once a minute. The first poll only sets the cursor (no flood of history).
		const polls = () => emulator.requestLog.filter((r) => r.path.endsWith('/suiteql')).length;
		await waitFor('the first poll', () => (polls() > 0 ? true : undefined));
		await new Promise((r) => setTimeout(r, 3000));
		expect(seen(emulator)).toEqual([]);
		emulator.clock.advance(2000);
		await tbaFetch(emulator, 'PATCH', '/services/rest/record/v1/customer/3', { body: '{"phone": "555-0303"}', headers: { 'content-type': 'application/json' } });
		const created = await tbaFetch(emulator, 'POST', '/services/rest/record/v1/customer', { body: '{"companyName": "Trigger E2E", "subsidiary": {"id": "1"}}', headers: { 'content-type': 'application/json' } });
		const newId = created.headers.get('location')!.split('/').pop();
		const names = await waitFor('the trigger executions', () => {
			if (n8n.serverLog.includes('problem activating')) throw new Error(n8n.serverLog.slice(-2000));
			const rows = seen(emulator);
			return rows.length >= 2 ? rows : undefined;
		});
		expect(names.sort()).toEqual(['n8n saw customer 3 updated', `n8n saw customer ${newId} created`].sort());
		// The next poll finds nothing new: no repeats.
		const after = polls();
		await waitFor('one more poll', () => (polls() > after ? true : undefined));
		await new Promise((r) => setTimeout(r, 5000));
		expect(seen(emulator)).toHaveLength(2);
	});
});
