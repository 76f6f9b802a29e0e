/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests, emulator, scripts), never inside n8n */
// The NetSuite Trigger as n8n-core schedules it: one Workflow and poll context per activation,
// reused by every cron tick, and a tick that may start while the previous poll still runs or
// within the same NetSuite second (issue 22). Named regressions for what the model test
// (model.test.ts) explores at random.
import { NetSuiteTrigger } from '../../../nodes/NetSuiteTrigger/NetSuiteTrigger.node';
import { SETTLE_SECONDS } from '../../../nodes/NetSuiteTrigger/cursor';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { tbaFetch } from '../../emulator/testClient';
import { ActivePoller } from '../../harness';
import { credentialsFor } from '../credentials';
import { recordTypeParam } from './session';

describe('NetSuite Trigger under n8n-core scheduling', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());
	let day = 0;
	beforeEach(() => emulator.clock.freeze(new Date(Date.UTC(2033, 0, 1) + day++ * 86_400_000)));
	afterEach(() => emulator.faults.setLatency(0));

	const activation = (parameters = {}) =>
		new ActivePoller({
			nodeType: new NetSuiteTrigger(),
			parameters: { authentication: 'tokenBasedAuth', recordType: recordTypeParam('customer'), ...parameters },
			credentials: credentialsFor(emulator),
		});
	const ids = (items: Array<{ json: { id?: unknown } }> | null) => (items ?? []).map((i) => String(i.json.id));
	const create = async (name: string) => {
		const response = await tbaFetch(emulator, 'POST', '/services/rest/record/v1/customer', {
			body: JSON.stringify({ companyName: name, subsidiary: { id: '1' } }),
			headers: { 'content-type': 'application/json' },
		});
		return response.headers.get('location')!.split('/').pop()!;
	};
	const update = async (id: string) => {
		await tbaFetch(emulator, 'PATCH', `/services/rest/record/v1/customer/${id}`, {
			body: JSON.stringify({ phone: String(Math.random()) }),
			headers: { 'content-type': 'application/json' },
		});
	};
	const minute = () => emulator.clock.advance(60_000);

	it('a tick while a slow Full Records poll runs is skipped: 20 new customers come out once, not twice', async () => {
		const trigger = activation({ output: 'full', showUpdated: false });
		await trigger.poll();
		minute();
		const created: string[] = [];
		for (let i = 0; i < 20; i++) created.push(await create(`Bulk ${i}`));
		minute();
		await trigger.poll(); // sees the newest second
		minute();
		emulator.faults.setLatency(50);
		const first = trigger.poll();
		await new Promise((r) => setTimeout(r, 120));
		const second = await trigger.poll();
		emulator.faults.setLatency(0);
		expect(second).toBeNull();
		expect(ids(await first).sort()).toEqual([...created].sort());
		minute();
		expect(await trigger.poll()).toBeNull();
	});

	it('two polls in one NetSuite second: a later save of a lower id in that second is still emitted', async () => {
		const trigger = activation({ showNew: false });
		const low = await create('Low');
		const high = await create('High');
		await trigger.poll(); // activation: both are history
		minute();
		await update(high);
		minute();
		await trigger.poll(); // sees the update's second as the newest
		minute();
		await update(high); // second S
		const atS = await trigger.poll(); // the first tick of S sees S as the newest second
		const stillS = await trigger.poll(); // another poll in S: S is not over, so not read yet
		await update(low); // same second, lower id, after both
		emulator.clock.advance(SETTLE_SECONDS * 1000);
		const after = await trigger.poll();
		const emitted = [...ids(atS), ...ids(stillS), ...ids(after)];
		expect(emitted.filter((id) => id === high).length).toBeGreaterThanOrEqual(1);
		expect(emitted).toContain(low);
		expect([...ids(atS), ...ids(stillS)]).toEqual([]); // S was not settled in S
	});

	it('Max Items per Poll: a backfill of 25 changes comes out 10, 10, 5 in key order, each once', async () => {
		const start = emulator.clock.now().toISOString().slice(0, 19);
		const created: string[] = [];
		for (let i = 0; i < 25; i++) {
			created.push(await create(`Backfill ${i}`));
			if (i % 7 === 0) emulator.clock.advance(1000);
		}
		minute();
		const trigger = activation({ showUpdated: false, startFrom: 'time', startTime: start, maxItems: 10 });
		const batches = [];
		for (let n = 0; n < 4; n++, minute()) batches.push(await trigger.poll());
		expect(batches.map((b) => ids(b).length)).toEqual([10, 10, 5, 0]);
		expect(batches.flatMap(ids)).toEqual(created);
	});

	it('Max Items per Poll outside 1 to 100,000 fails, naming the field', async () => {
		const trigger = activation({ maxItems: 0 });
		await expect(trigger.poll()).rejects.toThrow(/Max Items per Poll must be a whole number from 1 to 100000/);
	});
});
