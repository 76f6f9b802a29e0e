// Creates that resolve to the truth even when an answer is lost.
//
// Oracle documents the idempotency key for ASYNCHRONOUS requests only ("Sending an
// Asynchronous Request Using an Idempotency Key"): `Prefer: respond-async` plus
// `X-NetSuite-Idempotency-Key` -> 202 + `Location: /services/rest/async/v1/job/{id}`; the same
// key again -> 400 IDEMPOTENCY_ERROR with a Location to the first job. Whether NetSuite honours
// the key on a synchronous create is not documented (verify), and if it does not, nothing
// remembers a synchronous create whose answer was lost: a retry would make a second record.
// So every create is sent async with its key from the first attempt; any retry carries the
// same key, and either way the node follows the job (job -> task -> result) to the record's
// id. Never a false failure, never a duplicate. The cost is three small GETs per create.
import { randomUUID } from 'node:crypto';
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { netSuiteErrorDetails, toNetSuiteApiError, type HttpFailure } from './netSuiteError';
import { idFromLocation } from './output';
import { retryTiming } from './retry';
import { netSuiteRequest, type NetSuiteContext, type NetSuiteRequest, type NetSuiteResponse, type TransportOptions } from './transport';
import { headerValue } from './headers';

const JOB_PATH = /^\/services\/rest\/async\/v1\/job\/[A-Za-z0-9_-]+$/;
/** How long a create may wait for NetSuite's async processors; past it the job is named, not re-sent. */
export const asyncJobTuning = { maxWaitMs: 300_000, firstPollMs: 100, maxPollMs: 5_000 };

/** The job's path from a Location (absolute or not); the host always stays the credential's. */
export function jobPathOf(headers: Record<string, unknown>): string | undefined {
	const location = headerValue(headers, 'location');
	if (!location) return undefined;
	const path = location
		.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')
		.split(/[?#]/)[0]
		.replace(/\/+$/, '');
	return JOB_PATH.test(path) ? path : undefined;
}

export const isIdempotencyRefusal = (failure: HttpFailure): boolean =>
	// Oracle's example answers 400, MuleSoft documents 409 (DESIGN.md): both name the first job.
	(failure.status === 400 || failure.status === 409) &&
	netSuiteErrorDetails(failure.body).some((d) => d.errorCode === 'IDEMPOTENCY_ERROR') &&
	jobPathOf(failure.headers ?? {}) !== undefined;

export interface CreatedRecord {
	id: string | null;
	/** The async job that made it (for the debug trail). */
	job?: string;
}

const KEY_HEADER = 'X-NetSuite-Idempotency-Key';

/** Sends a create (a POST with a body) async with its key, and follows it to the record's id. */
export async function createRecordSafely(
	this: NetSuiteContext,
	request: Pick<NetSuiteRequest, 'path' | 'body' | 'headers'>,
	transport: TransportOptions = {},
): Promise<CreatedRecord> {
	const itemIndex = transport.itemIndex;
	// The caller's key (declared by the operation) is kept; every retry of this create carries it.
	const key = headerValue(request.headers ?? {}, KEY_HEADER) ?? randomUUID();
	const submitted = await netSuiteRequest.call(
		this,
		{
			method: 'POST',
			path: request.path,
			body: request.body,
			headers: { ...request.headers, [KEY_HEADER]: key, Prefer: 'respond-async' },
			requestClass: 'createWithKey',
		},
		{ ...transport, accept: isIdempotencyRefusal },
	);
	// Answered synchronously after all (the preference is only a preference): the id is here.
	if (submitted.statusCode === 204 || submitted.statusCode === 201) return { id: idFromLocation(submitted.headers) ?? null };
	const job = jobPathOf(submitted.headers);
	if (!job)
		throw new NodeOperationError(this.getNode(), `NetSuite accepted the create (HTTP ${submitted.statusCode}) but named no job to follow`, {
			itemIndex,
		});
	let id: string | null;
	try {
		id = await followJob.call(this, job, transport);
	} catch (error) {
		if (error instanceof ReportAsIs) throw error.nodeError;
		// The create was accepted; only reading its outcome failed. Saying "failed" would invite a duplicate.
		throw new NodeOperationError(
			this.getNode(),
			`NetSuite accepted the create as job ${job.split('/').pop()}, but reading its result failed: ${(error as Error).message}`,
			{
				itemIndex,
				description: `Do not run this item again: the record may exist. Look it up, or read GET ${job}/task.`,
			},
		);
	}
	return { id, job };
}

/** An outcome already worded for the user (the create refused, the job still queued): not re-wrapped. */
export class ReportAsIs extends Error {
	constructor(readonly nodeError: Error) {
		super(nodeError.message);
	}
}

export interface JobStatus {
	completed?: boolean;
	progress?: string;
}

/**
 * Polls the job until NetSuite says it completed. Polling waits are NetSuite's queue, not
 * retries: they do not use up the item's retry wait. Past asyncJobTuning.maxWaitMs the job is
 * named, for `what` ("the create", "a batch of 100 creates"), and nothing is sent again.
 */
export async function waitForJob(this: NetSuiteContext, job: string, transport: TransportOptions, what = 'the create'): Promise<JobStatus> {
	const itemIndex = transport.itemIndex;
	let waited = 0;
	for (let poll = 0; ; poll++) {
		const status = (await netSuiteRequest.call(this, { method: 'GET', path: job }, transport)).body as JobStatus;
		if (status?.completed === true) return status;
		const delay = Math.min(asyncJobTuning.firstPollMs * 2 ** poll, asyncJobTuning.maxPollMs);
		if (waited + delay > asyncJobTuning.maxWaitMs) {
			throw new ReportAsIs(
				new NodeOperationError(
					this.getNode(),
					`NetSuite accepted ${what} as job ${job.split('/').pop()} but has not finished it after ${Math.round(waited / 1000)} s`,
					{
						itemIndex,
						description: `Do not run this item again: the record will appear when NetSuite's async processors reach the job (GET ${job}).`,
					},
				),
			);
		}
		waited += delay;
		await retryTiming.sleep(delay);
	}
}

async function followJob(this: NetSuiteContext, job: string, transport: TransportOptions): Promise<string | null> {
	const itemIndex = transport.itemIndex;
	await waitForJob.call(this, job, transport);
	const tasks = (await netSuiteRequest.call(this, { method: 'GET', path: `${job}/task` }, transport)).body as {
		items?: Array<{ id?: string | number }>;
	};
	const taskId = tasks?.items?.[0]?.id;
	if (taskId === undefined)
		throw new NodeOperationError(this.getNode(), `NetSuite's job ${job.split('/').pop()} has no task to read the result from`, {
			itemIndex,
		});
	const result = await readTaskResult.call(this, job, String(taskId), transport);
	// A task that failed answers with NetSuite's error for the create itself (a missing field, …).
	if (result.statusCode >= 400)
		throw new ReportAsIs(
			toNetSuiteApiError(this.getNode(), { status: result.statusCode, body: result.body, headers: result.headers }, itemIndex),
		);
	return taskResultId(result) ?? null;
}

/** The record a task's result names: its Location, else the id in its body. */
export function taskResultId(result: NetSuiteResponse): string | undefined {
	const fromBody = (result.body as IDataObject | undefined)?.id;
	return idFromLocation(result.headers) ?? (fromBody === undefined ? undefined : String(fromBody));
}

/** A task's result: what the request itself would have answered (a refusal, 4xx, is an answer too). */
export async function readTaskResult(
	this: NetSuiteContext,
	job: string,
	taskId: string,
	transport: TransportOptions,
): Promise<NetSuiteResponse> {
	return await netSuiteRequest.call(
		this,
		{ method: 'GET', path: `${job}/task/${encodeURIComponent(taskId)}/result` },
		{
			...transport,
			accept: (failure) => failure.status !== undefined && failure.status >= 400 && failure.status < 500 && failure.status !== 429,
		},
	);
}
