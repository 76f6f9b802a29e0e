// Being a good citizen of NetSuite's one concurrency limit per account. Each execution bounds
// its own requests, but N executions in one process would still send N times that. After a 429
// the process paces every request it sends to that account for a short while: congestion
// control in the style of TCP (additive increase, multiplicative decrease).
//
// Across processes (n8n's queue mode: a main and workers) nothing can be shared: the community
// rules allow no Redis client or file in a node. It does not need to be: every process halves its
// own share on its own 429s and grows it slowly while none come; flows that all follow that rule
// settle on shares of the one limit between them (Chiu and Jain, 1989), each process learning
// the limit from the 429s it receives itself. Shares need not be equal: NetSuite refuses
// whichever request arrives when the account is full, so a process holding its slots may not
// see a 429 while another does; and a process never goes below one request in flight.
import { httpFailure } from './netSuiteError';

/** How long after its last 429 a process keeps pacing an account. */
export const PACING_HOLD_MS = 30_000;

interface Pace {
	/** Requests this process may have in flight to the account; Infinity while unpaced. */
	limit: number;
	inFlight: number;
	/** What NetSuite accepted from this process when the last 429 came: the limit climbs back to it quickly, then only probes. */
	ceiling: number;
	/** Bumped at each decrease: a 429 from an older window does not halve the limit again. */
	window: number;
	throttledAt: number;
	waiting: Array<() => void>;
}

/** Hooks for tests and the bench: a clock, and a switch to measure life without pacing. */
export const pacingSettings = {
	enabled: true,
	now: (): number => Date.now(),
};

const paces = new Map<string, Pace>();

function paceFor(account: string): Pace {
	let pace = paces.get(account);
	if (!pace) {
		pace = { limit: Infinity, inFlight: 0, ceiling: Infinity, window: 0, throttledAt: 0, waiting: [] };
		paces.set(account, pace);
	} else if (pace.limit !== Infinity && pacingSettings.now() - pace.throttledAt > PACING_HOLD_MS) {
		pace.limit = Infinity;
	}
	return pace;
}

/** Hands free slots to waiters in arrival order; a woken request already holds its slot. */
function drain(pace: Pace): void {
	while (pace.waiting.length > 0 && pace.inFlight < Math.floor(pace.limit)) {
		pace.inFlight++;
		pace.waiting.shift()!();
	}
}

async function enter(account: string): Promise<Pace> {
	const pace = paceFor(account);
	drain(pace);
	if (pace.waiting.length === 0 && pace.inFlight < Math.floor(pace.limit)) {
		pace.inFlight++;
	} else {
		await new Promise<void>((resolve) => pace.waiting.push(resolve));
	}
	return pace;
}

function leave(account: string, pace: Pace, window: number, throttled: boolean): void {
	pace.inFlight--;
	if (throttled) {
		// The 429s of one burst come back at once and the accepted requests later, so what this
		// process still has in flight when a 429 comes, less that 429, is about what NetSuite
		// accepted from it: its share while others send too. Halve once per burst, from the
		// lowest share the burst shows; a 429 from an older burst changes nothing.
		const share = pace.inFlight;
		if (window === pace.window) {
			pace.window++;
			pace.ceiling = share;
			pace.limit = Math.max(1, Math.floor(Math.min(pace.limit, share + 1) / 2));
		} else if (window === pace.window - 1 && share < pace.ceiling) {
			pace.ceiling = share;
			pace.limit = Math.min(pace.limit, Math.max(1, Math.floor((share + 1) / 2)));
		}
		pace.throttledAt = pacingSettings.now();
	} else if (pace.limit !== Infinity) {
		// One more slot per window of successes back up to that share, then an eighth of that:
		// other processes may have stopped sending, and it finds out slowly.
		const slots = Math.floor(pace.limit);
		pace.limit += slots < pace.ceiling ? 1 / slots : 1 / (8 * slots);
	}
	paceFor(account);
	drain(pace);
	if (pace.limit === Infinity && pace.inFlight === 0 && pace.waiting.length === 0) paces.delete(account);
}

/**
 * Sends one request to `account` (its origin), waiting first while this process is pacing
 * that account after a 429.
 */
export async function paced<T>(account: string, send: () => Promise<T>): Promise<T> {
	if (!pacingSettings.enabled) return await send();
	const pace = await enter(account);
	const window = pace.window;
	const sent = send();
	// Registered before the caller awaits, so the slot is free before the caller goes on.
	sent.then(
		() => leave(account, pace, window, false),
		(error: unknown) => leave(account, pace, window, httpFailure(error).status === 429),
	);
	return await sent;
}

/** What the process currently allows an account (for tests and the bench). */
export function pacingOf(account: string): { limit: number; inFlight: number; waiting: number } | undefined {
	const pace = paces.get(account);
	return pace && { limit: pace.limit, inFlight: pace.inFlight, waiting: pace.waiting.length };
}

/** For tests: forget every account. */
export function resetAccountPacing(): void {
	paces.clear();
}
