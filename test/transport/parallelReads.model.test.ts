/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests, emulator, scripts), never inside n8n */
// Randomized model test (fixed seeds) of Run SuiteQL with Parallel Requests, by offset and by key
// (key ranges, over a table of keys drawn per seed: dense, sparse, or skewed), end to end: the node
// in n8n's engine, the shared transport and its retries, a fault-injecting proxy and the emulator
// with its account concurrency limit. Each seed picks a page size, a Limit or Return All, a width
// (or Auto), the account's limit, a page that fails after its retries (a refusal, or 503s past the
// retries), and a second execution of another workflow that holds slots of the same account
// (Record › Get Many at Parallel Requests 3, its pages held 80 ms each), so the read meets 429s
// it did not cause. The model is the same read saved without the option (one page at a time,
// alone): every parallel read returns row for row its rows, or its error, with no row twice.
// PARALLEL_READ_SEED=<n> replays one seed.
import type { INodeParameters } from 'n8n-workflow';

import { NetSuite } from '../../nodes/NetSuite/NetSuite.node';
import { retryTiming } from '../../nodes/shared/api/retry';
import { startEmulator, type RunningEmulator } from '../emulator';
import { runNode, type TestCredential } from '../harness';
import { credentialsFor } from '../nodes/credentials';
import { Random } from '../nodes/trigger/model/random';
import { startFaultProxy, type Fault, type FaultProxy } from './faultProxy';

const SEEDS = 16;
const KEY_SEEDS = 16;
const only = process.env.PARALLEL_READ_SEED === undefined ? undefined : Number(process.env.PARALLEL_READ_SEED);
const seeds = only !== undefined ? [only] : Array.from({ length: SEEDS }, (_, i) => i + 1);
const ROWS = 3_010;

interface Scenario {
	pageSize: number;
	/** undefined: Return All. */
	limit?: number;
	/** Parallel Requests; 0 = Auto. */
	width: number;
	accountLimit: number;
	/** The page (its offset) that fails after its retries, and how. */
	failing?: { offset: number; fault: Fault; count: number };
	otherExecution: boolean;
}

function scenarioOf(random: Random): Scenario {
	const pageSize = random.pick([100, 250, 400, 1000]) as number;
	const limit = random.chance(0.4) ? random.int(1, 3_500) : undefined;
	const pages = Math.ceil(Math.min(limit ?? ROWS, ROWS) / Math.min(pageSize, limit ?? pageSize));
	const refusal = random.chance(0.5);
	return {
		pageSize,
		limit,
		width: random.chance(0.25) ? 0 : random.int(2, 5),
		accountLimit: random.int(3, 5),
		failing: random.chance(0.35)
			? {
					offset: random.int(0, pages) * Math.min(pageSize, limit ?? pageSize),
					// A 400 is not retried; 503s are, and ten of them outlast the retries.
					fault: { kind: 'status', status: refusal ? 400 : 503 },
					count: refusal ? 1 : 10,
				}
			: undefined,
		otherExecution: random.chance(0.7),
	};
}

interface KeyScenario {
	keys: number[];
	pageSize: number;
	/** Parallel Requests; 0 = Auto. */
	width: number;
	accountLimit: number;
	/** The n-th page request of each read (1-based) is refused with a 400. */
	failingRequest?: number;
	otherExecution: boolean;
}

function keysOf(random: Random): number[] {
	const count = random.int(0, 2_500);
	const keys = new Set<number>();
	const shape = random.int(0, 2);
	while (keys.size < count) {
		if (shape === 0) keys.add(keys.size + 1);
		else if (shape === 1) keys.add(random.int(1, 1_000_000));
		// Skewed: most keys in a narrow band, a few far above it.
		else keys.add(random.chance(0.95) ? random.int(1, 3 * count + 10) : random.int(1, 50_000_000));
	}
	return [...keys];
}

function keyScenarioOf(random: Random): KeyScenario {
	return {
		keys: keysOf(random),
		pageSize: random.pick([50, 120, 333, 1000]) as number,
		width: random.chance(0.25) ? 0 : random.int(2, 5),
		accountLimit: random.int(3, 5),
		failingRequest: random.chance(0.3) ? random.int(1, 8) : undefined,
		otherExecution: random.chance(0.6),
	};
}

describe('Run SuiteQL with Parallel Requests against a busy account (randomized model, fixed seeds)', () => {
	let emulator: RunningEmulator;
	let proxy: FaultProxy;
	const { sleep, random } = retryTiming;

	beforeAll(async () => {
		emulator = await startEmulator({ port: 0, seedCustomers: ROWS - 10, latencyMs: 5 });
		proxy = await startFaultProxy(emulator.baseUrl);
	}, 60_000);
	afterAll(async () => {
		retryTiming.sleep = sleep;
		retryTiming.random = random;
		await proxy.stop();
		await emulator.stop();
	});

	const viaProxy = (): Record<string, TestCredential> => {
		const credentials = credentialsFor(emulator);
		for (const credential of Object.values(credentials)) credential.data = { ...credential.data, baseUrlOverride: proxy.baseUrl };
		return credentials;
	};
	const run = async (parameters: INodeParameters, executionId: string) => {
		const result = await runNode({
			nodeType: new NetSuite(),
			parameters: { authentication: 'tokenBasedAuth', ...parameters },
			credentials: viaProxy(),
			executionId,
		});
		return { rows: result.items.map((i) => i.json), error: result.error?.message };
	};
	const readOf = (s: Scenario, withOption: boolean): INodeParameters => ({
		resource: 'suiteQl',
		operation: 'run',
		query: 'SELECT id, companyname FROM customer ORDER BY id',
		...(s.limit === undefined ? { returnAll: true } : { returnAll: false, limit: s.limit }),
		options: { pageSize: s.pageSize, ...(withOption && { batchSize: s.width }) },
	});
	const otherExecution: INodeParameters = {
		resource: 'record',
		operation: 'list',
		recordType: { __rl: true, mode: 'id', value: 'customer' },
		returnAll: true,
		options: { batchSize: 3 },
	};
	const inject = (s: Scenario) => {
		proxy.clear();
		if (!s.failing) return;
		const page = `limit=${Math.min(s.pageSize, s.limit ?? s.pageSize)}&offset=${s.failing.offset}`;
		proxy.inject(
			s.failing.fault,
			s.failing.count,
			(method, path, query) => method === 'POST' && path.endsWith('/suiteql') && query === page,
		);
	};

	it('Page by Key: key ranges return the sequential read row for row, or its error, within N + 1 more requests', async () => {
		emulator.data.db.run('CREATE TABLE IF NOT EXISTS keyed (id INTEGER PRIMARY KEY, v TEXT)');
		const violations: string[] = [];
		for (const seed of only !== undefined ? [only] : Array.from({ length: KEY_SEEDS }, (_, i) => i + 1)) {
			const s = keyScenarioOf(new Random(seed));
			const timing = new Random(seed * 137);
			retryTiming.sleep = async (ms) => await new Promise((resolve) => setTimeout(resolve, Math.ceil(ms / 1000)));
			retryTiming.random = () => timing.next();
			emulator.faults.setConcurrency(s.accountLimit);
			emulator.data.db.run('DELETE FROM keyed');
			for (const key of s.keys) emulator.data.db.run('INSERT INTO keyed (id, v) VALUES (?, ?)', [key, `v${key}`]);
			const parameters = (withOption: boolean): INodeParameters => ({
				resource: 'suiteQl',
				operation: 'run',
				query: 'SELECT id, v FROM keyed',
				returnAll: true,
				options: { pageSize: s.pageSize, pageByKey: true, ...(withOption && { batchSize: s.width }) },
			});
			const failOnce = () => {
				proxy.clear();
				if (s.failingRequest === undefined) return;
				let seen = 0;
				const page = `limit=${s.pageSize}&offset=0`;
				proxy.inject(
					{ kind: 'status', status: 400 },
					1,
					(method, path, query) => method === 'POST' && path.endsWith('/suiteql') && query === page && ++seen === s.failingRequest,
				);
			};
			failOnce();
			const before = proxy.log.length;
			const sequential = await run(parameters(false), `key-seq-${seed}`);
			const sequentialRequests = proxy.log.length - before;
			failOnce();
			if (s.otherExecution) emulator.faults.slowNext(4, 80, /\/record\/v1\/customer$/);
			const start = proxy.log.length;
			const [parallel, other] = await Promise.all([
				run(parameters(true), `key-par-${seed}`),
				s.otherExecution ? run(otherExecution, `key-other-${seed}`) : Promise.resolve(undefined),
			]);
			const parallelRequests = proxy.log
				.slice(start)
				.filter((r) => r.path.endsWith('/suiteql') || r.path.endsWith('/governanceLimits')).length;
			const say = (what: string) => violations.push(`seed ${seed}: ${what} (${JSON.stringify({ ...s, keys: s.keys.length })})`);
			if (parallel.error !== sequential.error) say(`error ${parallel.error} != sequential ${sequential.error}`);
			if (JSON.stringify(parallel.rows) !== JSON.stringify(sequential.rows))
				say(`${parallel.rows.length} rows != sequential ${sequential.rows.length}, or in another order`);
			if (!sequential.error && sequential.rows.length !== s.keys.length)
				say(`the model read ${sequential.rows.length} of ${s.keys.length} rows`);
			const width = s.width || s.accountLimit;
			// One range query, one part-filled page per range, and Auto's governance lookup.
			const bound = sequentialRequests + width + 1 + (s.width === 0 ? 1 : 0);
			if (!sequential.error && parallelRequests > bound)
				say(`${parallelRequests} requests, sequential ${sequentialRequests} + ${width} + 1`);
			if (other && (other.error || other.rows.length !== ROWS)) say(`the other execution: ${other.error ?? `${other.rows.length} ids`}`);
			if (violations.length >= 3) break;
		}
		emulator.faults.setConcurrency(5);
		expect(violations).toEqual([]);
	}, 240_000);

	it('every parallel read returns the sequential read rows or its error, 429s from the other execution retried', async () => {
		const violations: string[] = [];
		let refused = 0;
		let failed = 0;
		for (const seed of seeds) {
			const s = scenarioOf(new Random(seed));
			const timing = new Random(seed * 131);
			// Backoff is kept (it is what spreads 429s) but a thousandth as long.
			retryTiming.sleep = async (ms) => await new Promise((resolve) => setTimeout(resolve, Math.ceil(ms / 1000)));
			retryTiming.random = () => timing.next();
			emulator.faults.setConcurrency(s.accountLimit);

			inject(s);
			const sequential = await run(readOf(s, false), `seq-${seed}`);

			inject(s);
			const rejectedBefore = emulator.faults.rejected429;
			if (s.otherExecution) emulator.faults.slowNext(4, 80, /\/record\/v1\/customer$/);
			const [parallel, other] = await Promise.all([
				run(readOf(s, true), `par-${seed}`),
				s.otherExecution ? run(otherExecution, `other-${seed}`) : Promise.resolve(undefined),
			]);
			refused += emulator.faults.rejected429 - rejectedBefore;
			if (sequential.error) failed++;

			const say = (what: string) => violations.push(`seed ${seed}: ${what} (${JSON.stringify(s)})`);
			if (parallel.error !== sequential.error) say(`error ${parallel.error} != sequential ${sequential.error}`);
			if (JSON.stringify(parallel.rows) !== JSON.stringify(sequential.rows)) {
				say(`${parallel.rows.length} rows != sequential ${sequential.rows.length}, or in another order`);
			}
			const ids = parallel.rows.map((r) => r.id);
			if (new Set(ids).size !== ids.length) say('a row came out twice');
			if (!sequential.error && sequential.rows.length !== Math.min(s.limit ?? ROWS, ROWS))
				say(`the model read ${sequential.rows.length} rows`);
			if (other && (other.error || other.rows.length !== ROWS)) say(`the other execution: ${other.error ?? `${other.rows.length} ids`}`);
			if (violations.length >= 3) break;
		}
		emulator.faults.setConcurrency(5);
		expect(violations).toEqual([]);
		// The seeds do reach what they are for: the account refusing, and pages failing.
		if (only === undefined) {
			expect(refused).toBeGreaterThan(0);
			expect(failed).toBeGreaterThan(0);
		}
	}, 240_000);
});
