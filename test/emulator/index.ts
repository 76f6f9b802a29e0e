/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// NetSuite in one folder: start it on a free port and sign requests with the demo credentials.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import path from 'node:path';

import { TbaVerifier } from './auth/tba';
import { TokenService, type GrantKind } from './auth/tokens';
import { TestClock } from './clock';
import { createDataService, type DataService } from './data';
import { Faults } from './faults';
import { createEmulatorServer } from './server';
import { ScriptRunner } from './suitescript/runner';
import type { DemoCredentials, EmulatorOptions, LoggedRequest } from './types';

export type { DemoCredentials, EmulatorOptions, LoggedRequest } from './types';

const keyDir = path.join(__dirname, 'demo-keys');

/** A demo TBA key shaped as NetSuite issues them (64 hexadecimal characters), derived from its name. */
const demoKey = (name: string) => createHash('sha256').update(name).digest('hex');

/** Demo credentials: public on purpose, valid only against this emulator. */
export const DEMO = {
	tba: {
		consumerKey: demoKey('demo-consumer-key'),
		consumerSecret: demoKey('demo-consumer-secret'),
		tokenId: demoKey('demo-token-id'),
		tokenSecret: demoKey('demo-token-secret'),
	},
	m2m: { consumerKey: 'demo-m2m-client-id', certificateId: 'demo-certificate', algorithm: 'PS256' },
	oauth2: { clientId: 'demo-oauth2-client-id', clientSecret: 'demo-oauth2-client-secret' },
};

export interface RunningEmulator {
	baseUrl: string;
	accountId: string;
	credentials: DemoCredentials;
	clock: TestClock;
	requestLog: LoggedRequest[];
	clearLog(): void;
	data: DataService;
	faults: Faults;
	/** User Event script deployments, API secrets and the scripts' execution log. */
	scripts: ScriptRunner;
	tokens: { issuedCount(kind?: GrantKind): number; expireAll(): void };
	/** TCP connections clients have opened so far: with keep-alive, fewer than requests. */
	connectionsOpened(): number;
	/** Requests received so far, counted for ever (the request log keeps only the newest). */
	requestsReceived(): number;
	stop(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const accountId = (options.accountId ?? '1234567_SB1').toUpperCase();
	const clock = new TestClock();
	clock.timeZone = options.timeZone;
	const scripts = new ScriptRunner({ accountId });
	for (const deployment of options.deployments ?? []) scripts.deploy(deployment);
	for (const [id, value] of Object.entries(options.secrets ?? {})) scripts.setSecret(id, value);
	const data = await createDataService({
		clock,
		seedCustomers: options.seedCustomers ?? 0,
		scripts,
		asyncProcessors: options.asyncProcessors,
		asyncJobMs: options.asyncJobMs,
	});
	const faults = new Faults(options.concurrency ?? 5, options.latencyMs ?? 0, options.errorRate ?? 0, options.retryAfterSeconds);
	const publicPem = readFileSync(path.join(keyDir, 'm2m-rsa-public.pem'), 'utf8');
	const privateKeyPem = readFileSync(path.join(keyDir, 'm2m-rsa-private.pem'), 'utf8');
	const tba = new TbaVerifier({
		realm: accountId,
		consumers: new Map([[DEMO.tba.consumerKey, DEMO.tba.consumerSecret]]),
		tokens: new Map([[DEMO.tba.tokenId, { secret: DEMO.tba.tokenSecret, consumerKey: DEMO.tba.consumerKey }]]),
	});
	const tokens = new TokenService({
		clock,
		ttlSeconds: options.tokenTtlSeconds ?? 3600,
		m2mClientId: DEMO.m2m.consumerKey,
		certificates: new Map([[DEMO.m2m.certificateId, publicPem]]),
		oauth2Client: DEMO.oauth2,
	});
	const requestLog: LoggedRequest[] = [];
	const tls = options.https
		? { key: readFileSync(path.join(keyDir, 'tls-key.pem'), 'utf8'), cert: readFileSync(path.join(keyDir, 'tls-cert.pem'), 'utf8') }
		: undefined;
	const server = createEmulatorServer({ faults, tba, tokens, data, log: requestLog, clock }, tls);
	server.keepAliveTimeout = 5000;
	let connections = 0;
	server.on('connection', () => connections++);
	let requests = 0;
	server.on('request', () => requests++);
	// With a handshake delay a plain TCP listener takes each connection, holds it, then hands it
	// to the server (server.emit('connection'), Node's documented way to pass it a socket).
	const handshakeDelayMs = options.handshakeDelayMs ?? 0;
	const front: TcpServer | Server =
		handshakeDelayMs > 0 ? createTcpServer((socket) => void setTimeout(() => server.emit('connection', socket), handshakeDelayMs)) : server;
	await new Promise<void>((resolve, reject) => {
		front.once('error', reject);
		front.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const { port } = front.address() as AddressInfo;
	const baseUrl = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
	return {
		baseUrl,
		accountId,
		credentials: { baseUrl, accountId, tba: DEMO.tba, m2m: { ...DEMO.m2m, privateKeyPem }, oauth2: DEMO.oauth2 },
		clock,
		requestLog,
		clearLog: () => requestLog.splice(0, requestLog.length),
		data,
		faults,
		scripts,
		tokens,
		connectionsOpened: () => connections,
		requestsReceived: () => requests,
		stop: async () => {
			data.jobs.stop();
			await scripts.stop();
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				if (front !== server) front.close();
				server.close(() => resolve());
			});
		},
	};
}
