/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// The seam between the emulator's HTTP layer (server, auth, faults) and its NetSuite data
// services (records, SuiteQL, metadata). Each service is "NetSuite behaviour" in one place.
import type { IncomingHttpHeaders } from 'node:http';

import type { ScriptDeployment } from './suitescript/deployments';

export interface EmulatorRequest {
	method: string;
	/** Path exactly as received, without the query string (still percent-encoded). */
	path: string;
	/** Raw query string as received, without the leading '?'. */
	rawQuery: string;
	/** Parsed view of rawQuery, for services only (auth must use rawQuery). */
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: Buffer;
	/** Origin the client addressed, e.g. http://127.0.0.1:8787 */
	origin: string;
}

export interface EmulatorResponse {
	status: number;
	headers?: Record<string, string>;
	/** Objects are sent as JSON; Buffers and strings as they are. */
	body?: unknown;
}

/** A service answers the routes it owns and returns undefined for the others. */
export interface EmulatorService {
	handle(req: EmulatorRequest): Promise<EmulatorResponse | undefined> | EmulatorResponse | undefined;
}

export interface EmulatorOptions {
	/** 0 = any free port (tests); the CLI defaults to 8787. */
	port?: number;
	/** Requests in flight past which NetSuite answers 429 CONCURRENCY_LIMIT_EXCEEDED (default 5). */
	concurrency?: number;
	/** Added to every request, in ms (default 0). */
	latencyMs?: number;
	/** Share of requests answered 500 UNEXPECTED_ERROR at random, 0..1 (default 0). */
	errorRate?: number;
	/** Extra generated customers on top of the fixed seed (default 0; benchmarks use 250000). */
	seedCustomers?: number;
	/** The integration user's time zone (IANA name) SuiteQL shows times in; default UTC. */
	timeZone?: string;
	/** Lifetime of issued bearer tokens, in seconds (default 3600). */
	tokenTtlSeconds?: number;
	/** Send Retry-After (seconds) with 429s; NetSuite sends none, so default undefined. */
	retryAfterSeconds?: number;
	/** Account id the emulator pretends to be (default '1234567_SB1'). */
	accountId?: string;
	/** User Event script deployments run after every save of their record types. */
	deployments?: ScriptDeployment[];
	/** API Secrets by script ID (custsecret_…), for N/crypto in those scripts. */
	secrets?: Record<string, string>;
	/** Serve HTTPS with the self-signed demo certificate (demo-keys/tls-*.pem), as NetSuite serves TLS. */
	https?: boolean;
	/**
	 * Held before each new connection is served, in ms (default 0): the round trips a real TCP and
	 * TLS handshake cost over a network, which loopback hides. Paid once per connection, so a
	 * client that reuses connections pays it once.
	 */
	handshakeDelayMs?: number;
	/**
	 * REST Async Processors: async jobs (`Prefer: respond-async`, batches) processed at once; the
	 * others wait their turn (default 1: data/asyncJobs.ts says why).
	 */
	asyncProcessors?: number;
	/**
	 * Processing time of each async job, in ms of real time (default 50, assumed); 0 completes a
	 * job on the next turn of the event loop.
	 */
	asyncJobMs?: number;
}

export interface DemoCredentials {
	baseUrl: string;
	accountId: string;
	tba: { consumerKey: string; consumerSecret: string; tokenId: string; tokenSecret: string };
	m2m: { consumerKey: string; certificateId: string; privateKeyPem: string; algorithm: string };
	oauth2: { clientId: string; clientSecret: string };
}

export interface LoggedRequest {
	at: Date;
	method: string;
	path: string;
	rawQuery: string;
	headers: IncomingHttpHeaders;
	/** Body as text (SuiteQL queries are asserted on this). */
	body: string;
	status: number;
	/** 'tba' | 'bearer' | 'none' */
	auth: string;
	/** performance.now() when the request came in and when its answer was ready: the span it was in flight. */
	receivedMs: number;
	answeredMs: number;
}
