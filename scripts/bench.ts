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
import { runNode } from '../test/harness';
import { credentialsFor, type Auth } from '../test/nodes/credentials';
import { benchBackfill } from './benchTrigger';
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

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; peakRss: number }> {
	global.gc?.();
	let peakRss = process.memoryUsage().rss;
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
	const started = performance.now();
	const result = await fn();
	const ms = performance.now() - started;
	clearInterval(sampler);
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
	return { result, ms, peakRss };
}

/** Requests the emulator receives from now until the returned function is called. */
function requestCounter(emulator: RunningEmulator): () => number {
	const start = emulator.requestLog.length;
	return () => emulator.requestLog.length - start;
}

async function node(
	emulator: Pick<RunningEmulator, 'credentials'>,
	nodeType: NetSuite | NetSuiteRawRequest | FloorNode,
	parameters: INodeParameters,
	items?: INodeExecutionData[],
	auth: Auth = 'tokenBasedAuth',
) {
	const result = await runNode({
		nodeType,
		parameters: { authentication: auth, ...parameters },
		credentials: credentialsFor(emulator, auth),
		items,
		continueOnFail: true,
	});
	if (result.error) throw result.error;
	return result.items;
}

/** What a hand-written client does: sign, fetch, parse, keep the rows; `width` pages in flight after the first. */
async function bareSuiteQl(emulator: Pick<RunningEmulator, 'credentials'>, q: string, rows: number, width = 1): Promise<number> {
	const { tba, accountId, baseUrl } = emulator.credentials;
	const keys = { ...tba, realm: accountId };
	const page = async (offset: number) => {
		const url = `${baseUrl}/services/rest/query/v1/suiteql?limit=1000&offset=${offset}`;
		for (;;) {
			const response = await fetch(url, {
				method: 'POST',
				headers: {
					authorization: tbaAuthorizationHeader(keys, { method: 'POST', url }),
					'content-type': 'application/json',
					prefer: 'transient',
				},
				body: JSON.stringify({ q }),
			});
			if (response.status === 429) {
				await response.arrayBuffer();
				continue;
			}
			return (await response.json()) as { items: Array<Record<string, unknown>>; hasMore: boolean; totalResults: number };
		}
	};
	const kept: unknown[] = [];
	const keep = (body: { items: Array<Record<string, unknown>> }) => {
		for (const item of body.items.slice(0, rows - kept.length)) {
			delete item.links;
			kept.push({ json: item });
		}
	};
	const first = await page(0);
	keep(first);
	if (width === 1) {
		for (let offset = 1000, more = first.hasMore; more && kept.length < rows; offset += 1000) {
			const body = await page(offset);
			keep(body);
			more = body.hasMore;
		}
		return kept.length;
	}
	// The pages the first one foretells, `width` in flight, kept in order as each head answers.
	const offsets: number[] = [];
	for (let offset = 1000; offset < Math.min(first.totalResults, rows); offset += 1000) offsets.push(offset);
	const inFlight = offsets.splice(0, width).map(page);
	while (inFlight.length) {
		keep(await (inFlight.shift() as ReturnType<typeof page>));
		const next = offsets.shift();
		if (next !== undefined) inFlight.push(page(next));
	}
	return kept.length;
}

/** A hand-written signed write loop: `workers` at a time, each request sent again only on a 429. */
async function bareWrites(
	emulator: RunningEmulator,
	count: number,
	workers: number,
	write: (i: number) => { method: string; path: string; body: object },
): Promise<number> {
	const { tba, accountId, baseUrl } = emulator.credentials;
	const keys = { ...tba, realm: accountId };
	let next = 0;
	let done = 0;
	await Promise.all(
		Array.from({ length: workers }, async () => {
			while (next < count) {
				const { method, path, body } = write(next++);
				const url = `${baseUrl}${path}`;
				for (;;) {
					const response = await fetch(url, {
						method,
						headers: { authorization: tbaAuthorizationHeader(keys, { method, url }), 'content-type': 'application/json' },
						body: JSON.stringify(body),
					});
					await response.arrayBuffer();
					if (response.status !== 429) break;
				}
				done++;
			}
		}),
	);
	return done;
}

const bareUpserts = (emulator: RunningEmulator, count: number, workers: number) =>
	bareWrites(emulator, count, workers, (i) => ({
		method: 'PUT',
		path: `/services/rest/record/v1/customer/eid:BARE-${i}`,
		body: { companyName: `Bare ${i}`, subsidiary: { id: '1' } },
	}));

/** A synchronous create loop: POST, id in Location, no key, no retry of a lost answer. */
const bareCreates = (emulator: RunningEmulator, count: number, workers: number) =>
	bareWrites(emulator, count, workers, (i) => ({
		method: 'POST',
		path: '/services/rest/record/v1/customer',
		body: { companyName: `Bare create ${i}`, subsidiary: { id: '1' } },
	}));

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
	const { result: failed, ms } = await profiled(name, async () => await measure(run));
	const cpu = process.cpuUsage(cpuBefore);
	return {
		ms,
		cpuUsPerItem: (cpu.user + cpu.system) / items,
		requests: requests(),
		connections: emulator.connectionsOpened() - connectionsBefore,
		rejected: emulator.faults.rejected429 - rejectedBefore,
		failed,
	};
}

function printLine(label: string, line: WriteLine, items: number, ideal: number): void {
	console.log(
		`   ${label.padEnd(34)} ${s(line.ms)} (${(line.ms / ideal).toFixed(2)}x ideal) | CPU ${(line.cpuUsPerItem / 1000).toFixed(2)} ms/item | ${line.requests} requests (${(line.requests / items).toFixed(2)}/item), ${line.connections} TCP connections (${(line.connections / Math.max(1, line.requests)).toFixed(2)}/request) | 429s ${line.rejected} | failed ${line.failed}`,
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

	if (runs('1')) {
		console.log(
			`1. ${READ_ROWS.toLocaleString('en-US')}-row SuiteQL read (sequential request floor: ${READ_ROWS / 1000}), Limit ${READ_ROWS.toLocaleString('en-US')}; the emulator on its own thread (scripts/emulatorThread.ts), the same ${SEED.toLocaleString('en-US')} customers`,
		);
		const reads = await startEmulatorThread({ port: 0, latencyMs: LATENCY_MS, concurrency: LIMIT, seedCustomers: SEED });
		type ReadLine = { ms: number; requests: number; rss: number };
		const lines = new Map<string, ReadLine[]>();
		const line = async (label: string, read: () => Promise<number>) => {
			const before = await reads.requests();
			const { result, ms, peakRss } = await measure(read);
			if (result !== READ_ROWS) throw new Error(`${label}: read ${result} rows`);
			const entry = { ms, requests: (await reads.requests()) - before, rss: peakRss };
			lines.set(label, [...(lines.get(label) ?? []), entry]);
			return entry;
		};
		const viaNode = (options?: INodeParameters) => async () =>
			(await node(reads, new NetSuite(), suiteQl({ limit: READ_ROWS, ...(options && { options }) }))).length;
		const labels = [
			'node, Parallel Requests Auto',
			`node, Parallel Requests ${LIMIT}`,
			'node, without the option (sequential)',
			'bare sequential loop',
			`bare loop, ${LIMIT} in flight`,
		];
		// Untimed first: the first run in the process pays for loading and compiling the node.
		await node(reads, new NetSuite(), suiteQl({ limit: 5_000, options: { batchSize: LIMIT } }));
		await bareSuiteQl(reads, q, 5_000, LIMIT);
		for (let round = 1; round <= 3; round++) {
			await line(labels[0], viaNode({ batchSize: 0 }));
			await line(labels[1], viaNode({ batchSize: LIMIT }));
			await line(labels[2], viaNode());
			await line(labels[3], () => bareSuiteQl(reads, q, READ_ROWS));
			await line(labels[4], () => bareSuiteQl(reads, q, READ_ROWS, LIMIT));
		}
		// The machine is shared: each line's median of its rounds.
		const total = (label: string) => {
			const times = (lines.get(label) ?? []).map((r) => r.ms).sort((a, b) => a - b);
			return times[Math.floor(times.length / 2)];
		};
		for (const label of labels) {
			const rounds = lines.get(label) ?? [];
			console.log(
				`   ${label.padEnd(40)} ${rounds.map((r) => s(r.ms)).join(' / ')} | ${rounds.map((r) => r.requests).join(' / ')} requests | peak RSS ${mb(Math.max(...rounds.map((r) => r.rss)))}`,
			);
		}
		const sequentialBare = total(labels[3]);
		const wideBare = total(labels[4]);
		for (const label of labels.slice(0, 2)) {
			console.log(
				`   => ${label}: median ${s(total(label))}; / bare sequential (${s(sequentialBare)}) ${(total(label) / sequentialBare).toFixed(2)}x (target ≤ 0.30x), / bare at ${LIMIT} (${s(wideBare)}) ${(total(label) / wideBare).toFixed(2)}x (target ≤ 1.10x)`,
			);
		}
		console.log(`   => node without the option / bare sequential ${(total(labels[2]) / sequentialBare).toFixed(2)}x\n`);
		await reads.stop();
	}
	if (runs('2')) {
		console.log(`2. ${(SEED + 10).toLocaleString('en-US')}-row read past the offset cap, paging by key`);
		let count = requestCounter(emulator);
		const byKey = await measure(() =>
			node(emulator, new NetSuite(), suiteQl({ returnAll: true, options: { pageByKey: true, keyColumn: 'id' } })),
		);
		console.log(
			`   ${byKey.result.length.toLocaleString('en-US')} rows in ${count()} requests, ${s(byKey.ms)}, peak RSS ${mb(byKey.peakRss)}`,
		);
		count = requestCounter(emulator);
		const capped = await node(emulator, new NetSuite(), suiteQl({ returnAll: true }));
		const cappedError = capped[0]?.error?.message;
		console.log(`   without Page by Key: ${cappedError ? `"${cappedError}" after ${count()} request(s)` : `${capped.length} rows`}\n`);
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
		const batchLine = (processors: number, prefix: string) =>
			writeLine(emulator, CREATES, `create-batch-${processors}`, async () =>
				withProcessors(processors, async () =>
					failedOf(
						await node(
							emulator,
							new NetSuite(),
							{
								resource: 'record',
								operation: 'create',
								recordType: customer,
								bodyMode: 'json',
								bodyJson: bodyWithExternalId,
								options: { delivery: 'netSuiteBatchJobs' },
							},
							createItems(prefix),
						),
					),
				),
			);
		const createItems = (prefix: string) => Array.from({ length: CREATES }, (_, i) => ({ json: { name: `${prefix}-${i}` } }));
		const createNode = await writeLine(emulator, CREATES, 'create-node', async () =>
			failedOf(
				await node(
					emulator,
					new NetSuite(),
					{ resource: 'record', operation: 'create', recordType: customer, bodyMode: 'json', bodyJson: body('name') },
					createItems('BENCH-CREATE'),
				),
			),
		);
		const createBatch1 = await batchLine(1, 'BENCH-BATCH1');
		const createBatch5 = await batchLine(5, 'BENCH-BATCH5');
		const createAsync = await writeLine(emulator, CREATES, 'create-async', async () =>
			withProcessors(5, async () =>
				failedOf(
					await node(
						emulator,
						new NetSuite(),
						{
							resource: 'record',
							operation: 'create',
							recordType: customer,
							bodyMode: 'json',
							bodyJson: body('name'),
							options: { delivery: 'exactlyOnceAsyncJob' },
						},
						createItems('BENCH-ASYNC'),
					),
				),
			),
		);
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
