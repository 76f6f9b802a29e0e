/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// Runs User Event scripts after record saves: each deployed script file is executed for real
// (worker.js) and its N/https calls are made here, with NetSuite's connect and answer timeouts.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';

import { NETSUITE_TIMEOUTS, WEBHOOK_SCRIPT, checkDeployment, type ScriptDeployment, type ScriptTimeouts } from './deployments';

export type UserEventType = 'create' | 'edit' | 'xedit' | 'delete';

export interface SubmitEvent {
	type: UserEventType;
	/** REST name of the record type, e.g. salesOrder. */
	recordType: string;
	id: number;
	/** SuiteQL row after the save (before it, for a delete). */
	newRow?: Record<string, unknown>;
	oldRow?: Record<string, unknown>;
}

export interface ScriptLogEntry {
	at: Date;
	deploymentId: string;
	level: string;
	title: string;
	details: string;
}

export interface ScriptRun {
	deploymentId: string;
	event: SubmitEvent;
	ms: number;
	/** An error the script let escape (NetSuite would show it to the user). */
	error?: { name?: string; message?: string };
}

interface HttpAsk {
	method: string;
	url: string;
	headers: Record<string, string>;
	body: string;
}

type HttpAnswer = { code: number; body: string; headers: Record<string, string> } | { error: { name: string; message: string } };

function send(ask: HttpAsk, timeouts: ScriptTimeouts): Promise<HttpAnswer> {
	return new Promise((resolve) => {
		let url: URL;
		try {
			url = new URL(ask.url);
		} catch {
			resolve({ error: { name: 'SSS_INVALID_URL', message: 'The URL must be a fully qualified HTTPS URL.' } });
			return;
		}
		const body = Buffer.from(ask.body, 'utf8');
		const make = url.protocol === 'https:' ? httpsRequest : httpRequest;
		const req = make(url, {
			method: ask.method,
			headers: { ...ask.headers, 'content-length': String(body.length), 'user-agent': 'Mozilla/5.0 (NetSuite emulator)' },
		});
		let settled = false;
		const done = (answer: HttpAnswer) => {
			if (settled) return;
			settled = true;
			clearTimeout(connectTimer);
			clearTimeout(answerTimer);
			req.destroy();
			resolve(answer);
		};
		const connectTimer = setTimeout(
			() => done({ error: { name: 'SSS_CONNECTION_TIME_OUT', message: 'The host you are trying to connect to did not respond in time.' } }),
			timeouts.connectMs,
		);
		const answerTimer = setTimeout(
			() =>
				done({
					error: {
						name: 'SSS_REQUEST_TIME_EXCEEDED',
						message: 'The host you are trying to connect to has exceeded the maximum allowed response time.',
					},
				}),
			timeouts.connectMs + timeouts.requestMs,
		);
		req.on('socket', (socket) => {
			// A reused keep-alive socket is connected already.
			if (socket.connecting) socket.once('connect', () => clearTimeout(connectTimer));
			else clearTimeout(connectTimer);
		});
		req.on('error', () => done({ error: { name: 'SSS_CONNECTION_CLOSED', message: 'The connection to the host was closed or refused.' } }));
		req.on('response', (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				done({ code: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers as Record<string, string> }),
			);
			res.on('error', () => done({ error: { name: 'SSS_CONNECTION_CLOSED', message: 'The connection to the host was closed.' } }));
		});
		req.end(body);
	});
}

export class ScriptRunner {
	readonly deployments: Array<ScriptDeployment & { id: string }> = [];
	/** API Secrets (Setup > Company > API Secrets) by script ID. */
	readonly secrets: Record<string, string> = {};
	readonly log: ScriptLogEntry[] = [];
	readonly runs: ScriptRun[] = [];
	timeouts: ScriptTimeouts = { ...NETSUITE_TIMEOUTS };
	private worker: Worker | undefined;
	private httpPort: MessageChannel['port2'] | undefined;
	private signal = new SharedArrayBuffer(4);
	/** Saves run their scripts one after another, like one NetSuite script queue. */
	private queue: Promise<unknown> = Promise.resolve();

	constructor(private readonly account: { accountId: string }) {}

	deploy(deployment: ScriptDeployment): string {
		const checked = checkDeployment(deployment);
		const id = checked.id ?? `customdeploy_${this.deployments.length + 1}`;
		this.deployments.push({ ...checked, file: path.resolve(checked.file ?? WEBHOOK_SCRIPT), id });
		return id;
	}

	undeployAll(): void {
		this.deployments.splice(0, this.deployments.length);
	}

	setSecret(scriptId: string, value: string): void {
		this.secrets[scriptId] = value;
	}

	/** Runs every deployment for the record's type; resolves when they are done (as a save waits). */
	afterSubmit(event: SubmitEvent, executionContext = 'RESTWEBSERVICES'): Promise<ScriptRun[]> {
		const matching = this.deployments.filter((d) => d.recordTypes.some((t) => t.toLowerCase() === event.recordType.toLowerCase()));
		if (!matching.length) return Promise.resolve([]);
		const run = this.queue.then(async () => {
			const results: ScriptRun[] = [];
			for (const deployment of matching) results.push(await this.runOne(deployment, event, executionContext));
			return results;
		});
		this.queue = run.catch(() => undefined);
		return run;
	}

	async stop(): Promise<void> {
		this.httpPort?.close();
		await this.worker?.terminate();
		this.worker = undefined;
	}

	private start(): Worker {
		if (this.worker) return this.worker;
		const channel = new MessageChannel();
		this.httpPort = channel.port2;
		channel.port2.on('message', (ask: HttpAsk) => {
			void send(ask, this.timeouts).then((answer) => {
				channel.port2.postMessage(answer);
				const flag = new Int32Array(this.signal);
				Atomics.store(flag, 0, 1);
				Atomics.notify(flag, 0);
			});
		});
		this.worker = new Worker(path.join(__dirname, 'worker.js'), {
			workerData: { httpPort: channel.port1, signal: this.signal },
			transferList: [channel.port1],
		});
		this.worker.unref();
		channel.port2.unref();
		return this.worker;
	}

	private runOne(deployment: ScriptDeployment & { id: string }, event: SubmitEvent, executionContext: string): Promise<ScriptRun> {
		const worker = this.start();
		const started = Date.now();
		const job = {
			file: deployment.file,
			params: deployment.params,
			secrets: this.secrets,
			timeouts: this.timeouts,
			accountId: this.account.accountId,
			executionContext,
			userId: -4,
			scriptId: 'customscript_n8n_webhook',
			deploymentId: deployment.id,
			context: { type: event.type, recordType: event.recordType.toLowerCase(), id: event.id, newRow: event.newRow, oldRow: event.oldRow },
		};
		return new Promise((resolve) => {
			worker.once('message', (result: { logs: Array<{ level: string; title: string; details: string }>; error?: ScriptRun['error'] }) => {
				const at = new Date();
				for (const entry of result.logs) this.log.push({ at, deploymentId: deployment.id, ...entry });
				const run: ScriptRun = { deploymentId: deployment.id, event, ms: Date.now() - started, error: result.error };
				this.runs.push(run);
				resolve(run);
			});
			worker.postMessage(job);
		});
	}
}
