/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// The HTTP face of the emulator: reads each request as NetSuite receives it, applies the
// account's concurrency limit and faults, checks auth, then hands it to a service.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { TLSSocket } from 'node:tls';

import type { TbaVerifier } from './auth/tba';
import type { TokenService } from './auth/tokens';
import type { TestClock } from './clock';
import { invalidLogin, nsError } from './errors';
import type { Faults } from './faults';
import { restlet } from './restlets';
import type { EmulatorRequest, EmulatorResponse, EmulatorService, LoggedRequest } from './types';

export const TOKEN_ENDPOINT = '/services/rest/auth/oauth2/v1/token';
export const AUTHORIZE_PAGE = '/app/login/oauth2/authorize.nl';
const MAX_BODY = 20 * 1024 * 1024;
/** The request log keeps the newest entries only, each body cut at this size (tests assert on small ones). */
export const LOG_ENTRIES = 10_000;
export const LOG_BODY_BYTES = 16 * 1024;

function loggedBody(body: Buffer): string {
	if (body.length <= LOG_BODY_BYTES) return body.toString('utf8');
	return `${body.subarray(0, LOG_BODY_BYTES).toString('utf8')}… [cut: ${body.length} bytes, ${LOG_BODY_BYTES} kept]`;
}

export interface ServerParts {
	faults: Faults;
	tba: TbaVerifier;
	tokens: TokenService;
	data: EmulatorService;
	log: LoggedRequest[];
	/** NetSuite's clock, for each answer's Date header (RFC 9110 §6.6.1: an origin server with a clock sends one). */
	clock?: TestClock;
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_BODY) chunks.push(chunk);
		});
		req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks)));
		req.on('error', () => resolve(undefined));
	});
}

function send(res: ServerResponse, response: EmulatorResponse, head: boolean, now: Date | undefined): void {
	const headers: Record<string, string> = { ...(now && { date: now.toUTCString() }), ...(response.headers ?? {}) };
	let body: Buffer;
	if (Buffer.isBuffer(response.body)) body = response.body;
	else if (typeof response.body === 'string') body = Buffer.from(response.body);
	else if (response.body === undefined || response.status === 204) body = Buffer.alloc(0);
	else {
		body = Buffer.from(JSON.stringify(response.body));
		headers['content-type'] ??= 'application/vnd.oracle.resource+json; type=collection';
	}
	if (response.status !== 204 && response.status !== 304) headers['content-length'] = String(body.length);
	res.writeHead(response.status, headers);
	res.end(head ? undefined : body);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createEmulatorServer(parts: ServerParts, tls?: { key: string; cert: string }): Server {
	const handle = async (req: IncomingMessage): Promise<{ response: EmulatorResponse; auth: string; request: EmulatorRequest }> => {
		const rawUrl = req.url ?? '/';
		const q = rawUrl.indexOf('?');
		const body = await readBody(req);
		const request: EmulatorRequest = {
			method: (req.method ?? 'GET').toUpperCase(),
			path: q < 0 ? rawUrl : rawUrl.slice(0, q),
			rawQuery: q < 0 ? '' : rawUrl.slice(q + 1),
			query: new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1)),
			headers: req.headers,
			body: body ?? Buffer.alloc(0),
			// TBA signs the scheme too: over TLS the client signed https://.
			origin: `${(req.socket as TLSSocket).encrypted ? 'https' : 'http'}://${req.headers.host ?? '127.0.0.1'}`,
		};
		if (!body) return { response: nsError(413, 'INVALID_CONTENT', 'The request body is too large.'), auth: 'none', request };
		if (request.path === TOKEN_ENDPOINT)
			return { response: await parts.tokens.token(request, `${request.origin}${TOKEN_ENDPOINT}`), auth: 'client', request };
		if (request.path === AUTHORIZE_PAGE) return { response: parts.tokens.authorize(request), auth: 'none', request };

		const limited = await parts.faults.admit();
		if (limited) return { response: limited, auth: 'none', request };
		try {
			const delay = parts.faults.latencyMs + parts.faults.extraDelay(request.path);
			if (delay > 0) await sleep(delay);
			const authorization = String(req.headers.authorization ?? '');
			let auth = 'none';
			if (/^OAuth\s/i.test(authorization)) {
				const contentType = String(req.headers['content-type'] ?? '');
				const refusal = parts.tba.verify({
					method: request.method,
					origin: request.origin,
					path: request.path,
					rawQuery: request.rawQuery,
					authorization,
					formBody: contentType.includes('application/x-www-form-urlencoded') ? request.body.toString('utf8') : undefined,
				});
				if (refusal) return { response: invalidLogin(), auth: `tba-refused: ${refusal}`, request };
				auth = 'tba';
			} else if (/^Bearer\s/i.test(authorization) && parts.tokens.checkBearer(authorization)) {
				auth = 'bearer';
			} else {
				return { response: invalidLogin(), auth: 'none', request };
			}
			const injected = parts.faults.injected(request.path);
			if (injected) return { response: injected, auth, request };
			if (request.path === '/services/rest/system/v1/governanceLimits') {
				return {
					response: request.method === 'GET' ? parts.faults.governanceLimits() : nsError(405, 'INVALID_REQUEST', 'Use GET.'),
					auth,
					request,
				};
			}
			// Oracle, "ServerTime Operation" (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_0528010158.html):
			// GET only, no arguments, no permission needed; the time in UTC as {"serverTime": "2025-03-26T16:21:00.000Z"}.
			if (request.path === '/services/rest/system/v1/serverTime') {
				return {
					response:
						request.method === 'GET'
							? {
									status: 200,
									headers: { 'content-type': 'application/json' },
									body: { serverTime: (parts.clock?.now() ?? new Date()).toISOString() },
								}
							: nsError(405, 'INVALID_REQUEST', 'Use GET.'),
					auth,
					request,
				};
			}
			if (request.path === '/app/site/hosting/restlet.nl') return { response: restlet(request), auth, request };
			const answered = await parts.data.handle(request);
			return { response: answered ?? nsError(404, 'NONEXISTENT_ID', `The resource ${request.path} does not exist.`), auth, request };
		} finally {
			parts.faults.leave();
		}
	};

	const listener: RequestListener = (req, res) => {
		const at = new Date();
		const receivedMs = performance.now();
		handle(req)
			.catch((error: unknown) => ({
				response: nsError(
					error instanceof URIError ? 400 : 500,
					error instanceof URIError ? 'INVALID_REQUEST' : 'UNEXPECTED_ERROR',
					error instanceof URIError ? 'Malformed percent-encoding in the URL.' : 'An unexpected error occurred.',
				),
				auth: 'none',
				request: undefined,
			}))
			.then(({ response, auth, request }) => {
				parts.log.push({
					at,
					method: req.method ?? '',
					path: request?.path ?? req.url ?? '',
					rawQuery: request?.rawQuery ?? '',
					headers: req.headers,
					body: request ? loggedBody(request.body) : '',
					status: response.status,
					auth,
					receivedMs,
					answeredMs: performance.now(),
				});
				if (parts.log.length > LOG_ENTRIES) parts.log.splice(0, parts.log.length - LOG_ENTRIES);
				send(res, response, req.method === 'HEAD', parts.clock?.now());
			})
			.catch(() => res.destroy());
	};
	return tls ? createHttpsServer(tls, listener) : createServer(listener);
}
