/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// A fault-injecting HTTP proxy in front of the emulator, on 127.0.0.1 only. Each scripted
// fault applies to the next N requests that match; everything else is forwarded untouched
// (Host header included, so TBA signatures and JWT audiences still verify upstream).
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
	/** Forward, let the emulator apply it, then close the socket without answering. */
	| { kind: 'dropAnswer' }
	/** Close the socket before anything reaches the emulator. */
	| { kind: 'reset' }
	/** Answer this status (NetSuite's error shape) without forwarding. */
	| { kind: 'status'; status: number; retryAfterSeconds?: number }
	/** Forward at once, hold the answer back for `delayMs` (past the client's timeout). */
	| { kind: 'slow'; delayMs: number }
	/** Answer 200 with an HTML maintenance page. */
	| { kind: 'html' };

interface Scripted {
	fault: Fault;
	remaining: number;
	match: (method: string, path: string, query: string) => boolean;
}

export interface ProxiedRequest {
	method: string;
	path: string;
	fault?: Fault['kind'];
}

export interface FaultProxy {
	baseUrl: string;
	log: ProxiedRequest[];
	/** The next `count` requests matching `match` (default: all; `query` is the URL's part after `?`) get `fault`. */
	inject(fault: Fault, count?: number, match?: (method: string, path: string, query: string) => boolean): void;
	/** Drops the faults not yet used, so one test's leftovers cannot reach the next. */
	clear(): void;
	stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function forward(
	upstream: URL,
	req: IncomingMessage,
	body: Buffer,
): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
	return new Promise((resolve, reject) => {
		const out = httpRequest(
			{ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
			(res) => {
				readBody(res).then((data) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: data }), reject);
			},
		);
		out.on('error', reject);
		out.end(body);
	});
}

function errorBody(status: number): string {
	// NetSuite's own answer when the account's concurrency limit is reached.
	if (status === 429)
		return JSON.stringify({
			type: 'https://www.rfc-editor.org/rfc/rfc6585.html#section-4',
			title: 'Too Many Requests',
			status,
			'o:errorDetails': [{ detail: 'Concurrent request limit exceeded. Request blocked.', 'o:errorCode': 'CONCURRENCY_LIMIT_EXCEEDED' }],
		});
	return JSON.stringify({
		type: 'https://www.rfc-editor.org/rfc/rfc9110.html',
		title: 'Service Unavailable',
		status,
		'o:errorDetails': [{ detail: 'An unexpected error occurred.', 'o:errorCode': 'UNEXPECTED_ERROR' }],
	});
}

const MAINTENANCE_PAGE =
	'<!DOCTYPE html><html><head><title>NetSuite is down for scheduled maintenance</title></head><body>Back soon.</body></html>';

export async function startFaultProxy(upstreamBaseUrl: string): Promise<FaultProxy> {
	const upstream = new URL(upstreamBaseUrl);
	const scripted: Scripted[] = [];
	const log: ProxiedRequest[] = [];

	const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const body = await readBody(req);
		const method = req.method ?? 'GET';
		const [path, query = ''] = (req.url ?? '/').split('?');
		const entry = scripted.find((s) => s.remaining > 0 && s.match(method, path, query));
		if (entry) entry.remaining--;
		const fault = entry?.fault;
		log.push({ method, path, fault: fault?.kind });
		if (fault?.kind === 'reset') {
			req.socket.destroy();
			return;
		}
		if (fault?.kind === 'status') {
			const headers: Record<string, string> = { 'content-type': 'application/vnd.oracle.resource+json; type=error' };
			if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
			res.writeHead(fault.status, headers);
			res.end(errorBody(fault.status));
			return;
		}
		if (fault?.kind === 'html') {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(MAINTENANCE_PAGE);
			return;
		}
		const answer = await forward(upstream, req, body);
		if (fault?.kind === 'dropAnswer') {
			req.socket.destroy();
			return;
		}
		if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs));
		if (res.destroyed || req.socket.destroyed) return;
		res.writeHead(answer.status, answer.headers);
		res.end(answer.body);
	};

	const server: Server = createServer((req, res) => {
		serve(req, res).catch(() => req.socket.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		log,
		clear() {
			scripted.length = 0;
		},
		inject(fault, count = 1, match = () => true) {
			scripted.push({ fault, remaining: count, match });
		},
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
