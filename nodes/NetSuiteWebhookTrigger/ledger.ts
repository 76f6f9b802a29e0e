// What the trigger has already emitted (by change key), where each record type's catch-up
// stands, and which signatures were already used. Kept in the node's static data so it
// survives restarts, and mirrored in this process's memory, because n8n keeps two copies of
// a workflow's static data that never see each other (read from n8n 2.40.7's source):
// - a webhook call builds a fresh Workflow from the database for every request
//   (LiveWebhooks.executeWebhook) and saves its static data once the response is handed back
//   (saveStaticData runs in the responseCallback, i.e. right after webhook() returns, before
//   the workflow runs) — and only if it changed;
// - the trigger (catch-up) runs on the Workflow object made at activation, which never
//   re-reads the database, and n8n saves it on each emit() and after activation.
// Each save overwrites the whole static data. Merging both copies with the memory on every
// use and writing the union back makes every save carry everything this process knows, so
// neither path erases the other's entries. Two webhook calls that overlap still each save a
// union, and the later one includes the earlier's memory entries.
import type { IDataObject } from 'n8n-workflow';

import type { TriggerState } from '../NetSuiteTrigger/poller';

export interface LedgerState {
	/** change key -> epoch ms when it was first emitted */
	seen: Record<string, number>;
	/** lower-case record type -> catch-up state (the NetSuite Trigger's cursors) */
	cursors: Record<string, TriggerState>;
	/** signature -> epoch seconds of its timestamp (a replay inside the window is refused) */
	signatures: Record<string, number>;
	/** Epoch ms when the last completed catch-up run started. */
	caughtUpAt?: number;
}

/**
 * A claimed key is needed until a catch-up has read past its change. A run reads from the
 * cursor the previous run left (NetSuite's newest time when that run started), so keys claimed
 * before the previous completed run started are behind every cursor. Keys are kept for three
 * days, and however long n8n was down, never dropped before that point (with a day's margin
 * for the clocks of n8n and NetSuite). Bounded for static data.
 */
const SEEN_RETENTION_MS = 3 * 24 * 3600 * 1000;
const CLOCK_MARGIN_MS = 24 * 3600 * 1000;
const MAX_SEEN = 20_000;

const memory = new Map<string, LedgerState>();

const empty = (): LedgerState => ({ seen: {}, cursors: {}, signatures: {} });

/**
 * Only the catch-up moves a cursor, and it writes memory at once: within a process the memory's
 * cursor is the newest; a static copy's is as new or older.
 */
function newer(memory: TriggerState | undefined, copy: TriggerState | undefined): TriggerState | undefined {
	return memory ?? copy;
}

function merge(a: LedgerState, b: LedgerState): LedgerState {
	const seen = { ...a.seen };
	for (const [k, at] of Object.entries(b.seen)) seen[k] = Math.min(at, seen[k] ?? at);
	const cursors: Record<string, TriggerState> = {};
	for (const type of new Set([...Object.keys(a.cursors), ...Object.keys(b.cursors)]))
		cursors[type] = newer(a.cursors[type], b.cursors[type])!;
	const caughtUpAt = Math.max(a.caughtUpAt ?? 0, b.caughtUpAt ?? 0) || undefined;
	return { seen, cursors, signatures: { ...a.signatures, ...b.signatures }, ...(caughtUpAt && { caughtUpAt }) };
}

function fromStatic(value: unknown): LedgerState {
	const v = (value ?? {}) as Partial<LedgerState>;
	return {
		seen: { ...(v.seen ?? {}) },
		cursors: { ...(v.cursors ?? {}) },
		signatures: { ...(v.signatures ?? {}) },
		...(typeof v.caughtUpAt === 'number' && { caughtUpAt: v.caughtUpAt }),
	};
}

export class Ledger {
	private state: LedgerState;

	constructor(
		private readonly scope: string,
		private readonly staticData: IDataObject,
		private readonly now: () => number = Date.now,
	) {
		this.state = merge(memory.get(scope) ?? empty(), fromStatic(staticData.ledger));
	}

	/** The process-wide copy, written at once so overlapping calls see each other's claims. */
	private get shared(): LedgerState {
		let shared = memory.get(this.scope);
		if (!shared) memory.set(this.scope, (shared = empty()));
		return shared;
	}

	/** True the first time a change key is claimed; false for a change already emitted. */
	claim(key: string): boolean {
		if (this.has(key)) return false;
		this.state.seen[key] = this.shared.seen[key] = this.now();
		return true;
	}

	has(key: string): boolean {
		return key in this.state.seen || key in this.shared.seen;
	}

	/** True once per signature; a repeat (a replayed request) is false. */
	claimSignature(signature: string, timestampSeconds: number): boolean {
		if (signature in this.state.signatures || signature in this.shared.signatures) return false;
		this.state.signatures[signature] = this.shared.signatures[signature] = timestampSeconds;
		return true;
	}

	cursor(recordType: string): TriggerState | undefined {
		const type = recordType.toLowerCase();
		return newer(this.shared.cursors[type], this.state.cursors[type]);
	}

	setCursor(recordType: string, cursor: TriggerState): void {
		const type = recordType.toLowerCase();
		this.state.cursors[type] = this.shared.cursors[type] = cursor;
	}

	/** A catch-up run that started at `startedAt` (epoch ms) has completed. */
	caughtUp(startedAt: number): void {
		this.state.caughtUpAt = this.shared.caughtUpAt = Math.max(startedAt, this.shared.caughtUpAt ?? 0);
	}

	/** Writes the state (merged again with memory, pruned) to memory and static data. */
	save(replayWindowSeconds: number): void {
		const merged = merge(memory.get(this.scope) ?? empty(), this.state);
		const nowMs = this.now();
		// Without a catch-up (turned off) the age alone decides.
		const horizon = Math.min(nowMs - SEEN_RETENTION_MS, merged.caughtUpAt === undefined ? Infinity : merged.caughtUpAt - CLOCK_MARGIN_MS);
		const kept = Object.entries(merged.seen)
			.filter(([, at]) => at >= horizon)
			.sort((a, b) => b[1] - a[1])
			.slice(0, MAX_SEEN);
		merged.seen = Object.fromEntries(kept);
		merged.signatures = Object.fromEntries(
			Object.entries(merged.signatures).filter(([, ts]) => Math.abs(nowMs / 1000 - ts) <= 2 * replayWindowSeconds),
		);
		this.state = merged;
		memory.set(this.scope, merged);
		// A new object marks the static data changed, which is what makes n8n save it.
		this.staticData.ledger = JSON.parse(JSON.stringify(merged)) as IDataObject;
	}
}

/** Tests: forget what this process remembers (as a restart would). */
export function forgetMemory(): void {
	memory.clear();
}
