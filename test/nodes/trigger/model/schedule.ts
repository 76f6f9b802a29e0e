// One random schedule against the trigger, with n8n 2.40's lifecycle: activation runs a poll
// and saves static data; a scheduled poll saves it only when it emits items; a restart reloads
// the saved copy and activates again. Changes land between polls, several in one second, and
// between the requests of a poll (its pages). Returns the violations of exactly-once found.
import type { TestClock } from '../../../emulator/clock';
import { toSqlTimestamp } from '../../../emulator/data/dates';
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
}

/** The trigger under test: one poll from a state (JSON, as n8n keeps it), calling `between` before every request but the first. */
export type PollDriver = (state: unknown, config: TriggerConfig, between: () => void) => Promise<{ items: Emitted[]; state: unknown }>;

export const togglesOf = (n: number): Toggles => ({ showNew: (n & 1) === 0, showUpdated: (n & 2) === 0, showDeleted: (n & 4) === 0 });

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) as T;

export async function runSchedule(
	seed: number,
	store: ModelStore,
	clock: TestClock,
	poll: PollDriver,
	options: { steps: number; toggles: Toggles },
): Promise<string[]> {
	const rng = new Random(seed);
	const config: TriggerConfig = { ...options.toggles, pageSize: rng.int(1, 4) };
	const violations: string[] = [];
	const emitted = new Set<string>();
	const reported = new Set<string>();
	const missing = (pollNo: number, what: string, key: string) => {
		if (!reported.has(key)) violations.push(`poll ${pollNo}: ${what} ${key} never emitted`);
		reported.add(key);
	};
	const epochOf: number[] = [];
	let epoch = 0;
	let polls = 0;
	let state: unknown;
	let saved: unknown;

	const change = () => {
		const ids = store.liveIds();
		const roll = rng.next();
		if (roll < 0.35 || !ids.length) store.create();
		else if (roll < 0.8) store.update(rng.pick(ids)!, String(rng.int(0, 1e6)));
		else store.remove(rng.pick(ids)!);
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
	/** A change there at the start of the previous poll and still there now, with no restart between, is owed by now. */
	const owed = (pollNo: number, final: boolean) => {
		const due = (startedAt: number[]) => final || (pollNo > 1 && epochOf[pollNo - 1] === epochOf[pollNo] && startedAt.includes(pollNo - 1));
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

	const runPoll = async (kind: 'activation' | 'scheduled', inject: boolean) => {
		tick(90); // n8n polls at least a minute apart; restarts take a while too
		const pollNo = ++polls;
		epochOf[pollNo] = epoch;
		store.pollStarts(pollNo);
		const result = await poll(state, config, () => {
			if (!inject || !rng.chance(0.3)) return;
			if (rng.chance(0.5)) tick(2);
			for (let n = rng.int(1, 2); n > 0; n--) change();
		});
		state = result.state;
		for (const item of result.items) check(item, pollNo);
		if (kind === 'activation' || result.items.length) saved = json(state);
		owed(pollNo, false);
	};

	// History before the trigger exists.
	for (let n = rng.int(0, 6); n > 0; n--) {
		change();
		if (rng.chance(0.4)) tick(3);
	}
	if (rng.chance(0.25)) {
		config.startTime = toSqlTimestamp(new Date(clock.now().getTime() - 1000 * rng.int(0, 8)));
	}
	store.activating = true;
	await runPoll('activation', false);
	store.activating = false;
	store.markHistory(config.startTime);

	for (let step = 0; step < options.steps; step++) {
		const roll = rng.next();
		if (roll < 0.45) change();
		else if (roll < 0.6) tick(2);
		else if (roll < 0.92) await runPoll('scheduled', true);
		else {
			epoch++;
			state = json(saved);
			await runPoll('activation', true);
		}
	}
	// Two quiet polls settle everything: the first sees the newest second, the second reads it.
	for (let n = 0; n < 2; n++) await runPoll('scheduled', false);
	owed(polls, true);
	return violations.map((v) => `seed ${seed} (${JSON.stringify(config)}): ${v}`);
}
