/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests, emulator, scripts), never inside n8n */
// The NetSuite Trigger on n8n's real schedule, across two restarts: two active workflows in
// `n8n start` (the default trigger, and one with Show New Records off) poll the emulator, and
// their next node writes what each saw back into the emulator. n8n 2.40 saves a poller's static
// data only after a poll that emits items and at activation, so the restarts come right after
// polls that emitted nothing. n8n polls at most once a minute, and
// a change is read once its second is settled (one or two polls): this takes about eight minutes.
import { startEmulator, type RunningEmulator } from '../emulator';
import { tbaFetch } from '../emulator/testClient';
import { demoCredentials, workflow } from './fixtures';
import { installN8n, N8nInstance } from './n8n';
import { waitFor as waitForEvery } from './waitFor';

type Workflow = ReturnType<typeof workflow>;

/** The example trigger workflow, as a variant with its own id, trigger options and log tag. */
function variant(id: string, tag: string, triggerParameters: Record<string, unknown>): Workflow {
	const base = JSON.parse(JSON.stringify(workflow('trigger-mark-seen'))) as Workflow & {
		nodes: Array<{ parameters: Record<string, unknown> }>;
	};
	const [trigger, log] = base.nodes;
	Object.assign(trigger.parameters, triggerParameters);
	log.parameters.bodyJson = `={{ JSON.stringify({ name: '${tag} ' + $json.id + ' ' + $json.event }) }}`;
	return { ...base, id, name: `${base.name} (${tag})` };
}

const seen = (emulator: RunningEmulator) =>
	emulator.data.db.all("SELECT name FROM customrecord_demo_project WHERE name LIKE 'seen-by-%' ORDER BY id").map((r) => String(r.name));

const waitFor = <T>(what: string, check: () => T | undefined, timeoutMs = 200_000) => waitForEvery(what, check, timeoutMs, 1000);

describe('n8n 2.40.7 runs the NetSuite Trigger on its schedule, across restarts', () => {
	let emulator: RunningEmulator;
	let n8n: N8nInstance;
	const both = variant('nsTrigBoth', 'seen-by-both', {});
	const updatedOnly = variant('nsTrigUpd', 'seen-by-updated-only', { showNew: false });

	const send = async (method: string, path: string, body?: object) => {
		const response = await tbaFetch(
			emulator,
			method,
			`/services/rest/record/v1/${path}`,
			body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {},
		);
		if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status}`);
		return response.headers.get('location')?.split('/').pop() ?? '';
	};
	const createCustomer = async (name: string) => await send('POST', 'customer', { companyName: name, subsidiary: { id: '1' } });
	const polls = () => emulator.requestLog.filter((r) => r.path.endsWith('/suiteql')).length;
	/** Waits for `expected` log lines (in any order), failing on an activation problem. */
	const waitForSeen = async (expected: string[]) =>
		await waitFor(`${expected.join(', ')}`, () => {
			if (n8n.serverLog.includes('problem activating')) throw new Error(n8n.serverLog.slice(-2000));
			const rows = seen(emulator);
			return expected.every((line) => rows.includes(line)) ? rows : undefined;
		});
	/** Lets one more round of polls (both workflows) pass: they find nothing, so n8n saves nothing. */
	const oneEmptyPollRound = async () => {
		const before = polls();
		await waitFor('the next polls', () => (polls() > before ? true : undefined), 90_000);
		await new Promise((r) => setTimeout(r, 5000));
	};

	beforeAll(async () => {
		emulator = await startEmulator({ port: 0 });
		n8n = new N8nInstance(installN8n('2.40.7'));
		await n8n.importCredentials(demoCredentials(emulator.credentials));
		for (const w of [both, updatedOnly]) {
			await n8n.importWorkflow(w);
			await n8n.cli(['publish:workflow', `--id=${w.id}`]);
		}
		await n8n.start();
	}, 20 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		await emulator?.stop();
	});

	it(
		'emits each change once with its event, Updated-only included, through two restarts after empty polls',
		async () => {
			// Activation polls once and only sets the cursors: history is not emitted.
			await waitFor('the activation polls', () => (polls() > 0 ? true : undefined));
			await new Promise((r) => setTimeout(r, 3000));
			expect(seen(emulator)).toEqual([]);

			const first = await createCustomer('E2E First');
			await send('PATCH', 'customer/3', { phone: '555-0303' });
			await waitForSeen([`seen-by-both ${first} created`, 'seen-by-both 3 updated', 'seen-by-updated-only 3 updated']);
			// Created after the Updated-only workflow's last emitting poll: it reads it and drops it in
			// polls that emit nothing, so n8n's database keeps its older cursor (the case).
			const quiet = await createCustomer('E2E Quiet');
			await waitForSeen([`seen-by-both ${quiet} created`]);
			await oneEmptyPollRound();

			// Restart 1, right after empty polls; the change lands while n8n is down.
			await n8n.stop();
			await send('PATCH', `customer/${quiet}`, { phone: '555-0404' });
			await n8n.start();
			await waitForSeen([`seen-by-both ${quiet} updated`, `seen-by-updated-only ${quiet} updated`]);
			await oneEmptyPollRound();

			// Restart 2, again after an empty poll.
			await n8n.stop();
			const last = await createCustomer('E2E Last');
			await n8n.start();
			await waitForSeen([`seen-by-both ${last} created`]);
			await oneEmptyPollRound();

			expect(seen(emulator).sort()).toEqual(
				[
					`seen-by-both ${first} created`,
					'seen-by-both 3 updated',
					'seen-by-updated-only 3 updated',
					`seen-by-both ${quiet} created`,
					`seen-by-both ${quiet} updated`,
					`seen-by-updated-only ${quiet} updated`,
					`seen-by-both ${last} created`,
				].sort(),
			);
		},
		15 * 60_000,
	);
});
