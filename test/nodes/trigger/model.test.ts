/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests, emulator, scripts), never inside n8n */
// Randomized model test of the trigger's exactly-once promise (see model/schedule.ts for the
// lifecycle and the rules). Fixed seeds; a failure prints each violation with its seed, and
// MODEL_SEED=<n> replays one schedule.
import { TestClock } from '../../emulator/clock';
import { openDb } from '../../emulator/data/db';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { harnessDriver, inProcessDriver } from './model/drivers';
import { runSchedule, togglesOf } from './model/schedule';
import { ModelStore } from './model/store';

const IN_PROCESS_SCHEDULES = Number(process.env.MODEL_SCHEDULES ?? 5000);
const OVER_HTTP_SCHEDULES = 24;
const ZONES = [undefined, 'Etc/GMT+8', 'Asia/Kolkata', 'Pacific/Tongatapu'];
const only = process.env.MODEL_SEED === undefined ? undefined : Number(process.env.MODEL_SEED);
const seeds = (count: number, base: number) => (only !== undefined ? [only] : Array.from({ length: count }, (_, i) => base + i));

describe('NetSuite Trigger, randomized model of n8n 2.40: every change emitted exactly once', () => {
	it(`holds for ${IN_PROCESS_SCHEDULES} schedules of the poller core on the emulator's store, every Show New / Updated / Deleted combination`, async () => {
		const violations: string[] = [];
		const clock = new TestClock();
		const db = await openDb(clock);
		// sql.js keeps its database in an emulated file system: no journal, no locks, no syncs
		// (SQLite's file checks at every transaction were a third of the run).
		for (const pragma of ['journal_mode = OFF', 'temp_store = MEMORY', 'locking_mode = EXCLUSIVE', 'synchronous = OFF'])
			db.run(`PRAGMA ${pragma}`);
		db.run("INSERT INTO subsidiary (id, name) VALUES (1, 'Parent')");
		for (const seed of seeds(IN_PROCESS_SCHEDULES, 1)) {
			// One store for all schedules (ids never repeat, as in NetSuite); each starts a day later on empty tables.
			clock.timeZone = ZONES[seed % ZONES.length];
			clock.freeze(new Date(Date.UTC(2031, 0, 1) + seed * 86_400_000));
			db.run('DELETE FROM customer');
			db.run('DELETE FROM deletedrecord');
			violations.push(
				...(await runSchedule(seed, new ModelStore(db), clock, inProcessDriver(db), { steps: 20, toggles: togglesOf(seed) })),
			);
			if (violations.length > 50) break;
		}
		db.sql.close();
		expect(violations).toEqual([]);
	}, 120_000);

	describe('the whole node through n8n-core over HTTP', () => {
		let emulator: RunningEmulator;
		beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
		afterAll(async () => await emulator.stop());

		it(`holds for ${OVER_HTTP_SCHEDULES} schedules`, async () => {
			const violations: string[] = [];
			let day = 0;
			for (const seed of seeds(OVER_HTTP_SCHEDULES, 100_001)) {
				// Accounts in UTC and at UTC-8, UTC+5:30 and UTC+13 (zones without daylight saving).
				emulator.clock.timeZone = ZONES[seed % ZONES.length];
				emulator.clock.freeze(new Date(Date.UTC(2032, 0, 1) + day++ * 86_400_000));
				emulator.data.db.run('DELETE FROM customer');
				emulator.data.db.run('DELETE FROM deletedrecord');
				const store = new ModelStore(emulator.data.db);
				violations.push(
					...(await runSchedule(seed, store, emulator.clock, harnessDriver(emulator), { steps: 25, toggles: togglesOf(seed) })),
				);
				if (violations.length > 50) break;
			}
			expect(violations).toEqual([]);
		}, 120_000);
	});
});
