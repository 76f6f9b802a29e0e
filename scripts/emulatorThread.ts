/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// The emulator on a worker thread, for the bench's read case. NetSuite does its work on its own
// servers (the latency knob stands for it); the in-process emulator instead runs each 1,000-row
// SuiteQL page through sql.js on the client's thread, about as long as the latency, so pages
// read at once would wait for one thread rather than for NetSuite. On its own thread the
// emulator answers while the client works, as a server does. The same code as `startEmulator`;
// only the request count comes back by message.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

import { startEmulator, type RunningEmulator } from '../test/emulator';
import type { EmulatorOptions } from '../test/emulator/types';

type FromThread = { ready: Pick<RunningEmulator, 'baseUrl' | 'credentials'> } | { requests: number } | { stopped: true };

export interface ThreadedEmulator extends Pick<RunningEmulator, 'baseUrl' | 'credentials'> {
	/** Requests the emulator has received so far. */
	requests(): Promise<number>;
	stop(): Promise<void>;
}

export async function startEmulatorThread(options: EmulatorOptions): Promise<ThreadedEmulator> {
	// ts-node's hook, then this file again, inside the thread.
	const worker = new Worker(`require('ts-node/register/transpile-only'); require(${JSON.stringify(__filename)});`, {
		eval: true,
		workerData: options,
	});
	const next = () =>
		new Promise<FromThread>((resolve, reject) => {
			const fail = (error: Error) => {
				worker.off('message', answer);
				reject(error);
			};
			const answer = (message: FromThread) => {
				worker.off('error', fail);
				resolve(message);
			};
			worker.once('message', answer);
			worker.once('error', fail);
		});
	const ready = await next();
	if (!('ready' in ready)) throw new Error('the emulator thread did not start');
	return {
		...ready.ready,
		async requests() {
			worker.postMessage('requests');
			const answer = await next();
			return 'requests' in answer ? answer.requests : NaN;
		},
		async stop() {
			worker.postMessage('stop');
			await next();
			await worker.terminate();
		},
	};
}

async function serve(): Promise<void> {
	const emulator = await startEmulator(workerData as EmulatorOptions);
	const port = parentPort;
	if (!port) return;
	port.on('message', (message: unknown) => {
		if (message === 'requests') port.postMessage({ requests: emulator.requestLog.length } satisfies FromThread);
		if (message === 'stop') void emulator.stop().then(() => port.postMessage({ stopped: true } satisfies FromThread));
	});
	port.postMessage({ ready: { baseUrl: emulator.baseUrl, credentials: emulator.credentials } } satisfies FromThread);
}

if (!isMainThread && parentPort && (workerData as EmulatorOptions | undefined)?.port !== undefined) void serve();
