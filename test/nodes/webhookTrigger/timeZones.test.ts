// The NetSuite Webhook Trigger in accounts that are not on UTC (issue 22 point 4). The script
// pushes UTC instants; the catch-up reads SuiteQL's times, which NetSuite writes in the
// integration user's zone. Before the catch-up read them in the account's zone, every pushed
// change ran a second time by catch-up in such an account, with times off by the offset.
import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type RunningEmulator } from '../../emulator';
import { tbaFetch } from '../../emulator/testClient';
import { PushRig } from './pushRig';

const json = (rig: PushRig) => rig.executions.map((i) => i.json as IDataObject);
const summary = (rig: PushRig) => json(rig).map((e) => `${e.event} ${e.recordType} ${e.id} ${e.source}`);

describe('NetSuite Webhook Trigger in an account time zone', () => {
	let emulator: RunningEmulator | undefined;
	let rig: PushRig | undefined;
	afterEach(async () => {
		await rig?.stop();
		await emulator?.stop();
		rig = emulator = undefined;
	});

	const start = async (timeZone: string, at: Date, options: Record<string, string> = {}) => {
		emulator = await startEmulator({ timeZone });
		emulator.clock.freeze(at);
		rig = new PushRig(emulator, { options });
		await rig.start();
		rig.deployScript();
		return { emulator, rig };
	};
	const create = async (e: RunningEmulator, name: string) => {
		e.clock.advance(1000);
		const res = await tbaFetch(e, 'POST', '/services/rest/record/v1/customer', {
			body: JSON.stringify({ companyName: name, subsidiary: { id: '1' } }),
		});
		expect(res.status).toBe(204);
		return res.headers.get('location')!.split('/').pop()!;
	};
	const update = async (e: RunningEmulator, id: string) => {
		e.clock.advance(1000);
		const res = await tbaFetch(e, 'PATCH', `/services/rest/record/v1/customer/${id}`, {
			body: JSON.stringify({ phone: String(Math.random()) }),
		});
		expect(res.status).toBe(204);
	};
	/** The record's own times as the REST record service states them (UTC). */
	const restTimes = async (e: RunningEmulator, id: string) => {
		const body = (await (await tbaFetch(e, 'GET', `/services/rest/record/v1/customer/${id}`)).json()) as IDataObject;
		return { created: body.dateCreated as string, lastModified: body.lastModifiedDate as string };
	};
	const iso = (restTime: string) => new Date(restTime).toISOString();

	describe.each([
		['UTC-8, learned from NetSuite', 'Etc/GMT+8', {}],
		['UTC-8, set as America/Los_Angeles', 'America/Los_Angeles', { accountTimeZone: 'America/Los_Angeles' }],
		['UTC+5:30, learned', 'Asia/Kolkata', {}],
		['UTC+13, learned', 'Pacific/Tongatapu', {}],
	])('%s', (_label, timeZone, options) => {
		it('each pushed change runs once across push and catch-up', async () => {
			const { emulator: e, rig: r } = await start(timeZone, new Date(Date.UTC(2031, 0, 15, 12)), options);
			const a = await create(e, 'Pushed A');
			const b = await create(e, 'Pushed B');
			await update(e, a);
			for (let i = 0; i < 3; i++) await r.tick();
			expect(summary(r)).toEqual([`create customer ${a} push`, `create customer ${b} push`, `edit customer ${a} push`]);
		});

		it('a change missed while n8n is down arrives once by catch-up, with the UTC times REST states', async () => {
			const { emulator: e, rig: r } = await start(timeZone, new Date(Date.UTC(2031, 0, 15, 12)), options);
			const pushed = await create(e, 'Before Outage');
			await r.stop();
			const missed = await create(e, 'During Outage');
			await r.start();
			await r.tick();
			await r.tick();
			expect(summary(r)).toEqual([`create customer ${pushed} push`, `create customer ${missed} catchUp`]);
			const caught = json(r)[1];
			const rest = await restTimes(e, missed);
			expect({ created: caught.created, lastModified: caught.lastModified }).toEqual({
				created: iso(rest.created),
				lastModified: iso(rest.lastModified),
			});
			// The pushed item and the caught-up one state time the same way.
			expect(json(r)[0].created).toBe(iso((await restTimes(e, pushed)).created));
		});
	});

	it('in the hour daylight saving repeats, a pushed save is not run again by catch-up (either reading of the local time)', async () => {
		// 2031-11-02 01:00–02:00 happens twice in Los Angeles: 08:00–09:00 UTC (PDT), then 09:00–10:00 UTC (PST).
		const { emulator: e, rig: r } = await start('America/Los_Angeles', new Date(Date.UTC(2031, 10, 2, 8, 20)), {
			accountTimeZone: 'America/Los_Angeles',
		});
		const first = await create(e, 'First Pass');
		e.clock.advance(3600 * 1000);
		const second = await create(e, 'Second Pass');
		await update(e, first);
		for (let i = 0; i < 3; i++) await r.tick();
		expect(summary(r)).toEqual([`create customer ${first} push`, `create customer ${second} push`, `edit customer ${first} push`]);
	});

	it('an Account Time Zone that is not a zone name fails activation with the field named', async () => {
		emulator = await startEmulator();
		rig = new PushRig(emulator, { options: { accountTimeZone: 'Mars/Olympus' } });
		await expect(rig.start()).rejects.toThrow(/Account Time Zone "Mars\/Olympus" is not a time zone name/);
	});
});
