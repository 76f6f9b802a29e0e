/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- runs in Node (tests, emulator, scripts), never inside n8n */
// Redis and Postgres from the Debian packages (redis-server, postgresql), each started for one
// test on a loopback port of its own, in a temporary folder, and removed afterwards. `.ci/run`
// installs the packages when they are missing.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freePort } from './n8n';

export interface Service {
	port: number;
	stop(): Promise<void>;
}

async function waitForPort(port: number, what: string, child?: ChildProcess, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child && child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
		const open = await new Promise<boolean>((resolve) => {
			const socket = createConnection({ host: '127.0.0.1', port }, () => {
				socket.end();
				resolve(true);
			});
			socket.on('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${what} did not listen on 127.0.0.1:${port}`);
}

export async function startRedis(): Promise<Service> {
	const dir = mkdtempSync(path.join(tmpdir(), 'e2e-redis-'));
	const port = await freePort();
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
		stdio: 'ignore',
	});
	const stop = async () => {
		if (child.exitCode === null) {
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
			clearTimeout(timer);
			if (child.exitCode === null) child.kill('SIGKILL');
		}
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitForPort(port, 'redis-server', child);
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, stop };
}

/** The newest server binaries the postgresql package installed (/usr/lib/postgresql/<major>/bin). */
function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root)
		? readdirSync(root)
				.filter((d) => /^\d+$/.test(d))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (majors.length === 0) throw new Error('postgresql is not installed (apt-get install postgresql; .ci/run does it)');
	return path.join(root, majors[0], 'bin');
}

export interface Postgres extends Service {
	database: string;
	user: string;
	/** Runs SQL with psql and returns the rows as arrays of columns. */
	query(sql: string): string[][];
}

/**
 * A throwaway Postgres cluster. Postgres refuses to run as root, so as root the cluster belongs to
 * the `postgres` user the Debian package creates, and every server command runs as that user.
 */
export async function startPostgres(): Promise<Postgres> {
	const bin = postgresBin();
	const dir = mkdtempSync(path.join(tmpdir(), 'e2e-postgres-'));
	const data = path.join(dir, 'data');
	const port = await freePort();
	const asRoot = process.getuid?.() === 0;
	if (asRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
		chownSync(dir, uid, gid);
	}
	const run = (command: string, args: string[]) =>
		execFileSync(asRoot ? 'runuser' : path.join(bin, command), asRoot ? ['-u', 'postgres', '--', path.join(bin, command), ...args] : args, {
			stdio: 'pipe',
			cwd: dir,
		});
	const user = 'postgres';
	const stop = async () => {
		try {
			if (existsSync(path.join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
		} catch {
			// already stopped
		}
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		run('initdb', ['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-sync']);
		const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
		run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
		await waitForPort(port, 'postgres');
		execFileSync(
			path.join(bin, 'psql'),
			['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', 'postgres', '-c', 'CREATE DATABASE n8n'],
			{ stdio: 'pipe' },
		);
	} catch (error) {
		await stop();
		throw new Error(`postgres did not start: ${(error as { stderr?: Buffer }).stderr?.toString() ?? (error as Error).message}`);
	}
	const query = (sql: string) =>
		execFileSync(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', 'n8n', '-At', '-F', '\t', '-c', sql], {
			stdio: ['ignore', 'pipe', 'pipe'],
		})
			.toString()
			.split('\n')
			.filter((line) => line !== '')
			.map((line) => line.split('\t'));
	return { port, database: 'n8n', user, query, stop };
}
