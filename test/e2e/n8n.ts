/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- runs in Node (tests, emulator, scripts), never inside n8n */
// A real n8n, driven from the command line: installed once into a cache outside the
// repository (scripts/n8n-install.sh), with this package loaded through N8N_CUSTOM_EXTENSIONS.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repo = path.resolve(__dirname, '../..');

let extensionDir: string | undefined;

/**
 * The package as n8n would install it: package.json and dist/ only. n8n's loader for
 * N8N_CUSTOM_EXTENSIONS globs `**\/*.node.js` under the folder, node_modules included, and
 * a devDependency's file of that name (pkce-challenge's index.node.js, under the MCP SDK)
 * breaks every CLI command with "require(...).index is not a constructor".
 */
export function packageDir(): string {
	if (!extensionDir) {
		extensionDir = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-suitetalk-'));
		for (const entry of ['package.json', 'dist']) symlinkSync(path.join(repo, entry), path.join(extensionDir, entry));
	}
	return extensionDir;
}

export interface N8nInstall {
	version: string;
	bin: string;
}

export function installN8n(version: string): N8nInstall {
	const dir = execFileSync('bash', [path.join(repo, 'scripts/n8n-install.sh'), version], {
		stdio: ['ignore', 'pipe', 'inherit'],
		maxBuffer: 1 << 20,
	})
		.toString()
		.trim()
		.split('\n')
		.pop()!;
	return { version, bin: path.join(dir, 'bin/n8n-run') };
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

export class N8nInstance {
	readonly userFolder: string;
	private server?: ChildProcess;
	port = 0;
	/** Output of `n8n start`, for diagnosing a failed test. */
	serverLog = '';

	/**
	 * `sharedEnv` is what every process of one deployment has in common (queue mode: the
	 * database, Redis); each instance keeps its own user folder, as separate hosts would.
	 */
	constructor(
		readonly install: N8nInstall,
		userFolder?: string,
		private readonly sharedEnv: NodeJS.ProcessEnv = {},
	) {
		this.userFolder = userFolder ?? mkdtempSync(path.join(tmpdir(), `n8n-${install.version}-`));
	}

	env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
		return {
			...process.env,
			N8N_USER_FOLDER: this.userFolder,
			N8N_CUSTOM_EXTENSIONS: packageDir(),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENCRYPTION_KEY: 'e2e-encryption-key-not-secret',
			DB_TYPE: 'sqlite',
			NODE_OPTIONS: '',
			// Under jest NODE_ENV is 'test', which silences n8n's CLI output.
			NODE_ENV: 'production',
			...this.sharedEnv,
			...extra,
		};
	}

	/**
	 * Runs an n8n CLI command. Output goes to a file, not a pipe: n8n exits with
	 * process.exit(), which cuts piped output short.
	 */
	async cli(args: string[], timeoutMs = 180_000, expectFailure = false): Promise<string> {
		const outFile = path.join(this.userFolder, `cli-${Date.now()}-${Math.random().toString(36).slice(2)}.log`);
		const fd = openSync(outFile, 'w');
		const child = spawn(this.install.bin, args, {
			env: this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) }),
			stdio: ['ignore', fd, fd],
		});
		let timedOut = false;
		const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
			const timer = setTimeout(() => {
				timedOut = true;
				child.kill('SIGKILL');
			}, timeoutMs);
			child.on('exit', (code, signal) => {
				clearTimeout(timer);
				resolve({ code, signal });
			});
		});
		closeSync(fd);
		const output = readFileSync(outFile, 'utf8');
		// A run ended by a signal or a timeout is never the failure a test expects.
		const failed = exit.code !== 0;
		if (failed !== expectFailure || exit.code === null) {
			const how = timedOut
				? `was stopped after ${timeoutMs / 1000} s`
				: exit.signal
					? `was ended by ${exit.signal}`
					: failed
						? `exited ${exit.code}`
						: 'succeeded where a failure was expected';
			throw new Error(`n8n ${args.join(' ')} ${how} (output: ${outFile}):\n${output.slice(-4000)}`);
		}
		return output;
	}

	async importCredentials(credentials: object[]): Promise<void> {
		const file = path.join(this.userFolder, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		await this.cli(['import:credentials', `--input=${file}`]);
	}

	async importWorkflow(workflow: object): Promise<void> {
		const file = path.join(this.userFolder, `workflow-${(workflow as { id: string }).id}.json`);
		writeFileSync(file, JSON.stringify(workflow));
		await this.cli(['import:workflow', `--input=${file}`]);
	}

	/** Runs a workflow with `n8n execute` and returns the last node's output items. */
	async execute(
		workflowId: string,
	): Promise<Array<{ json: Record<string, unknown>; binary?: Record<string, { fileName?: string; mimeType?: string }> }>> {
		const out = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		return parseExecuteOutput(out);
	}

	/** Runs a workflow with `n8n execute` and returns every node's output items, by node name. */
	async executeEveryNode(workflowId: string): Promise<Record<string, OutputItem[]>> {
		return parseRunData(await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']));
	}

	/**
	 * Runs a workflow expected to fail and returns the run data n8n prints (`n8n execute` logs
	 * it as JSON, httpCode included, and exits non-zero).
	 */
	async executeFailing(workflowId: string): Promise<{ error: Record<string, unknown>; output: string }> {
		let output: string;
		try {
			output = await this.cli(['execute', `--id=${workflowId}`], 180_000, true);
		} catch (error) {
			throw new Error(`expected a failed execution: ${(error as Error).message}`);
		}
		const marker = output.indexOf('====================================');
		const start = output.indexOf('{', marker);
		const end = output.indexOf('\n}', start);
		if (marker < 0 || start < 0 || end < 0) throw new Error(`no failed run in n8n execute output: ${output.slice(-3000)}`);
		const run = JSON.parse(output.slice(start, end + 2)) as { data: { resultData: { error: Record<string, unknown> } } };
		return { error: run.data.resultData.error, output };
	}

	/**
	 * `n8n start` (the main: editor, webhooks, triggers and pollers) or, in queue mode,
	 * `n8n worker` (runs executions from the queue). Returns when it reports ready: the main on
	 * its own port, a worker on its health-check server (QUEUE_HEALTH_CHECK_*).
	 */
	async start(extraEnv: NodeJS.ProcessEnv = {}, command: 'start' | 'worker' = 'start', args: string[] = []): Promise<string> {
		this.port = await freePort();
		const own =
			command === 'worker'
				? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(this.port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' }
				: { N8N_PORT: String(this.port), N8N_HOST: '127.0.0.1', N8N_LISTEN_ADDRESS: '127.0.0.1' };
		const env = this.env({ ...own, N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...extraEnv });
		if (command === 'start') this.port = Number(env.N8N_PORT);
		// Its own process group, so that stop() also ends n8n's task-runner children.
		this.server = spawn(this.install.bin, [command, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		this.serverLog = '';
		this.server.stdout?.on('data', (d: Buffer) => (this.serverLog += d.toString()));
		this.server.stderr?.on('data', (d: Buffer) => (this.serverLog += d.toString()));
		const url = `http://127.0.0.1:${this.port}`;
		const deadline = Date.now() + 180_000;
		while (Date.now() < deadline) {
			if (this.server.exitCode !== null) throw new Error(`n8n ${command} exited: ${this.serverLog.slice(-3000)}`);
			try {
				const response = await fetch(`${url}/healthz/readiness`);
				if (response.ok) return url;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		throw new Error(`n8n ${command} did not become ready: ${this.serverLog.slice(-3000)}`);
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server || server.exitCode !== null) return;
		const exited = new Promise((r) => server.once('exit', r));
		const signalGroup = (signal: NodeJS.Signals) => {
			try {
				process.kill(-server.pid!, signal);
			} catch {
				// the group is gone already
			}
		};
		signalGroup('SIGTERM');
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15_000)))]);
		// A pending timer would keep jest from exiting after the last test.
		clearTimeout(timer);
		// Whatever is left of the group (n8n, or a runner it did not stop) goes now.
		signalGroup('SIGKILL');
	}
}

type OutputItem = { json: Record<string, unknown> };
type RunData = Record<string, Array<{ data: { main: OutputItem[][] } }>>;

/** The JSON `n8n execute --rawOutput` prints after its log lines. */
function executeJson(out: string): unknown {
	// The run prints as pretty JSON: from a line that is just "{" to the last line that is just "}".
	const start = out.search(/^\{\s*$/m);
	const end = out.lastIndexOf('\n}');
	if (start < 0 || end < start) throw new Error(`no JSON in n8n execute output: ${out.slice(0, 2000)}`);
	return JSON.parse(out.slice(start, end + 2)) as unknown;
}

/**
 * Every node's items of its first run, by node name: `n8n execute --rawOutput` prints the whole
 * run (n8n's commands/execute.js logs JSON.stringify of the execution, in 2.8.4 and 2.40.7 alike).
 */
export function parseRunData(out: string): Record<string, OutputItem[]> {
	const runData = (executeJson(out) as { data?: { resultData?: { runData?: RunData } } }).data?.resultData?.runData;
	if (!runData) throw new Error(`no run data in n8n execute output: ${out.slice(0, 2000)}`);
	return Object.fromEntries(Object.entries(runData).map(([node, runs]) => [node, runs[0].data.main[0]]));
}

/** `n8n execute --rawOutput` prints log lines, then the JSON of the last node's items. */
export function parseExecuteOutput(out: string): Array<{ json: Record<string, unknown> }> {
	const parsed = executeJson(out);
	if (Array.isArray(parsed)) return parsed as Array<{ json: Record<string, unknown> }>;
	const data = (
		parsed as { data?: { resultData?: { runData?: Record<string, Array<{ data: { main: unknown[][] } }>>; lastNodeExecuted?: string } } }
	).data;
	if (data?.resultData?.runData && data.resultData.lastNodeExecuted) {
		return data.resultData.runData[data.resultData.lastNodeExecuted][0].data.main[0] as Array<{ json: Record<string, unknown> }>;
	}
	throw new Error(`unexpected n8n execute output: ${out.slice(0, 2000)}`);
}
