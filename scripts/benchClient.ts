/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// One write line in a process of its own, apart from the emulator, as n8n and NetSuite are apart.
// In one process the emulator's own work per request (signature check, SQLite, JSON) shares the
// client's thread: at 20 ms a request the line is then bound by that one thread, and what it
// measures is mostly the emulator. Here the client has its thread to itself, and its CPU per item
// is the client's alone.
//
// The protocol: the parent forks this file and sends the line; the child warms up (the same
// line on a few items, unmeasured: n8n's modules load lazily on a first run), says `warm`; the
// parent starts counting requests and says `go`; the child runs the line and answers its figures.
import { fork } from 'node:child_process';
import type { INodeParameters } from 'n8n-workflow';

import { NetSuite } from '../nodes/NetSuite/NetSuite.node';
import type { RunningEmulator } from '../test/emulator';
import { bareCreates, bareUpserts, node, type EmulatorAddress } from './benchWriters';
import { FloorNode } from './floorNode';

export type ClientLine =
	{ kind: 'netSuite' | 'floor'; parameters: INodeParameters; itemKey: string } | { kind: 'bareCreates' | 'bareUpserts'; workers: number };

interface Job {
	credentials: RunningEmulator['credentials'];
	line: ClientLine;
	prefix: string;
	count: number;
	warmup: number;
}

export interface ClientFigures {
	ms: number;
	/** The client process's CPU (user + system) per item: the emulator is not in it. */
	cpuUsPerItem: number;
	failed: number;
}

/** Runs `line` on `count` items in a child process; `onGo` runs in this process just before the measured part starts. */
export async function inClientProcess(
	emulator: RunningEmulator,
	line: ClientLine,
	prefix: string,
	count: number,
	onGo: () => void,
): Promise<ClientFigures> {
	const child = fork(__filename, [], {
		execArgv: ['-r', 'ts-node/register/transpile-only'],
		stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
	});
	const job: Job = { credentials: emulator.credentials, line, prefix, count, warmup: 50 };
	return await new Promise<ClientFigures>((resolve, reject) => {
		child.on('message', (message: 'warm' | ClientFigures) => {
			if (message === 'warm') {
				onGo();
				child.send('go');
			} else resolve(message);
		});
		child.on('exit', (code) => code !== 0 && reject(new Error(`bench client ${line.kind} exited with ${code}`)));
		child.send(job);
	});
}

async function runLine(emulator: EmulatorAddress, line: ClientLine, prefix: string, count: number): Promise<number> {
	if ('workers' in line) {
		const write = line.kind === 'bareCreates' ? bareCreates : bareUpserts;
		return count - (await write(emulator, count, line.workers, prefix));
	}
	const { kind, itemKey, parameters } = line;
	const items = Array.from({ length: count }, (_, i) => ({ json: { [itemKey]: `${prefix}-${i}` } }));
	const out = await node(emulator, kind === 'floor' ? new FloorNode() : new NetSuite(), parameters, items);
	// The floor outputs NetSuite's bare answer (a create's is empty): only the node's items carry an id.
	return out.filter((i) => i.error || (kind === 'netSuite' && !i.json.id)).length;
}

async function child(job: Job): Promise<void> {
	const emulator: EmulatorAddress = { credentials: job.credentials };
	await runLine(emulator, job.line, `${job.prefix}-WARM`, job.warmup);
	await new Promise<void>((go) => {
		process.once('message', () => go());
		process.send?.('warm');
	});
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const failed = await runLine(emulator, job.line, job.prefix, job.count);
	const ms = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	const figures: ClientFigures = { ms, cpuUsPerItem: (cpu.user + cpu.system) / job.count, failed };
	process.send?.(figures, () => process.exit(0));
}

if (require.main === module) process.once('message', (job: Job) => void child(job));
