/* eslint-disable @n8n/community-nodes/require-node-api-error -- runs in Node (tests, emulator, scripts), never inside n8n */
// NetSuite's data side in one service: the REST record service, the metadata catalog and
// SuiteQL, over one SQLite store.
import type { TestClock } from '../clock';
import { nsError } from '../errors';
import type { ScriptRunner, SubmitEvent } from '../suitescript/runner';
import type { EmulatorRequest, EmulatorResponse, EmulatorService } from '../types';
import { ASYNC_BASE, AsyncJobs } from './asyncJobs';
import { isBatch, splitBatch } from './batch';
import { openDb, type Db } from './db';
import { records } from './records';
import { findId } from './recordRead';
import { RecordError, recordUrl } from './recordJson';
import { recordType } from './schema';
import { SAVED_SEARCH_PATH, savedSearches } from './savedSearches';
import { seed } from './seed';
import { selectOptions, wantsSelectOptions } from './selectOptions';
import { forgetCounts, suiteQl } from './suiteql';

export interface DataService extends EmulatorService {
	db: Db;
	/** Number of rows in a SuiteQL table (tests). */
	count(table: string): number;
	/** Bump a record's last-modified time to the test clock (tests). */
	touch(table: string, id: number): void;
	/** Async jobs (`Prefer: respond-async`). */
	jobs: AsyncJobs;
	/** Called before each SuiteQL request is answered: tests change data between a poll's pages. */
	beforeSuiteQl?: () => void;
}

export async function createDataService(opts: {
	clock: TestClock;
	seedCustomers: number;
	scripts?: ScriptRunner;
	asyncProcessors?: number;
	asyncJobMs?: number;
}): Promise<DataService> {
	const db = await openDb(opts.clock);
	seed(db, opts.seedCustomers);
	const ctx = { db, onWrite: () => forgetCounts(db) };
	const jobs = new AsyncJobs(opts.asyncProcessors, opts.asyncJobMs);
	const recordService = (req: EmulatorRequest, submitted: SubmitEvent[]): EmulatorResponse => {
		try {
			return records({ ...ctx, submitted }, req);
		} catch (error) {
			if (error instanceof RecordError) return error.response;
			throw error;
		}
	};
	/** Applies one record request, then the User Event scripts of its saves. */
	const apply = async (req: EmulatorRequest, async: boolean): Promise<EmulatorResponse> => {
		const submitted: SubmitEvent[] = [];
		const response = recordService(req, submitted);
		// afterSubmit runs before NetSuite answers the save: the record stays saved, but an
		// error the script lets escape reaches the caller.
		for (const event of submitted) {
			for (const run of (await opts.scripts?.afterSubmit(event)) ?? []) {
				// An async save was already answered (202); its script error stays in the script log.
				if (run.error && !async)
					return nsError(
						400,
						'USER_ERROR',
						`Error in user event script ${run.deploymentId}: ${run.error.name ?? 'Error'}: ${run.error.message ?? ''}`,
					);
			}
		}
		return response;
	};
	/**
	 * A batch record's request; an update's task result also names the record it changed in
	 * Location, as an upsert's does (asked for by the issue; whether NetSuite's single PATCH sends
	 * one is not documented, and the emulator's single PATCH answers 204 without it).
	 */
	const applyBatchItem = async (req: EmulatorRequest): Promise<EmulatorResponse> => {
		const response = await apply(req, true);
		if (req.method !== 'PATCH' || response.status !== 204 || response.headers?.location) return response;
		const [typeName, idSegment] = req.path.split('/').slice(-2).map(decodeURIComponent);
		const type = recordType(typeName);
		const id = type && findId(db, type, idSegment);
		return id === undefined || !type
			? response
			: { ...response, headers: { ...response.headers, location: recordUrl(req.origin, type.name, id) } };
	};
	const service: DataService = {
		db,
		jobs,
		count: (table) => Number(db.all(`SELECT COUNT(*) AS n FROM "${table}"`)[0].n),
		touch: (table, id) => {
			const column = table === 'customrecord_demo_project' ? 'lastmodified' : 'lastmodifieddate';
			db.run(`UPDATE "${table}" SET ${column} = ? WHERE id = ?`, [db.now(), id]);
			forgetCounts(db);
		},
		async handle(req: EmulatorRequest): Promise<EmulatorResponse | undefined> {
			try {
				if (req.path === '/services/rest/query/v1/suiteql') {
					service.beforeSuiteQl?.();
					return suiteQl(db, req);
				}
				if (req.path === SAVED_SEARCH_PATH || req.path.startsWith(`${SAVED_SEARCH_PATH}/`)) return savedSearches(db, req);
				if (req.path.startsWith(`${ASYNC_BASE}/`)) return jobs.handle(req);
				if (req.path.startsWith('/services/rest/record/v1/') || req.path === '/services/rest/record/v1') {
					if (wantsSelectOptions(req)) return selectOptions(db, req, req.path.split('/').slice(5).filter(Boolean));
					if (isBatch(req)) {
						const split = splitBatch(req);
						if ('refused' in split) return split.refused;
						return jobs.submit(
							req,
							split.tasks.map((task) => ('refused' in task ? () => task.refused : () => applyBatchItem(task.request))),
						);
					}
					if (AsyncJobs.wantsAsync(req)) return jobs.submit(req, [() => apply(req, true)]);
					return await apply(req, false);
				}
				return undefined;
			} catch (error) {
				if (error instanceof RecordError) return error.response;
				throw error;
			}
		},
	};
	return service;
}
