/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- runs in Node (tests, emulator, scripts), never inside n8n */
// n8n's queue mode, as users scale out: a main (webhooks, triggers, pollers) and two workers
// (executions), each with its own user folder as on separate hosts, sharing Redis, Postgres and
// one encryption key, all against one NetSuite account limit (the emulator at 5).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { startEmulator, type RunningEmulator } from '../emulator';
import { DEMO_PDF } from '../emulator/restlets';
import { tbaFetch } from '../emulator/testClient';
import { demoCredentials, workflow } from './fixtures';
import { installN8n, N8nInstance, repo } from './n8n';
import { bulkCreate, m2mReads, pdfDownload } from './queueWorkflows';
import { startPostgres, startRedis, type Postgres, type Service } from './services';
import { waitFor as waitForEvery } from './waitFor';

const trigger = workflow('trigger-mark-seen');

const waitFor = <T>(what: string, check: () => T | undefined, timeoutMs = 150_000) => waitForEvery(what, check, timeoutMs, 500);

describe('n8n 2.40.7 in queue mode: a main and two workers share one NetSuite account', () => {
	let emulator: RunningEmulator;
	let redis: Service | undefined;
	let postgres: Postgres | undefined;
	let main: N8nInstance;
	let workers: N8nInstance[] = [];
	let mainUrl: string;
	const started: N8nInstance[] = [];

	/** Execution ids each worker's log says it ran ("Worker started execution <id>"). */
	const ranBy = () => workers.map((w) => new Set([...w.serverLog.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1])));
	const executionsOf = (workflowId: string) =>
		postgres!
			.query(`SELECT id, status FROM execution_entity WHERE "workflowId" = '${workflowId}' ORDER BY id`)
			.map(([id, status]) => ({ id, status }));
	const post = async (path: string, body: object) =>
		await fetch(`${mainUrl}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
	const polls = () => emulator.requestLog.filter((r) => r.path.endsWith('/suiteql') && r.status === 200);

	beforeAll(async () => {
		emulator = await startEmulator({ port: 0, latencyMs: 30, concurrency: 5 });
		// Each kept as soon as it runs, so afterAll stops it even if the other failed to start.
		const [redisStart, postgresStart] = await Promise.allSettled([
			startRedis().then((r) => (redis = r)),
			startPostgres().then((p) => (postgres = p)),
		]);
		for (const start of [redisStart, postgresStart]) if (start.status === 'rejected') throw start.reason;
		if (!redis || !postgres) throw new Error('redis or postgres did not start');
		const install = installN8n('2.40.7');
		const shared: NodeJS.ProcessEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
			// Debug: the main logs each poll it runs; workers log each execution they take.
			N8N_LOG_LEVEL: 'debug',
		};
		main = new N8nInstance(install, undefined, shared);
		workers = [new N8nInstance(install, undefined, shared), new N8nInstance(install, undefined, shared)];
		await main.importCredentials(demoCredentials(emulator.credentials));
		const workflows = [bulkCreate, m2mReads, pdfDownload, trigger];
		const workflowsFile = path.join(main.userFolder, 'queue-workflows.json');
		writeFileSync(workflowsFile, JSON.stringify(workflows));
		await main.cli(['import:workflow', `--input=${workflowsFile}`]);
		// Publish them all at once. `import:workflow --activeState=fromJson` refuses here (no owner
		// has signed up: "User attempted to activate a workflow without permissions"), and
		// `n8n publish:workflow` boots n8n once per workflow to run this one UPDATE
		// (WorkflowRepository.publishVersion in @n8n/db 2.40.7).
		postgres.query(
			`UPDATE workflow_entity SET active = true, "activeVersionId" = "versionId" WHERE id IN (${workflows.map((w) => `'${w.id}'`).join(', ')})`,
		);
		// The CLI import migrated the database: the three processes may start together.
		// Concurrency 5 (n8n's minimum advice) per worker, so 8 simultaneous executions cannot all fit on one.
		const startAll = Promise.all([main.start(), ...workers.map(async (w) => await w.start({}, 'worker', ['--concurrency=5']))]);
		started.push(main, ...workers);
		[mainUrl] = await startAll;
		// Activation runs one real poll at once: it sets the trigger's cursor to "now".
		await waitFor('the activation poll', () => (polls().length > 0 ? true : undefined));
		emulator.clock.advance(2000);
	}, 20 * 60_000);

	afterAll(async () => {
		await Promise.all(started.map(async (n) => await n.stop()));
		// Each process's log, for diagnosing a failure (CI keeps test-artifacts/).
		mkdirSync(path.join(repo, 'test-artifacts'), { recursive: true });
		started.forEach((n, i) =>
			writeFileSync(path.join(repo, 'test-artifacts', `queue-e2e-${i === 0 ? 'main' : `worker-${i}`}.log`), n.serverLog),
		);
		await Promise.all([redis?.stop(), postgres?.stop()]);
		await emulator?.stop();
	});

	it('concurrent webhook executions of bulk creates: none failed, no duplicates, both workers took part', async () => {
		const executions = 8;
		const perExecution = 25;
		const keys = (e: number) => Array.from({ length: perExecution }, (_, i) => `QUEUE-${e}-${i}`);
		const before429 = emulator.faults.rejected429;
		const responses = await Promise.all(
			Array.from({ length: executions }, async (_, e) => await post('queue-bulk-create', { keys: keys(e) })),
		);
		const bodies = await Promise.all(responses.map(async (r) => ({ status: r.status, body: (await r.json()) as Array<{ id: string }> })));
		for (const { status, body } of bodies) {
			expect(status).toBe(200);
			expect(body).toHaveLength(perExecution);
		}
		const rows = emulator.data.db.all(
			"SELECT companyname AS name, COUNT(*) AS n FROM customer WHERE companyname LIKE 'QUEUE-%' GROUP BY companyname",
		);
		expect(rows).toHaveLength(executions * perExecution);
		expect(rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
		const runs = executionsOf(bulkCreate.id);
		expect(runs.map((r) => r.status)).toEqual(Array(executions).fill('success'));
		const [first, second] = ranBy();
		for (const { id } of runs) expect(Number(first.has(id)) + Number(second.has(id))).toBe(1);
		expect(runs.filter(({ id }) => first.has(id)).length).toBeGreaterThan(0);
		expect(runs.filter(({ id }) => second.has(id)).length).toBeGreaterThan(0);
		console.log(
			`queue e2e: ${executions} x ${perExecution} creates, 429s ${emulator.faults.rejected429 - before429}, worker split ${runs.filter(({ id }) => first.has(id)).length}/${runs.filter(({ id }) => second.has(id)).length}`,
		);
	});

	it('a binary download returned by main works in the queue default binary mode (database)', async () => {
		expect(process.env.N8N_DEFAULT_BINARY_DATA_MODE).toBeUndefined();
		const response = await fetch(`${mainUrl}/webhook/queue-pdf`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/pdf');
		expect(Buffer.from(await response.arrayBuffer()).equals(DEMO_PDF)).toBe(true);
		// The worker stored the file; main served it: n8n's queue default keeps it in Postgres.
		const [[stored]] = postgres!.query('SELECT COUNT(*) FROM binary_data');
		expect(Number(stored)).toBeGreaterThan(0);
	});

	describe('M2M token', () => {
		const ids = Array.from({ length: 10 }, (_, i) => String((i % 3) + 1));
		const tokens = () => emulator.tokens.issuedCount('client_credentials');
		const bearer401s = () => emulator.requestLog.filter((r) => r.auth === 'bearer' && r.status === 401).length;
		const readAll = async (executions: number) => {
			const responses = await Promise.all(Array.from({ length: executions }, async () => await post('queue-m2m-reads', { ids })));
			return await Promise.all(
				responses.map(async (r) => {
					const body = (await r.json()) as unknown;
					return { status: r.status, body: Array.isArray(body) ? (body as Array<{ id?: string }>) : [] };
				}),
			);
		};
		/** Executions that did not answer every customer (a failed item fails its execution: HTTP 500). */
		const failedExecutions = (results: Array<{ status: number; body: Array<{ id?: string }> }>) =>
			results.filter(({ status, body }) => status !== 200 || JSON.stringify(body.map((c) => c.id)) !== JSON.stringify(ids)).length;
		const allRead = (results: Array<{ status: number; body: Array<{ id?: string }> }>, round = 0) =>
			expect({ round, failed: failedExecutions(results) }).toEqual({ round, failed: 0 });

		it('one token request per lifetime from a cold start: n8n keeps it in the database for every worker', async () => {
			expect(tokens()).toBe(0);
			allRead(await readAll(1));
			expect(tokens()).toBe(1);
			allRead(await readAll(8));
			expect(tokens()).toBe(1);
		});

		it('after early revocations every item still succeeds, and the database ends up holding a valid token', async () => {
			for (let round = 1; round <= 3; round++) {
				const before = tokens();
				emulator.tokens.expireAll();
				allRead(await readAll(8), round);
				// One shared fetch per process at most: the two workers.
				expect(tokens() - before).toBeGreaterThan(0);
				expect(tokens() - before).toBeLessThanOrEqual(2);
			}
			// The token n8n saved last is valid: the next execution is sent with it and is not refused.
			const [tokensBefore, refusedBefore] = [tokens(), bearer401s()];
			allRead(await readAll(1));
			expect([tokens() - tokensBefore, bearer401s() - refusedBefore]).toEqual([0, 0]);
		});
	});

	it('the trigger polls once per interval, on main only, and each change arrives once', async () => {
		await tbaFetch(emulator, 'PATCH', '/services/rest/record/v1/customer/3', {
			body: '{"phone": "555-0303"}',
			headers: { 'content-type': 'application/json' },
		});
		const created = emulator.data.db
			.all("SELECT id FROM customer WHERE companyname LIKE 'QUEUE-%'")
			.map((r) => `n8n saw customer ${r.id} created`);
		const expected = [...created, 'n8n saw customer 3 updated'].sort();
		const seen = () =>
			emulator.data.db.all("SELECT name FROM customrecord_demo_project WHERE name LIKE 'n8n saw%'").map((r) => String(r.name));
		await waitFor('the trigger executions', () => (seen().length >= expected.length ? true : undefined), 180_000);
		// One more poll finds nothing new.
		const after = polls().length;
		await waitFor('one more poll', () => (polls().length > after ? true : undefined), 90_000);
		await new Promise((r) => setTimeout(r, 5000));
		expect(seen().sort()).toEqual(expected);
		// Scheduled polls come once a minute: three processes polling would send three a minute.
		// (The activation poll runs at once, the schedule at a fixed second of each minute: the
		// first gap may be shorter, so it is left out.)
		const times = polls().map((r) => r.at.getTime());
		const starts = times.filter((t, i) => i === 0 || t - times[i - 1] > 20_000);
		expect(starts.length).toBeGreaterThanOrEqual(3);
		for (let i = 2; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThan(50_000);
		const pollLine = `Poll trigger initiated for workflow "${trigger.name}"`;
		expect(main.serverLog).toContain(pollLine);
		for (const w of workers) expect(w.serverLog).not.toContain(pollLine);
		// The executions the polls started ran on the workers.
		const [first, second] = ranBy();
		const runs = executionsOf(trigger.id);
		expect(runs.length).toBeGreaterThan(0);
		for (const { id, status } of runs) {
			expect(status).toBe('success');
			expect(first.has(id) || second.has(id)).toBe(true);
		}
	});
});
