// One random schedule against the trigger, with n8n 2.40's lifecycle: activation runs a poll
// and saves static data; a scheduled poll saves it only when it emits items; a restart reloads
// the saved copy and activates again. Changes land between polls, several in one second, and
// between the requests of a poll (its pages). As n8n's scheduler does, a cron tick can start a
// poll while the previous one runs (n8n-core never waits for it), and two polls can fall in
// one NetSuite second (the first tick after the activation poll, close Poll Times entries).
// Accounts are in UTC or another zone (model.test.ts): the model knows times as SuiteQL shows them.
// Returns the violations of exactly-once found.
import { SETTLE_SECONDS } from '../../../../nodes/NetSuiteTrigger/cursor';
import type { TestClock } from '../../../emulator/clock';
import { formatOracle, toSqlTimestamp } from '../../../emulator/data/dates';
import { Random } from './random';
import type { ModelStore } from './store';

export interface Toggles {
	showNew: boolean;
	showUpdated: boolean;
	showDeleted: boolean;
}

export interface Emitted {
	id: string;
	event: string;
	created?: string;
	lastModified?: string;
	deleted?: string;
}

export interface TriggerConfig extends Toggles {
	startTime?: string;
	pageSize: number;
	/** Max Items per Poll (undefined: the node's default). */
	maxItems?: number;
	/** The node's Account Time Zone (set for accounts whose zone has daylight saving). */
	accountTimeZone?: string;
}

/** One activation of the trigger under test: its polls share the static data in memory. */
export interface Activation {
	/** One poll; `between`, if given, runs before every request of it but the first. */
	poll(between?: () => void): Promise<Emitted[]>;
	/** The static data as n8n would save it now (JSON). */
	state(): unknown;
}

/** The trigger under test, activated from the static data n8n saved (JSON). */
export type PollDriver = (saved: unknown, config: TriggerConfig) => Activation;

export const togglesOf = (n: number): Toggles => ({ showNew: (n & 1) === 0, showUpdated: (n & 2) === 0, showDeleted: (n & 4) === 0 });

export async function runSchedule(
	seed: number,
	store: ModelStore,
	clock: TestClock,
	poll: PollDriver,
	options: { steps: number; toggles: Toggles; accountTimeZone?: string },
): Promise<string[]> {
	const rng = new Random(seed);
	const config: TriggerConfig = {
		...options.toggles,
		pageSize: rng.int(1, 4),
		...(rng.chance(0.3) && { maxItems: rng.int(1, 5) }),
		...(options.accountTimeZone && { accountTimeZone: options.accountTimeZone }),
	};
	// When clocks go back, NetSuite's clock (SYSDATE) shows an hour again: the newest second
	// waits until the clock has passed its sighting again (cursor.ts), up to an hour, so in a
	// zone with daylight saving only the end counts.
	const mayWaitAnHour = options.accountTimeZone !== undefined;
	const violations: string[] = [];
	const emitted = new Set<string>();
	const reported = new Set<string>();
	const missing = (pollNo: number, what: string, key: string) => {
		if (!reported.has(key)) violations.push(`poll ${pollNo}: ${what} ${key} never emitted`);
		reported.add(key);
	};
	const epochOf: number[] = [];
	const startedAt: number[] = [];
	const endedAt: number[] = [];
	let epoch = 0;
	let polls = 0;
	let saved: unknown;
	let active: Activation | undefined;

	const change = () => {
		const ids = store.liveIds();
		const roll = rng.next();
		if (roll < 0.35 || !ids.length) store.create();
		else if (roll < 0.8) {
			const id = rng.pick(ids)!;
			store.update(id, String(rng.int(0, 1e6)));
			// A save in a second already emitted: its data would never reach the workflow (a
			// change is its (second, id) key, so it is the same change, read too early).
			const version = store.versionOf(id)!;
			const key = version.created === version.modified ? `${id}@created` : `${id}@${version.modified}`;
			if (emitted.has(key)) violations.push(`poll ${polls}: ${id} saved again in the second of its emitted change ${key}`);
		} else store.remove(rng.pick(ids)!);
	};
	const tick = (max: number) => clock.advance(1000 * rng.int(1, max));

	const wanted = (event: string) => (event === 'created' ? config.showNew : event === 'updated' ? config.showUpdated : config.showDeleted);
	// Changes are keyed: a creation by its record, an update by its version, a delete by record and time.
	const keyOf = (item: Emitted) =>
		item.event === 'created'
			? `${item.id}@created`
			: item.event === 'deleted'
				? `${item.id}@${item.deleted}`
				: `${item.id}@${item.lastModified}`;
	const check = (item: Emitted, pollNo: number) => {
		const key = keyOf(item);
		const where = `poll ${pollNo}: ${item.event} ${key}`;
		const known =
			item.event === 'created' ? store.creations.get(item.id) : item.event === 'deleted' ? store.deletes.get(key) : store.versions.get(key);
		if (!known) {
			violations.push(`${where}: no such change`);
			return;
		}
		if (emitted.has(key)) violations.push(`${where}: emitted twice`);
		emitted.add(key);
		if (known.history && !known.optional) violations.push(`${where}: history (before activation) emitted`);
		if (item.event === 'updated' && store.versions.get(key)!.created === item.lastModified)
			violations.push(`${where}: the creation's own version is not an update`);
		if (item.event === 'created' && store.creations.get(item.id)!.created !== item.created) violations.push(`${where}: wrong created time`);
		if (!wanted(item.event)) violations.push(`${where}: ${item.event} is turned off`);
	};
	/**
	 * A change there at the start of an earlier poll of this activation (no restart between)
	 * that ended SETTLE_SECONDS or more before this one began is owed by now: that poll saw its
	 * second as the newest or older, and NetSuite's clock has passed that sighting since. With
	 * Max Items, changes may wait their turn: only the end counts.
	 */
	const owed = (pollNo: number, final: boolean) => {
		const due = (pollsSeen: number[]) =>
			final ||
			(config.maxItems === undefined &&
				!mayWaitAnHour &&
				pollsSeen.some((q) => q < pollNo && epochOf[q] === epochOf[pollNo] && startedAt[pollNo] - endedAt[q] >= SETTLE_SECONDS * 1000));
		if (config.showNew) {
			for (const c of store.creations.values()) {
				if (c.live && !c.history && !c.optional && !emitted.has(`${c.id}@created`) && due(c.existedAtStartOf))
					missing(pollNo, 'created', `${c.id}@created`);
			}
		}
		if (config.showUpdated) {
			for (const [key, v] of store.versions) {
				if (!v.current || v.history || v.optional || v.created === v.modified || emitted.has(key)) continue;
				if (due(v.currentAtStartOf)) missing(pollNo, 'updated', key);
			}
		}
		if (config.showDeleted) {
			for (const [key, d] of store.deletes) {
				if (!d.history && !d.optional && !emitted.has(key) && due(d.existedAtStartOf)) missing(pollNo, 'deleted', key);
			}
		}
	};

	// n8n polls at least a minute apart, but a tick can come under a second after the
	// activation poll or after another Poll Times entry; restarts take a while.
	const gap = () => {
		const roll = rng.next();
		if (roll < 0.2) return;
		if (roll < 0.35) tick(1);
		else tick(90);
	};
	const runPoll = async (kind: 'activation' | 'scheduled', inject: boolean, pause = gap) => {
		pause();
		const pollNo = ++polls;
		epochOf[pollNo] = epoch;
		startedAt[pollNo] = clock.now().getTime();
		store.pollStarts(pollNo);
		if (kind === 'activation') active = poll(saved, config);
		const activation = active!;
		// A cron tick while this poll runs: n8n starts it on the same static data.
		let overlapping: Promise<void> | undefined;
		const items = await activation.poll(() => {
			if (kind === 'scheduled' && !overlapping && rng.chance(0.15)) {
				overlapping = activation.poll().then((more) => {
					for (const item of more) check(item, pollNo);
					if (more.length) saved = activation.state();
				});
			}
			if (!inject || !rng.chance(0.3)) return;
			if (rng.chance(0.5)) tick(2);
			for (let n = rng.int(1, 2); n > 0; n--) change();
		});
		for (const item of items) check(item, pollNo);
		if (kind === 'activation' || items.length) saved = activation.state();
		await overlapping;
		endedAt[pollNo] = clock.now().getTime();
		owed(pollNo, false);
	};

	// History before the trigger exists.
	for (let n = rng.int(0, 6); n > 0; n--) {
		change();
		if (rng.chance(0.4)) tick(3);
	}
	if (rng.chance(0.25)) {
		// The Start Time a user types is in the account's time zone, as SuiteQL shows times.
		const at = toSqlTimestamp(new Date(clock.now().getTime() - 1000 * rng.int(0, 8)));
		config.startTime = formatOracle(at, 'YYYY-MM-DD HH24:MI:SS', clock.timeZone);
	}
	store.activating = true;
	await runPoll('activation', false);
	store.activating = false;
	store.markHistory(config.startTime);

	for (let step = 0; step < options.steps; step++) {
		// Half-way, a schedule in the daylight-saving zone jumps to around the change (model.test.ts).
		if (mayWaitAnHour && step === Math.floor(options.steps / 2)) clock.advance(60_000 * rng.int(55, 65));
		const roll = rng.next();
		if (roll < 0.45) change();
		else if (roll < 0.6) tick(2);
		else if (roll < 0.92) await runPoll('scheduled', true);
		else {
			epoch++;
			await runPoll('activation', true);
		}
	}
	// Quiet polls a minute apart settle everything: the first sees the newest second, the next
	// reads it; with Max Items, polls go on until two in a row emit nothing.
	const minute = () => clock.advance(60_000);
	if (mayWaitAnHour) clock.advance(2 * 3600_000);
	for (let quiet = 0, n = 0; quiet < 2 && n < 500; n++) {
		const before = emitted.size;
		await runPoll('scheduled', false, minute);
		quiet = emitted.size === before ? quiet + 1 : 0;
	}
	owed(polls, true);
	return violations.map((v) => `seed ${seed} (${JSON.stringify(config)}): ${v}`);
}
