/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests, emulator, scripts), never inside n8n */
// NetSuite's asynchronous request processing, as Oracle documents it ("REST Web Services Request
// Processing"): any REST request with `Prefer: respond-async` is "placed in a processing queue"
// as a job -> 202 + `Location: /services/rest/async/v1/job/{id}`; `…/job/{id}` tells whether it
// completed, `…/job/{id}/task` lists its tasks, and `…/task/{tid}/result` answers what the request
// itself would have answered (for a create: 204 + the record's Location; for a failure:
// NetSuite's error). With an `X-NetSuite-Idempotency-Key` a second submission of the same key is
// refused: 400 IDEMPOTENCY_ERROR with a Location to the first job, whatever state it is in.
//
// The queue: jobs run on the account's REST Async Processors, "according to the number of
// SuiteCloud Plus licenses" (Oracle). A job waits for a free processor (progress 'pending', as in
// Oracle's example answer), runs for the processing time ('processing'), and only then is its
// request applied and the job completed. A batch (batch.ts) is one job with one task per record,
// "executed asynchronously and in parallel" (Oracle, "Batch Operations"): modelled as one
// processing time for the whole job (assumed), its records applied in the order of the items.
// Times are the emulator's real time (setTimeout), not the TestClock, which tests freeze.
import { nsError } from '../errors';
import type { EmulatorRequest, EmulatorResponse } from '../types';
import { pageLinks, pagingParams } from './recordRead';

export const ASYNC_BASE = '/services/rest/async/v1/job';

/**
 * REST Async Processors when none is configured: 1. Oracle gives the processors by SuiteCloud Plus
 * licences and partners' copies of Oracle's SuiteCloud Plus page give 5 / 15 / 30 / 60 by tier; the
 * count without SuiteCloud Plus (most development and sandbox accounts) is not published. One is
 * the least an account can have, so the default is the queue the package must cope with (assumed).
 */
export const DEFAULT_ASYNC_PROCESSORS = 1;
/**
 * Processing time of one job, in ms of the emulator's real time (assumed: Oracle publishes no
 * figure). 0 completes each job on the next turn of the event loop.
 */
export const DEFAULT_ASYNC_JOB_MS = 50;

/** One request of a job: what it answers once applied. */
export type TaskRun = () => Promise<EmulatorResponse> | EmulatorResponse;

type State = 'pending' | 'processing' | 'done';

interface Task {
	run: TaskRun;
	result?: EmulatorResponse;
	startTime?: string;
	endTime?: string;
}

interface Job {
	id: string;
	state: State;
	tasks: Task[];
	startTime?: string;
	endTime?: string;
}

const failed = (r: EmulatorResponse | undefined) => r !== undefined && r.status >= 400;

/**
 * A completed job is 'succeeded' when every task succeeded, else 'failed' (for a batch with some
 * records refused too: assumed, Oracle documents the per-record results only).
 */
const progressOf = (job: Job): string => {
	if (job.state !== 'done') return job.state;
	return job.tasks.some((t) => failed(t.result)) ? 'failed' : 'succeeded';
};

const taskProgress = (job: Job, task: Task): string => {
	if (job.state !== 'done') return job.state;
	return failed(task.result) ? 'failed' : 'succeeded';
};

export class AsyncJobs {
	private readonly jobs = new Map<string, Job>();
	private readonly byKey = new Map<string, string>();
	private readonly queue: Job[] = [];
	private readonly timers = new Set<ReturnType<typeof setTimeout>>();
	private running = 0;
	private stopped = false;
	private nextId = 1;

	constructor(
		/** REST Async Processors: jobs processed at once. */
		public processors = DEFAULT_ASYNC_PROCESSORS,
		/** Processing time of each job, ms of real time. */
		public jobMs = DEFAULT_ASYNC_JOB_MS,
	) {
		if (!Number.isInteger(processors) || processors < 1)
			throw new Error(`asyncProcessors must be an integer of at least 1, got ${processors}`);
		if (!Number.isFinite(jobMs) || jobMs < 0) throw new Error(`asyncJobMs must be 0 or more (ms), got ${jobMs}`);
	}

	/** Jobs submitted so far (tests). */
	get count(): number {
		return this.jobs.size;
	}

	/** Jobs waiting for a processor (tests). */
	get queued(): number {
		return this.queue.length;
	}

	static wantsAsync(req: EmulatorRequest): boolean {
		return /respond-async/i.test(String(req.headers.prefer ?? ''));
	}

	/** Queues a job of one task per run (one for a single request, one per record for a batch). */
	submit(req: EmulatorRequest, runs: TaskRun[]): EmulatorResponse {
		const key = req.headers['x-netsuite-idempotency-key'];
		const applied = { 'preference-applied': 'respond-async' };
		if (typeof key === 'string' && this.byKey.has(key)) {
			return nsError(
				400,
				'IDEMPOTENCY_ERROR',
				'A request with the same idempotency key is already submitted. See the "Location" header for a link to the previously submitted job',
				{},
				{ ...applied, location: `${ASYNC_BASE}/${this.byKey.get(key)}` },
			);
		}
		const id = String(this.nextId++);
		const job: Job = { id, state: 'pending', tasks: runs.map((run) => ({ run })) };
		this.jobs.set(id, job);
		if (typeof key === 'string') this.byKey.set(key, id);
		this.queue.push(job);
		this.pump();
		return { status: 202, headers: { ...applied, location: `${ASYNC_BASE}/${id}` } };
	}

	/** Resolves once no job is queued or processing (tests: wait for what was accepted to be applied). */
	async settled(): Promise<void> {
		while (this.running > 0 || this.queue.length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
	}

	/** Stops the timers of jobs still queued or processing (the emulator is stopping). */
	stop(): void {
		this.stopped = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.queue.length = 0;
		this.running = 0;
	}

	private pump(): void {
		while (!this.stopped && this.running < this.processors && this.queue.length) {
			const job = this.queue.shift()!;
			this.running++;
			job.state = 'processing';
			job.startTime = new Date().toISOString();
			for (const task of job.tasks) task.startTime = job.startTime;
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				void this.finish(job);
			}, this.jobMs);
			timer.unref?.();
			this.timers.add(timer);
		}
	}

	private async finish(job: Job): Promise<void> {
		for (const task of job.tasks) {
			try {
				task.result = await task.run();
			} catch {
				task.result = nsError(500, 'UNEXPECTED_ERROR', 'An unexpected error occurred.');
			}
			task.endTime = new Date().toISOString();
		}
		job.endTime = new Date().toISOString();
		job.state = 'done';
		if (this.stopped) return;
		this.running--;
		this.pump();
	}

	handle(req: EmulatorRequest): EmulatorResponse {
		const [id, task, taskId, result, ...rest] = req.path.slice(ASYNC_BASE.length + 1).split('/');
		const job = this.jobs.get(id);
		if (!job || rest.length) return nsError(404, 'NONEXISTENT_ID', 'The async job does not exist.');
		if (req.method !== 'GET') return nsError(405, 'INVALID_REQUEST', `The HTTP method ${req.method} is not allowed for this resource.`);
		const jobUrl = `${req.origin}${ASYNC_BASE}/${job.id}`;
		if (task === undefined) {
			return {
				status: 200,
				body: {
					links: [{ rel: 'self', href: jobUrl }],
					completed: job.state === 'done',
					id: job.id,
					progress: progressOf(job),
					task: { links: [{ rel: 'self', href: `${jobUrl}/task` }] },
				},
			};
		}
		if (task !== 'task') return nsError(404, 'NONEXISTENT_ID', 'The async job resource does not exist.');
		if (taskId === undefined || taskId === '') {
			// The tasks exist from submission, one per record in the order of the items (assumed),
			// paged like NetSuite's collections (limit <= 1000, offset a multiple of it).
			const { limit, offset } = pagingParams(req);
			const page = job.tasks.slice(offset, offset + limit);
			return {
				status: 200,
				body: {
					links: pageLinks(`${jobUrl}/task`, limit, offset, job.tasks.length),
					count: page.length,
					hasMore: offset + page.length < job.tasks.length,
					items: page.map((_, i) => ({ links: [{ rel: 'self', href: `${jobUrl}/task/${offset + i + 1}` }], id: String(offset + i + 1) })),
					offset,
					totalResults: job.tasks.length,
				},
			};
		}
		const index = /^[1-9]\d*$/.test(taskId) ? Number(taskId) - 1 : -1;
		const entry = job.tasks[index];
		if (!entry) return nsError(404, 'NONEXISTENT_ID', 'The async task does not exist.');
		const taskUrl = `${jobUrl}/task/${taskId}`;
		if (result === undefined) {
			return {
				status: 200,
				body: {
					links: [
						{ rel: 'related', href: `${taskUrl}/result` },
						{ rel: 'self', href: taskUrl },
					],
					completed: job.state === 'done',
					...(entry.endTime && { endTime: entry.endTime }),
					id: taskId,
					progress: taskProgress(job, entry),
					...(entry.startTime && { startTime: entry.startTime }),
				},
			};
		}
		if (result !== 'result') return nsError(404, 'NONEXISTENT_ID', 'The async task resource does not exist.');
		// Before the job completes there is no result to read. Oracle documents reading it after
		// the job completed only; a 404 naming the job's progress is assumed.
		if (job.state !== 'done' || !entry.result)
			return nsError(
				404,
				'NONEXISTENT_ID',
				`The result of task ${taskId} is not available yet: job ${job.id} has not completed (progress: ${job.state}).`,
			);
		return entry.result;
	}
}
