/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- runs in Node (tests, emulator, scripts), never inside n8n */
// `npm run bench`: the package against a bare fetch loop, side by side in one run, on the
// emulator with NetSuite-like latency and concurrency limit. Prints figures; asserts nothing.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { NetSuite } from '../nodes/NetSuite/NetSuite.node';
import { NetSuiteRawRequest } from '../nodes/NetSuiteRawRequest/NetSuiteRawRequest.node';
import { pacingSettings } from '../nodes/shared/api/accountPacing';
import { tbaAuthorizationHeader } from '../nodes/shared/auth/tbaSigner';
import { startEmulator, type RunningEmulator } from '../test/emulator';
import { benchBackfill } from './benchTrigger';
import { inClientProcess, type ClientLine } from './benchClient';
import { bareByKey, bareSuiteQl, compareReads, measure, seconds as s } from './benchReads';
import { bareCreates, bareUpserts, node } from './benchWriters';
import { startEmulatorThread } from './emulatorThread';
import { FloorNode } from './floorNode';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const LIMIT = Number(process.env.BENCH_CONCURRENCY ?? 5);
const SEED = Number(process.env.BENCH_SEED ?? 250_000);
const READ_ROWS = Math.min(100_000, SEED);
const UPSERTS = 1000;
const CREATES = 1000;
const TOKEN_CALLS = Number(process.env.BENCH_TOKEN_CALLS ?? 10_000);
const EXECUTIONS = 4;
const CREATES_PER_EXECUTION = 250;
/** A TCP + TLS 1.3 handshake: about two round trips before the first byte of a request. */
const HANDSHAKE_MS = Number(process.env.BENCH_HANDSHAKE_MS ?? 2 * LATENCY_MS);
const TLS_UPSERTS = 200;
/** `BENCH_CASES=3,3b` runs only those cases (for a profile of one case); all by default. */
const CASES = process.env.BENCH_CASES?.split(',')
	.map((c) => c.trim())
	.filter(Boolean);
const runs = (name: string) => !CASES || CASES.includes(name);
/** `BENCH_PROFILE=<dir>` writes a V8 CPU profile of each write line there (open in Chrome DevTools or scripts/profileCallers.ts). */
const PROFILE_DIR = process.env.BENCH_PROFILE;

/** Requests the emulator receives from now until the returned function is called. */
function requestCounter(emulator: RunningEmulator): () => number {
	const start = emulator.requestsReceived();
	return () => emulator.requestsReceived() - start;
}

/**
 * Several executions creating records at once in one process, as n8n runs concurrent
 * webhook calls: 429s per successful write, failures and duplicates.
 */
async function concurrentCreates(
	emulator: RunningEmulator,
	label: string,
): Promise<{ ms: number; writes: number; failed: number; duplicates: number; rejected: number }> {
	const before429 = emulator.faults.rejected429;
	const run = (execution: number) =>
		node(
			emulator,
			new NetSuite(),
			{
				resource: 'record',
				operation: 'create',
				recordType: { __rl: true, mode: 'id', value: 'customer' },
				bodyMode: 'json',
				bodyJson: '={{ JSON.stringify({ companyName: $json.key, subsidiary: { id: "1" } }) }}',
			},
			Array.from({ length: CREATES_PER_EXECUTION }, (_, i) => ({ json: { key: `${label}-${execution}-${i}` } })),
		);
	const { result, ms } = await measure(() => Promise.all(Array.from({ length: EXECUTIONS }, (_, e) => run(e))));
	const items = result.flat();
	const failed = items.filter((i) => i.error).length;
	const [row] = emulator.data.db.all('SELECT COUNT(*) AS n, COUNT(DISTINCT companyname) AS d FROM customer WHERE companyname LIKE ?', [
		`${label}-%`,
	]);
	return {
		ms,
		writes: Number(row.d),
		failed,
		duplicates: Number(row.n) - Number(row.d),
		rejected: emulator.faults.rejected429 - before429,
	};
}

interface WriteLine {
	ms: number;
	/** Process CPU (user + system) per item; the emulator runs in this process too. */
	cpuUsPerItem: number;
	requests: number;
	connections: number;
	rejected: number;
	failed: number;
	/** From the line's start to the first request NetSuite receives: n8n builds every item's request before it sends any. */
	firstRequestMs: number;
}

/** When the first request since `started` (epoch ms) reached the emulator, counted from `started`. */
function firstRequestAfter(emulator: RunningEmulator, started: number): number {
	let first = Infinity;
	for (const entry of emulator.requestLog) if (entry.at.getTime() >= started) first = Math.min(first, entry.at.getTime());
	return first - started;
}

/** Runs `fn` under the V8 profiler when BENCH_PROFILE is set; the profile is written as `<name>.cpuprofile`. */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
	if (!PROFILE_DIR) return await fn();
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', { interval: 100 });
	await session.post('Profiler.start');
	try {
		return await fn();
	} finally {
		const { profile } = await session.post('Profiler.stop');
		writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
		session.disconnect();
	}
}

/** One line of a write case: wall time, CPU per item, requests, TCP connections and 429s. */
async function writeLine(emulator: RunningEmulator, items: number, name: string, run: () => Promise<number>): Promise<WriteLine> {
	const requests = requestCounter(emulator);
	const connectionsBefore = emulator.connectionsOpened();
	const rejectedBefore = emulator.faults.rejected429;
	const cpuBefore = process.cpuUsage();
	let started = Date.now();
	const { result: failed, ms } = await profiled(
		name,
		async () =>
			await measure(async () => {
				started = Date.now();
				return await run();
			}),
	);
	const cpu = process.cpuUsage(cpuBefore);
	return {
		ms,
		firstRequestMs: firstRequestAfter(emulator, started),
		cpuUsPerItem: (cpu.user + cpu.system) / items,
		requests: requests(),
		connections: emulator.connectionsOpened() - connectionsBefore,
		rejected: emulator.faults.rejected429 - rejectedBefore,
		failed,
	};
}

/**
 * The node, n8n's floor and the bare loop, each in a client process of its own apart from the
 * emulator (benchClient.ts): the client's CPU no longer shares a thread with NetSuite's.
 */
async function apartLines(
	emulator: RunningEmulator,
	items: number,
	ideal: number,
	lines: { netSuite: INodeParameters; floor: INodeParameters; itemKey: string; bare: 'bareCreates' | 'bareUpserts'; prefix: string },
): Promise<void> {
	const line = async (client: ClientLine, prefix: string, overLimit: 'queue' | 'reject'): Promise<WriteLine> => {
		let requests = requestCounter(emulator);
		let connectionsBefore = emulator.connectionsOpened();
		let rejectedBefore = emulator.faults.rejected429;
		let started = Date.now();
		const figures = await inClientProcess(emulator, client, prefix, items, () => {
			// The floor sends every item at once: the emulator queues past the limit, as in floorRun.
			emulator.faults.overLimit = overLimit;
			requests = requestCounter(emulator);
			connectionsBefore = emulator.connectionsOpened();
			rejectedBefore = emulator.faults.rejected429;
			started = Date.now();
		}).finally(() => (emulator.faults.overLimit = 'reject'));
		return {
			...figures,
			requests: requests(),
			connections: emulator.connectionsOpened() - connectionsBefore,
			rejected: emulator.faults.rejected429 - rejectedBefore,
			firstRequestMs: firstRequestAfter(emulator, started),
		};
	};
	const viaNode = await line({ kind: 'netSuite', parameters: lines.netSuite, itemKey: lines.itemKey }, `${lines.prefix}-NODE`, 'reject');
	const floor = await line({ kind: 'floor', parameters: lines.floor, itemKey: lines.itemKey }, `${lines.prefix}-FLOOR`, 'queue');
	const bare = await line({ kind: lines.bare, workers: LIMIT }, `${lines.prefix}-BARE`, 'reject');
	console.log('   Each line in a client process apart from the emulator (CPU per item: the client alone):');
	printLine('node:', viaNode, items, ideal);
	printLine('n8n floor node:', floor, items, ideal);
	printLine(`bare ${LIMIT}-worker loop:`, bare, items, ideal);
	printRatios(viaNode, floor, bare);
}

function printLine(label: string, line: WriteLine, items: number, ideal: number): void {
	console.log(
		`   ${label.padEnd(34)} ${s(line.ms)} (${(line.ms / ideal).toFixed(2)}x ideal) | CPU ${(line.cpuUsPerItem / 1000).toFixed(2)} ms/item | ${line.requests} requests (${(line.requests / items).toFixed(2)}/item), ${line.connections} TCP connections (${(line.connections / Math.max(1, line.requests)).toFixed(2)}/request) | 429s ${line.rejected} | failed ${line.failed} | first request after ${s(line.firstRequestMs)}`,
	);
}

/** The floor node through n8n's engine, which sends every item at once: the emulator queues past the limit (see Faults.overLimit). */
async function floorRun(emulator: RunningEmulator, parameters: INodeParameters, items: INodeExecutionData[]): Promise<number> {
	emulator.faults.overLimit = 'queue';
	try {
		return (await node(emulator, new FloorNode(), parameters, items)).filter((i) => i.error).length;
	} finally {
		emulator.faults.overLimit = 'reject';
	}
}

function printRatios(nodeLine: WriteLine, floor: WriteLine, bare: WriteLine): void {
	console.log(
		`   => node / floor ${(nodeLine.ms / floor.ms).toFixed(2)}x, floor / bare ${(floor.ms / bare.ms).toFixed(2)}x, node / bare ${(nodeLine.ms / bare.ms).toFixed(2)}x (wall time); CPU per item node / floor ${(nodeLine.cpuUsPerItem / floor.cpuUsPerItem).toFixed(2)}x, floor / bare ${(floor.cpuUsPerItem / bare.cpuUsPerItem).toFixed(2)}x\n`,
	);
}

async function main(): Promise<void> {
	console.log(
		`Emulator: ${LATENCY_MS} ms latency per request, concurrency limit ${LIMIT}, ${SEED.toLocaleString('en-US')} generated customers`,
	);
	const seeding = await measure(() => startEmulator({ port: 0, latencyMs: LATENCY_MS, concurrency: LIMIT, seedCustomers: SEED }));
	const emulator = seeding.result;
	console.log(`  seeded in ${s(seeding.ms)}\n`);
	const q = 'SELECT id, companyname, email FROM customer ORDER BY id';
	const suiteQl = (extra: INodeParameters) => ({ resource: 'suiteQl', operation: 'run', query: q, ...extra });
	const customer = { __rl: true, mode: 'id', value: 'customer' };
	const body = (key: string) => `={{ JSON.stringify({ companyName: $json.${key}, subsidiary: { id: "1" } }) }}`;
	// Every upsert line sends the same PUT per item: the customer whose external ID is the item's key.
	const upsertByKey: INodeParameters = {
		resource: 'record',
		operation: 'upsert',
		recordType: customer,
		externalId: '={{ $json.key }}',
		bodyMode: 'json',
		bodyJson: body('key'),
	};
	const floorUpsertByKey: INodeParameters = { operation: 'upsert', externalId: '={{ $json.key }}', bodyJson: body('key') };
	const failedOf = (items: INodeExecutionData[]) => items.filter((i) => i.error || !i.json.id).length;

	if (runs('1') || runs('2')) {
		// NetSuite's work is on its servers: the read cases run the emulator on its own thread.
		const reads = await startEmulatorThread({ port: 0, latencyMs: LATENCY_MS, concurrency: LIMIT, seedCustomers: SEED });
		const viaNode = (parameters: INodeParameters) => async () => (await node(reads, new NetSuite(), suiteQl(parameters))).length;
		const widths = (parameters: INodeParameters, options: INodeParameters = {}) => [
			{ label: 'node, Parallel Requests Auto', run: viaNode({ ...parameters, options: { ...options, batchSize: 0 } }) },
			{ label: `node, Parallel Requests ${LIMIT}`, run: viaNode({ ...parameters, options: { ...options, batchSize: LIMIT } }) },
			{ label: 'node, without the option (sequential)', run: viaNode({ ...parameters, options }) },
		];
		// Untimed first: the first run in the process pays for loading and compiling the node.
		await node(reads, new NetSuite(), suiteQl({ limit: 5_000, options: { batchSize: LIMIT } }));
		await bareSuiteQl(reads, q, 5_000, LIMIT);
		if (runs('1')) {
			console.log(
				`1. ${READ_ROWS.toLocaleString('en-US')}-row SuiteQL read (sequential request floor: ${READ_ROWS / 1000}), Limit ${READ_ROWS.toLocaleString('en-US')}; the emulator on its own thread (scripts/emulatorThread.ts), the same ${SEED.toLocaleString('en-US')} customers`,
			);
			await compareReads(reads, READ_ROWS, 0.3, [
				...widths({ limit: READ_ROWS }),
				{ label: 'bare sequential loop', run: () => bareSuiteQl(reads, q, READ_ROWS) },
				{ label: `bare loop, ${LIMIT} in flight`, run: () => bareSuiteQl(reads, q, READ_ROWS, LIMIT) },
			]);
		}
		if (runs('2')) {
			const rows = SEED + 10;
			const keyed = 'SELECT id, companyname, email FROM customer';
			console.log(
				`2. ${rows.toLocaleString('en-US')}-row read past the offset cap, Page by Key (sequential request floor: ${Math.ceil(rows / 1000)}), Return All; the emulator on its own thread`,
			);
			await compareReads(reads, rows, 0.35, [
				...widths({ query: keyed, returnAll: true }, { pageByKey: true, keyColumn: 'id' }),
				{ label: 'bare sequential by-key loop', run: () => bareByKey(reads, keyed) },
				{ label: `bare by-key loop, ${LIMIT} key ranges`, run: () => bareByKey(reads, keyed, LIMIT) },
			]);
			const before = await reads.requests();
			const capped = await node(reads, new NetSuite(), suiteQl({ query: keyed, returnAll: true }));
			const cappedError = capped[0]?.error?.message;
			console.log(
				`   without Page by Key: ${cappedError ? `"${cappedError}" after ${(await reads.requests()) - before} request(s)` : `${capped.length} rows`}\n`,
			);
		}
		await reads.stop();
	}
	if (runs('3')) {
		const upsertIdeal = (UPSERTS * LATENCY_MS) / LIMIT;
		console.log(
			`3. ${UPSERTS.toLocaleString('en-US')} upserts, Batch Size Auto, account limit ${LIMIT} (ideal ${s(upsertIdeal)}): one PUT each on every line`,
		);
		const upsertItems = (prefix: string) => Array.from({ length: UPSERTS }, (_, i) => ({ json: { key: `${prefix}-${i}` } }));
		const upsertNode = await writeLine(emulator, UPSERTS, 'upsert-node', async () =>
			failedOf(await node(emulator, new NetSuite(), upsertByKey, upsertItems('BENCH'))),
		);
		const upsertFloor = await writeLine(
			emulator,
			UPSERTS,
			'upsert-floor',
			async () => await floorRun(emulator, floorUpsertByKey, upsertItems('FLOOR')),
		);
		const upsertBare = await writeLine(
			emulator,
			UPSERTS,
			'upsert-bare',
			async () => UPSERTS - (await bareUpserts(emulator, UPSERTS, LIMIT)),
		);
		printLine('node:', upsertNode, UPSERTS, upsertIdeal);
		printLine('n8n floor node:', upsertFloor, UPSERTS, upsertIdeal);
		printLine(`bare ${LIMIT}-worker loop:`, upsertBare, UPSERTS, upsertIdeal);
		printRatios(upsertNode, upsertFloor, upsertBare);
		await apartLines(emulator, UPSERTS, upsertIdeal, {
			netSuite: upsertByKey,
			floor: floorUpsertByKey,
			itemKey: 'key',
			bare: 'bareUpserts',
			prefix: 'APART-UPSERT',
		});
	}
	if (runs('3b')) {
		const createIdeal = (CREATES * LATENCY_MS) / LIMIT;
		console.log(
			`3b. ${CREATES.toLocaleString('en-US')} creates (Record › Create), Batch Size Auto, account limit ${LIMIT} (one request each would be ideal ${s(createIdeal)})`,
		);
		console.log(
			`   One Request per Record (the default): one synchronous POST, as the floor and the bare loop; Exactly Once: async (submit + job, task, result); NetSuite Batch Jobs: 100 records per request, External IDs in the bodies. Async jobs: the emulator's queue, ${emulator.data.jobs.jobMs} ms per job (assumed), on 1 or 5 REST async processors`,
		);
		const jobs = emulator.data.jobs;
		const withProcessors = async <T>(n: number, task: () => Promise<T>): Promise<T> => {
			const before = jobs.processors;
			jobs.processors = n;
			try {
				return await task();
			} finally {
				jobs.processors = before;
			}
		};
		const bodyWithExternalId = '={{ JSON.stringify({ companyName: $json.name, externalId: $json.name, subsidiary: { id: "1" } }) }}';
		/** Record › Create of a customer per item, with the Delivery given (the default when none). */
		const createWith = (delivery?: string, bodyJson = body('name')): INodeParameters => ({
			resource: 'record',
			operation: 'create',
			recordType: customer,
			bodyMode: 'json',
			bodyJson,
			...(delivery ? { options: { delivery } } : {}),
		});
		const createParameters = createWith();
		const createItems = (prefix: string) => Array.from({ length: CREATES }, (_, i) => ({ json: { name: `${prefix}-${i}` } }));
		const createLine = (name: string, processors: number, parameters: INodeParameters, prefix: string) =>
			writeLine(emulator, CREATES, name, async () =>
				withProcessors(processors, async () => failedOf(await node(emulator, new NetSuite(), parameters, createItems(prefix)))),
			);
		const createNode = await createLine('create-node', jobs.processors, createParameters, 'BENCH-CREATE');
		const batchJobs = createWith('netSuiteBatchJobs', bodyWithExternalId);
		const createBatch1 = await createLine('create-batch-1', 1, batchJobs, 'BENCH-BATCH1');
		const createBatch5 = await createLine('create-batch-5', 5, batchJobs, 'BENCH-BATCH5');
		const createAsync = await createLine('create-async', 5, createWith('exactlyOnceAsyncJob'), 'BENCH-ASYNC');
		const createFloor = await writeLine(
			emulator,
			CREATES,
			'create-floor',
			async () => await floorRun(emulator, { operation: 'create', bodyJson: body('name') }, createItems('FLOOR-CREATE')),
		);
		const createBare = await writeLine(
			emulator,
			CREATES,
			'create-bare',
			async () => CREATES - (await bareCreates(emulator, CREATES, LIMIT)),
		);
		printLine('node, One Request per Record:', createNode, CREATES, createIdeal);
		printLine('node, Exactly Once, 5 processors:', createAsync, CREATES, createIdeal);
		printLine('node, Batch Jobs, 1 processor:', createBatch1, CREATES, createIdeal);
		printLine('node, Batch Jobs, 5 processors:', createBatch5, CREATES, createIdeal);
		printLine('n8n floor node (sync):', createFloor, CREATES, createIdeal);
		printLine(`bare ${LIMIT}-worker sync loop:`, createBare, CREATES, createIdeal);
		printRatios(createNode, createFloor, createBare);
		await apartLines(emulator, CREATES, createIdeal, {
			netSuite: createParameters,
			floor: { operation: 'create', bodyJson: body('name') },
			itemKey: 'name',
			bare: 'bareCreates',
			prefix: 'APART-CREATE',
		});
	}
	if (runs('3c')) {
		console.log(
			`3c. What a connection costs: ${TLS_UPSERTS} upserts, limit ${LIMIT}, plain HTTP vs HTTPS with ${HANDSHAKE_MS} ms held per new connection (ideal ${s((TLS_UPSERTS * LATENCY_MS) / LIMIT)})`,
		);
		for (const tls of [false, true]) {
			// The bench script trusts the emulator's demo certificate (NODE_EXTRA_CA_CERTS in package.json).
			const remote = await startEmulator({
				port: 0,
				latencyMs: LATENCY_MS,
				concurrency: LIMIT,
				https: tls,
				handshakeDelayMs: tls ? HANDSHAKE_MS : 0,
			});
			const ideal = (TLS_UPSERTS * LATENCY_MS) / LIMIT;
			const keys = (prefix: string) => Array.from({ length: TLS_UPSERTS }, (_, i) => ({ json: { key: `${prefix}-${i}` } }));
			const viaNode = await writeLine(remote, TLS_UPSERTS, `connection-${tls ? 'https' : 'http'}-node`, async () =>
				failedOf(await node(remote, new NetSuite(), upsertByKey, keys('TLS'))),
			);
			const floor = await writeLine(
				remote,
				TLS_UPSERTS,
				`connection-${tls ? 'https' : 'http'}-floor`,
				async () => await floorRun(remote, floorUpsertByKey, keys('TLS-FLOOR')),
			);
			const bare = await writeLine(
				remote,
				TLS_UPSERTS,
				`connection-${tls ? 'https' : 'http'}-bare`,
				async () => TLS_UPSERTS - (await bareUpserts(remote, TLS_UPSERTS, LIMIT)),
			);
			console.log(`   ${tls ? `HTTPS, ${HANDSHAKE_MS} ms per connection` : 'plain HTTP, no handshake cost'}:`);
			printLine('node:', viaNode, TLS_UPSERTS, ideal);
			printLine('n8n floor node:', floor, TLS_UPSERTS, ideal);
			printLine(`bare ${LIMIT}-worker loop:`, bare, TLS_UPSERTS, ideal);
			printRatios(viaNode, floor, bare);
			await remote.stop();
		}
	}
	if (runs('4')) {
		const total = EXECUTIONS * CREATES_PER_EXECUTION;
		console.log(
			`4. ${EXECUTIONS} concurrent executions x ${CREATES_PER_EXECUTION} creates, Batch Size Auto, account limit ${LIMIT} (ideal ${s((total * LATENCY_MS) / LIMIT)})`,
		);
		for (const enabled of [true, false]) {
			pacingSettings.enabled = enabled;
			const r = await concurrentCreates(emulator, enabled ? 'PACED' : 'UNPACED');
			console.log(
				`   ${enabled ? 'with account pacing   ' : 'without (per-run only)'}: ${s(r.ms)} (${((r.ms * LIMIT) / (total * LATENCY_MS)).toFixed(2)}x ideal), ${r.writes} written, ${r.failed} failed, ${r.duplicates} duplicates, 429s ${r.rejected} = ${(r.rejected / Math.max(1, r.writes)).toFixed(3)} per write`,
			);
		}
		pacingSettings.enabled = true;
		console.log('');
	}
	if (runs('5')) {
		console.log(`5. Tokens and signing over ${TOKEN_CALLS.toLocaleString('en-US')} calls (latency off)`);
		emulator.faults.setLatency(0);
		const tokensBefore = emulator.tokens.issuedCount('client_credentials');
		const calls = Array.from({ length: TOKEN_CALLS }, () => ({ json: {} }));
		const m2m = await measure(() =>
			node(emulator, new NetSuiteRawRequest(), { service: 'record', path: '/customer/1', method: 'GET' }, calls, 'clientCredentials'),
		);
		console.log(
			`   M2M: ${m2m.result.filter((i) => !i.error).length.toLocaleString('en-US')} calls in ${s(m2m.ms)}, token requests: ${emulator.tokens.issuedCount('client_credentials') - tokensBefore}`,
		);
		const keys = { ...emulator.credentials.tba, realm: emulator.accountId };
		const signing = await measure(async () => {
			for (let i = 0; i < TOKEN_CALLS; i++)
				tbaAuthorizationHeader(keys, {
					method: 'GET',
					url: `${emulator.baseUrl}/services/rest/record/v1/customer/${i}?expandSubResources=true`,
				});
		});
		console.log(`   TBA: signing costs ${((signing.ms * 1000) / TOKEN_CALLS).toFixed(1)} µs per request`);
	}
	await emulator.stop();
	if (runs('6')) await benchBackfill(Number(process.env.BENCH_BACKFILL ?? 1_000_000), Number(process.env.BENCH_MAX_ITEMS ?? 5000));
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
