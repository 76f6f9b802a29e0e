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
// UTC, UTC-8, UTC+5:30 and UTC+13 (no daylight saving: the offset is learned), and Los Angeles
// (set by name) with each schedule running across a daylight-saving change: clocks go back an
// hour (01:00-02:00 happens twice) or forward (02:00-03:00 never happens). In the repeated
// hour, the emulator reads a local time back (TO_TIMESTAMP) as standard time, as Oracle does by
// default, or, in every other such schedule, as daylight time: NetSuite does not say which.
const ZONES = [undefined, 'Etc/GMT+8', 'Asia/Kolkata', 'Pacific/Tongatapu', 'America/Los_Angeles'];
const DST_ZONE = 'America/Los_Angeles';

/** 09:00 UTC on the first Sunday of November (02:00 PDT becomes 01:00 PST) or 10:00 UTC on the second Sunday of March (02:00 PST becomes 03:00 PDT). */
function dstChange(year: number, back: boolean): number {
	const first = new Date(Date.UTC(year, back ? 10 : 2, 1));
	const sunday = 1 + ((7 - first.getUTCDay()) % 7) + (back ? 0 : 7);
	return Date.UTC(year, back ? 10 : 2, sunday, back ? 9 : 10);
}

/**
 * Where a schedule starts: a day per seed, or, in the daylight-saving zone, 65-69 minutes before
 * a change (before the hour that repeats; half-way, the schedule jumps 55-65 minutes: schedule.ts).
 */
function startOf(seed: number, base: number, zone: string | undefined): Date {
	if (zone !== DST_ZONE) return new Date(base + seed * 86_400_000);
	return new Date(dstChange(2050 + (seed % 40), seed % 2 === 0) - 60_000 * (65 + (seed % 5)));
}

/** The zone's part of a schedule's options, and the emulator's reading of a repeated hour. */
function zoneFor(seed: number, clock: TestClock): { accountTimeZone?: string } {
	clock.timeZone = ZONES[seed % ZONES.length];
	clock.overlapReading = Math.floor(seed / ZONES.length) % 2 === 0 ? 'standard' : 'daylight';
	return clock.timeZone === DST_ZONE ? { accountTimeZone: DST_ZONE } : {};
}
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
			const zone = zoneFor(seed, clock);
			clock.freeze(startOf(seed, Date.UTC(2031, 0, 1), clock.timeZone));
			db.run('DELETE FROM customer');
			db.run('DELETE FROM deletedrecord');
			violations.push(
				...(await runSchedule(seed, new ModelStore(db), clock, inProcessDriver(db), { steps: 20, toggles: togglesOf(seed), ...zone })),
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
				const zone = zoneFor(seed, emulator.clock);
				emulator.clock.freeze(startOf(day++, Date.UTC(2032, 0, 1), emulator.clock.timeZone));
				emulator.data.db.run('DELETE FROM customer');
				emulator.data.db.run('DELETE FROM deletedrecord');
				const store = new ModelStore(emulator.data.db);
				violations.push(
					...(await runSchedule(seed, store, emulator.clock, harnessDriver(emulator), { steps: 25, toggles: togglesOf(seed), ...zone })),
				);
				if (violations.length > 50) break;
			}
			expect(violations).toEqual([]);
		}, 120_000);
	});
});
