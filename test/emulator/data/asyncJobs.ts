// NetSuite's asynchronous request processing, as Oracle documents it: any REST request with
// `Prefer: respond-async` is queued as a job -> 202 + `Location: /services/rest/async/v1/job/{id}`;
// `…/job/{id}` tells whether it completed, `…/job/{id}/task` lists its task, and
// `…/task/{tid}/result` answers what the request itself would have answered (for a create:
// 204 + the record's Location; for a failure: NetSuite's error). With an
// `X-NetSuite-Idempotency-Key` a second submission of the same key is refused: 400
// IDEMPOTENCY_ERROR with a Location to the first job.
// Jobs complete when submitted: the emulator has no queue to wait in.
import { nsError } from '../errors';
import type { EmulatorRequest, EmulatorResponse } from '../types';

export const ASYNC_BASE = '/services/rest/async/v1/job';

interface Job {
	id: string;
	result: EmulatorResponse;
	startTime: string;
	endTime: string;
}

const progressOf = (job: Job) => (job.result.status < 400 ? 'succeeded' : 'failed');

export class AsyncJobs {
	private readonly jobs = new Map<string, Job>();
	private readonly byKey = new Map<string, string>();
	private nextId = 1;

	/** Jobs submitted so far (tests). */
	get count(): number {
		return this.jobs.size;
	}

	static wantsAsync(req: EmulatorRequest): boolean {
		return /respond-async/i.test(String(req.headers.prefer ?? ''));
	}

	submit(req: EmulatorRequest, run: () => EmulatorResponse): EmulatorResponse {
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
		const startTime = new Date().toISOString();
		const result = run();
		this.jobs.set(id, { id, result, startTime, endTime: new Date().toISOString() });
		if (typeof key === 'string') this.byKey.set(key, id);
		return { status: 202, headers: { ...applied, location: `${ASYNC_BASE}/${id}` } };
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
					completed: true,
					id: job.id,
					progress: progressOf(job),
					task: { links: [{ rel: 'self', href: `${jobUrl}/task` }] },
				},
			};
		}
		if (task !== 'task') return nsError(404, 'NONEXISTENT_ID', 'The async job resource does not exist.');
		if (taskId === undefined || taskId === '') {
			return {
				status: 200,
				body: {
					links: [{ rel: 'self', href: `${jobUrl}/task` }],
					count: 1,
					hasMore: false,
					items: [{ links: [{ rel: 'self', href: `${jobUrl}/task/1` }], id: '1' }],
					offset: 0,
					totalResults: 1,
				},
			};
		}
		if (taskId !== '1') return nsError(404, 'NONEXISTENT_ID', 'The async task does not exist.');
		if (result === undefined) {
			return {
				status: 200,
				body: {
					links: [
						{ rel: 'related', href: `${jobUrl}/task/1/result` },
						{ rel: 'self', href: `${jobUrl}/task/1` },
					],
					completed: true,
					endTime: job.endTime,
					id: '1',
					progress: progressOf(job),
					startTime: job.startTime,
				},
			};
		}
		if (result !== 'result') return nsError(404, 'NONEXISTENT_ID', 'The async task resource does not exist.');
		return job.result;
	}
}
