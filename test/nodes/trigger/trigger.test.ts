import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { NetSuiteTrigger } from '../../../nodes/NetSuiteTrigger/NetSuiteTrigger.node';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { tbaFetch } from '../../emulator/testClient';
import { runPoll } from '../../harness';
import { credentialsFor } from '../credentials';

describe('NetSuite Trigger', () => {
	let emulator: RunningEmulator;
	let staticData: IDataObject;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());
	let hour = 0;
	beforeEach(() => {
		staticData = {};
		// Each test starts an hour after the previous one, so earlier tests' changes are history.
		emulator.clock.freeze(new Date(Date.UTC(2031, 0, 1) + hour++ * 3600_000));
	});

	const poll = async (parameters: INodeParameters = {}, mode: 'trigger' | 'manual' = 'trigger') => {
		const result = await runPoll({
			nodeType: new NetSuiteTrigger(),
			parameters: { authentication: 'tokenBasedAuth', recordType: { __rl: true, mode: 'id', value: 'customer' }, ...parameters },
			credentials: credentialsFor(emulator),
			staticData,
			mode,
		});
		if (mode === 'trigger') staticData = result.staticData;
		return (result.items ?? []).map((i) => i.json);
	};
	const create = async (name: string) => {
		const response = await tbaFetch(emulator, 'POST', '/services/rest/record/v1/customer', { body: JSON.stringify({ companyName: name, subsidiary: { id: '1' } }), headers: { 'content-type': 'application/json' } });
		return response.headers.get('location')!.split('/').pop()!;
	};
	const update = async (id: string, fields: object) => {
		await tbaFetch(emulator, 'PATCH', `/services/rest/record/v1/customer/${id}`, { body: JSON.stringify(fields), headers: { 'content-type': 'application/json' } });
	};
	const tick = (seconds = 1) => emulator.clock.advance(seconds * 1000);

	it('first activation starts from now: history is not emitted', async () => {
		expect(await poll()).toEqual([]);
		expect(staticData).toMatchObject({ 'node:NetSuite Trigger': { cursor: { recordType: 'customer' } } });
		expect(await poll()).toEqual([]);
	});

	it('emits new and updated records once each over many polls', async () => {
		await poll();
		tick();
		const a = await create('Trigger A');
		tick();
		const b = await create('Trigger B');
		expect(await poll()).toEqual([
			expect.objectContaining({ id: a, event: 'created', recordType: 'customer' }),
			expect.objectContaining({ id: b, event: 'created' }),
		]);
		expect(await poll()).toEqual([]);
		tick(5);
		await update(a, { phone: '1' });
		expect(await poll()).toEqual([expect.objectContaining({ id: a, event: 'updated' })]);
		expect(await poll()).toEqual([]);
		tick();
		await update(a, { phone: '2' });
		await update(a, { phone: '3' });
		tick();
		expect(await poll()).toEqual([expect.objectContaining({ id: a, event: 'updated' })]);
		expect(await poll()).toEqual([]);
	});

	it('two changes in the same second, one seen by a poll and one after it, are both emitted', async () => {
		await poll();
		tick();
		const first = await create('Same Second 1');
		expect((await poll()).map((r) => r.id)).toEqual([first]);
		const second = await create('Same Second 2'); // clock frozen: same second as the first
		expect((await poll()).map((r) => r.id)).toEqual([second]);
		expect(await poll()).toEqual([]);
	});

	it('emits all of 2,500 changes between polls, none twice', async () => {
		await poll();
		tick();
		emulator.data.db.run("UPDATE customer SET lastmodifieddate = ? WHERE id <= 10", [emulator.data.db.now()]);
		const stmt = emulator.data.db.sql.prepare("INSERT INTO customer (companyname, subsidiary, datecreated, lastmodifieddate) VALUES (?, 1, ?, ?)");
		for (let i = 0; i < 2490; i++) {
			if (i % 500 === 0) tick();
			stmt.run([`Bulk ${i}`, emulator.data.db.now(), emulator.data.db.now()]);
		}
		stmt.free();
		const items = await poll();
		expect(items).toHaveLength(2500);
		expect(new Set(items.map((i) => i.id)).size).toBe(2500);
		expect(await poll()).toEqual([]);
	});

	it('applies the Additional Filter server-side, with or without a leading AND', async () => {
		await poll({ filter: "AND companyname LIKE 'Filtered%'" });
		tick();
		const kept = await create('Filtered In');
		await create('Not This One');
		emulator.clearLog();
		expect((await poll({ filter: "AND companyname LIKE 'Filtered%'" })).map((r) => r.id)).toEqual([kept]);
		const sent = emulator.requestLog.filter((r) => r.path.endsWith('/suiteql')).map((r) => JSON.parse(r.body).q as string);
		expect(sent[0]).toContain("AND (companyname LIKE 'Filtered%')");
		expect(sent[0]).toContain("lastmodifieddate >= TO_TIMESTAMP(?, 'YYYY-MM-DD HH24:MI:SS')");
	});

	it('a restart (static data saved as JSON and reloaded) loses and repeats nothing', async () => {
		await poll();
		tick();
		const before = await create('Before Restart');
		expect((await poll()).map((r) => r.id)).toEqual([before]);
		const saved = JSON.parse(JSON.stringify(staticData));
		const during = await create('During Restart'); // same second as the last poll
		tick();
		const after = await create('After Restart');
		staticData = saved;
		expect((await poll()).map((r) => r.id)).toEqual([during, after]);
		expect(await poll()).toEqual([]);
	});

	it('returns recent records in the editor test step, and full records on request, without moving the cursor', async () => {
		await poll();
		const cursor = JSON.stringify(staticData);
		const recent = await poll({ output: 'full' }, 'manual');
		expect(recent.length).toBeGreaterThan(0);
		expect(recent.length).toBeLessThanOrEqual(10);
		expect(recent[0]).toMatchObject({ companyName: expect.any(String), _netsuite: { recordType: 'customer' } });
		expect(JSON.stringify(staticData)).toBe(cursor);
	});

	it('shows only new records when updates are off', async () => {
		await poll({ showUpdated: false });
		tick();
		const fresh = await create('Only New');
		await update('1', { phone: '42' });
		expect((await poll({ showUpdated: false })).map((r) => r.id)).toEqual([fresh]);
	});

	it("shows NetSuite's detail and the failing query for a bad filter", async () => {
		await expect(poll({ filter: 'nonsense ===' })).rejects.toMatchObject({
			message: expect.stringMatching(/^Invalid search query\./),
			description: expect.stringContaining('Query: SELECT'),
		});
	});

	it('refuses an unknown record type at activation, naming Record Type', async () => {
		await expect(poll({ recordType: { __rl: true, mode: 'id', value: 'customrecord_nope' } })).rejects.toThrow('Record Type "customrecord_nope" cannot be polled');
	});

	it('polls a custom record type found through the metadata catalog', async () => {
		expect(await poll({ recordType: { __rl: true, mode: 'id', value: 'customrecord_demo_project' } })).toEqual([]);
		tick();
		await tbaFetch(emulator, 'PATCH', '/services/rest/record/v1/customrecord_demo_project/1', { body: '{"custrecord_budget": 1}', headers: { 'content-type': 'application/json' } });
		expect(await poll({ recordType: { __rl: true, mode: 'id', value: 'customrecord_demo_project' } })).toEqual([expect.objectContaining({ id: '1', event: 'updated' })]);
	});
});
