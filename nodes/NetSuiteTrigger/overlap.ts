// One poll at a time per trigger. n8n-core 2.40.3 registers each Poll Times entry
// as a cron job whose tick runs `void executePollTrigger()` (active-workflow-triggers.js,
// activatePollTrigger) with no check for a poll that is still running, and both polls would
// read the same cursor and emit the same changes. A poll that outlasts its interval (Full
// Records on a bulk import, a 429 back-off, a backfill) or two Poll Times entries in one minute
// do exactly that.
//
// The key is the node's static data object: n8n builds the poll functions and the Workflow
// (with its static data) once per activation and reuses them for every tick, so polls that
// share a cursor share that object, and a new activation (a restart, a saved change) has its
// own; n8n drops the results of a superseded activation's poll itself (isCurrent()). The
// guard is in memory: in queue mode polls run on the main process only, and with several
// mains only the leader runs triggers (README: How it behaves).
const running = new WeakSet<object>();

/** Runs `poll` unless a poll with the same cursor is running; then answers `skipped` at once. */
export async function exclusivePoll<T>(cursor: object, poll: () => Promise<T>): Promise<{ skipped: true } | { skipped: false; result: T }> {
	if (running.has(cursor)) return { skipped: true };
	running.add(cursor);
	try {
		return { skipped: false, result: await poll() };
	} finally {
		running.delete(cursor);
	}
}
