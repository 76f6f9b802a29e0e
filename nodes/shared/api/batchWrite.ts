// Delivery "NetSuite Batch Jobs": the writes of one node run sent as NetSuite batch requests.
// Oracle, "Batch Operations" (REST web services, article_0127092747): a POST (create), PATCH
// (update; each item names its record by id or externalId), PUT (upsert by externalId) or DELETE
// to /record/v1/{type} with `Prefer: respond-async` and
// `Content-Type: application/vnd.oracle.resource+json; type=collection`, body {"items": [...]},
// at most 100 records, "executed asynchronously and in parallel", an idempotency key allowed. The
// answer is one async job (202 + Location), followed as every async job is (asyncCreate.ts).
//
// n8n runs every item of a declarative node at once (n8n-core RoutingNode.runNode starts each
// item's makeRequest in one loop and awaits them together), so each item's create arrives here on
// its own; items gather into batches and each waits for its batch's answer. A batch is a
// deterministic slice, items 0-99, 100-199, … of one record type, so n8n's Retry On Fail (same
// execution, same items) forms the same batches with the same idempotency keys, and NetSuite
// answers a re-sent batch with its first job instead of making the records twice. A batch goes
// once all its items are here, or when no more arrive for a moment (an item that failed its
// inputs never comes).
//
// Each record's outcome goes to its own item. When the job succeeded as a whole, an update or a
// delete by internal ID is done, and the IDs of records with an External ID come from one SuiteQL
// query per batch; the others, and every record
// of a job where NetSuite refused any, are read from their tasks, one request each, with
// NetSuite's error for the refused (a duplicate External ID would find the record made before).
// Assumed (Oracle does not say): the job lists one task per record, in the order of the items.
import { NodeOperationError, sleep, type IDataObject } from 'n8n-workflow';

import { derivedKey } from './derivedKey';
import { isIdempotencyRefusal, jobPathOf, readTaskResult, ReportAsIs, taskResultId, waitForJob, type CreatedRecord } from './asyncCreate';
import { toNetSuiteApiError } from './netSuiteError';
import { fetchSuiteQlPage } from './suiteQl';
import { netSuiteRequest, type NetSuiteContext, type TransportOptions } from './transport';

export const BATCH_MAX = 100;
export const BATCH_CONTENT_TYPE = 'application/vnd.oracle.resource+json; type=collection';
/** How long a batch waits for items still to come once none has arrived (ms). */
export const batchTuning = { idleMs: 25 };

/** Where a record type's rows are in SuiteQL: its table and the conditions that pick its rows. */
export type TableOf = (recordType: string) => { table: string; where?: Array<{ column: string; value: string }> };

export interface BatchRun {
	/** The node run's key (one per execution and node). */
	runKey: string;
	executionId: string;
	nodeId: string;
	/** Items in the run (0: not known; a batch then goes when no more items arrive). */
	total: number;
	/** Runs the batch's requests inside the run's limit of requests in flight. */
	limit: <T>(task: () => Promise<T>) => Promise<T>;
	tableOf: TableOf;
}

/** One item's write as a batch holds it: the record as the batch lists it, and its ID if the item named one. */
export interface BatchWrite {
	method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
	/** The record type's collection, /services/rest/record/v1/{type}. */
	collection: string;
	body: IDataObject;
	/** The internal ID the item named (updates, deletes). */
	id?: string;
}

interface Entry {
	itemIndex: number;
	method: BatchWrite['method'];
	id?: string;
	body: IDataObject;
	ctx: NetSuiteContext;
	transport: TransportOptions;
	resolve: (record: CreatedRecord) => void;
	reject: (error: unknown) => void;
}

interface Batch {
	entries: Entry[];
	expected: number;
}

const gathering = new Map<string, Batch>();

/** One item's write, answered (with the record's ID) once its batch has been sent and its job read. */
export function writeInBatch(this: NetSuiteContext, write: BatchWrite, transport: TransportOptions, run: BatchRun): Promise<CreatedRecord> {
	const itemIndex = transport.itemIndex ?? 0;
	const slice = Math.floor(itemIndex / BATCH_MAX);
	const key = `${run.runKey}\u0000${write.method}\u0000${write.collection}\u0000${slice}`;
	return new Promise<CreatedRecord>((resolve, reject) => {
		let batch = gathering.get(key);
		if (!batch) {
			const expected = run.total > 0 ? Math.min(BATCH_MAX, run.total - slice * BATCH_MAX) : BATCH_MAX;
			gathering.set(key, (batch = { entries: [], expected }));
		}
		batch.entries.push({ itemIndex, method: write.method, id: write.id, body: write.body, ctx: this, transport, resolve, reject });
		const send = () => {
			if (gathering.get(key) !== batch) return;
			gathering.delete(key);
			void run.limit(async () => await sendBatch(write.collection, batch.entries, run));
		};
		if (batch.entries.length >= batch.expected) return send();
		// Sent when no further item has come for idleMs (n8n's sleep: the real clock, not the retry one).
		const arrived = batch.entries.length;
		void sleep(batchTuning.idleMs).then(() => {
			if (batch.entries.length === arrived) send();
		});
	});
}

/** The batch's key, derived from the execution, the node, the type and each item's index and body (see write.ts idempotencyKeyFor). */
function batchKey(run: BatchRun, path: string, entries: Entry[]): string {
	return derivedKey([run.executionId, run.nodeId, entries[0]?.method, path, entries.map((e) => [e.itemIndex, e.body])]);
}

async function sendBatch(path: string, unsorted: Entry[], run: BatchRun): Promise<void> {
	const entries = [...unsorted].sort((a, b) => a.itemIndex - b.itemIndex);
	const [first] = entries;
	const { ctx, transport } = first;
	const method = first.method;
	const noun = { POST: 'create', PATCH: 'update', PUT: 'upsert', DELETE: 'delete' }[method];
	const what = `a batch of ${entries.length} ${noun}${entries.length === 1 ? '' : 's'} (items ${entries[0].itemIndex + 1}-${entries[entries.length - 1].itemIndex + 1})`;
	let job: string | undefined;
	try {
		const submitted = await netSuiteRequest.call(
			ctx,
			{
				method,
				path,
				body: { items: entries.map((e) => e.body) },
				headers: {
					Prefer: 'respond-async',
					'Content-Type': BATCH_CONTENT_TYPE,
					'X-NetSuite-Idempotency-Key': batchKey(run, path, entries),
				},
				requestClass: 'createWithKey',
			},
			{ ...transport, accept: isIdempotencyRefusal },
		);
		job = jobPathOf(submitted.headers);
		if (!job)
			throw new NodeOperationError(ctx.getNode(), `NetSuite accepted ${what} (HTTP ${submitted.statusCode}) but named no job to follow`);
	} catch (error) {
		// Refused as a whole (a wrong body, login, the limit after retries): nothing was made.
		for (const entry of entries) entry.reject(error);
		return;
	}
	try {
		const status = await waitForJob.call(ctx, job, transport, what);
		// Only a job whose every record succeeded made every External ID it holds: after a refusal
		// (a duplicate External ID finds the record that was there before) each task is read.
		const ids = new Map<Entry, string | null>();
		if (status.progress === 'succeeded') {
			// Updates and deletes by internal ID are done; the rest are found by External ID.
			for (const entry of entries) if (entry.id !== undefined) ids.set(entry, entry.id);
			const byExternalId = entries.filter((entry) => entry.id === undefined);
			for (const [entry, id] of await idsByExternalId(ctx, path, byExternalId, transport, run.tableOf)) ids.set(entry, id);
		}
		const unresolved = entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => ids.get(entry) === undefined);
		const tasks = unresolved.length ? await taskIds(ctx, job, transport) : [];
		for (const { entry, index } of unresolved) {
			const taskId = tasks[index];
			if (taskId === undefined) {
				entry.reject(
					new NodeOperationError(ctx.getNode(), `NetSuite's job ${job.split('/').pop()} lists no task for this record`, {
						itemIndex: entry.itemIndex,
					}),
				);
				continue;
			}
			const result = await readTaskResult.call(ctx, job, taskId, transport);
			if (result.statusCode >= 400) {
				entry.reject(
					toNetSuiteApiError(ctx.getNode(), { status: result.statusCode, body: result.body, headers: result.headers }, entry.itemIndex),
				);
				continue;
			}
			ids.set(entry, taskResultId(result) ?? entry.id ?? null);
		}
		for (const entry of entries) if (ids.has(entry)) entry.resolve({ id: ids.get(entry) ?? null, job });
	} catch (error) {
		const jobId = job.split('/').pop();
		for (const entry of entries) {
			if (error instanceof ReportAsIs)
				entry.reject(
					new NodeOperationError(ctx.getNode(), error.nodeError.message, {
						itemIndex: entry.itemIndex,
						description: (error.nodeError as NodeOperationError).description ?? undefined,
					}),
				);
			else
				// Accepted: only reading the outcome failed. Saying "failed" would invite a duplicate.
				entry.reject(
					new NodeOperationError(
						ctx.getNode(),
						`NetSuite accepted ${what} as job ${jobId}, but reading its results failed: ${(error as Error).message}`,
						{
							itemIndex: entry.itemIndex,
							description: `Do not run these items again: the records may exist. Look them up, or read GET ${job}/task.`,
						},
					),
				);
		}
	}
}

/** The new IDs of the batch's records that carry an External ID, in one SuiteQL query. */
async function idsByExternalId(
	ctx: NetSuiteContext,
	path: string,
	entries: Entry[],
	transport: TransportOptions,
	tableOf: TableOf,
): Promise<Map<Entry, string | null>> {
	const ids = new Map<Entry, string | null>();
	const byExternalId = new Map<string, Entry>();
	for (const entry of entries) {
		const externalId = entry.body.externalId;
		if (typeof externalId === 'string' && externalId && !byExternalId.has(externalId)) byExternalId.set(externalId, entry);
	}
	if (!byExternalId.size) return ids;
	const { table, where = [] } = tableOf(decodeURIComponent(path.split('/').pop() ?? ''));
	const conditions = [`externalid IN (${[...byExternalId.keys()].map(() => '?').join(', ')})`, ...where.map((w) => `${w.column} = ?`)];
	const page = await fetchSuiteQlPage.call(
		ctx,
		{
			q: `SELECT id, externalid FROM ${table} WHERE ${conditions.join(' AND ')}`,
			params: [...byExternalId.keys(), ...where.map((w) => w.value)],
		},
		0,
		BATCH_MAX,
		transport,
	);
	for (const row of page.items) {
		const entry = byExternalId.get(String(row.externalid));
		if (entry) ids.set(entry, String(row.id));
	}
	return ids;
}

/** The job's task IDs in order (one per record), every page of the task list. */
async function taskIds(ctx: NetSuiteContext, job: string, transport: TransportOptions): Promise<string[]> {
	const ids: string[] = [];
	for (let offset = 0; ;) {
		const page = (await netSuiteRequest.call(ctx, { method: 'GET', path: `${job}/task`, qs: { limit: 1000, offset } }, transport)).body as {
			items?: Array<{ id?: string | number }>;
			hasMore?: boolean;
		};
		const items = page?.items ?? [];
		for (const item of items) ids.push(String(item.id));
		if (!page?.hasMore || !items.length) return ids;
		offset += items.length;
	}
}
