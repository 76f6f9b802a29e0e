// The one retry policy: which request classes are sent again after which failures, and why.
// The README's retry table is this table in prose; a test checks that they agree.
//
// A read is always retried on a transient failure. A write is retried only where NetSuite
// cannot have applied it (429 CONCURRENCY_LIMIT_EXCEEDED: refused before it ran) or where
// sending it again cannot change the outcome (a key, or a request that sets a state).
import type { HttpFailure } from './netSuiteError';

export type RequestClass =
	| 'readGet'
	| 'suiteQl'
	| 'tokenRequest'
	| 'createDirect'
	| 'createWithKey'
	| 'write'
	| 'addLine'
	| 'rawRead'
	| 'rawPutDelete'
	| 'rawPostPatch';

/**
 * What went wrong, as far as the client can tell. A connection closed after NetSuite applied
 * a write ("lost answer") and one closed before it arrived ("connection reset") look the same
 * from here: both are a socket closed without an answer. So the two columns must agree.
 */
export type FailureKind = 'throttled' | 'serverError' | 'connectionReset' | 'timeout' | 'lostAnswer';

export interface Cell {
	retry: boolean;
	why: string;
}

export interface RequestClassPolicy {
	/** As the README names the row. */
	label: string;
	cells: Record<FailureKind, Cell>;
}

const READ_AGAIN = 'a read changes nothing; sending it again is always safe';
const REFUSED = 'NetSuite refused it before it ran (CONCURRENCY_LIMIT_EXCEEDED): nothing was applied';

const read = (label: string, what = READ_AGAIN): RequestClassPolicy => ({
	label,
	cells: {
		throttled: { retry: true, why: REFUSED },
		serverError: { retry: true, why: what },
		connectionReset: { retry: true, why: what },
		timeout: { retry: true, why: what },
		lostAnswer: { retry: true, why: what },
	},
});

const unsafe = (label: string, risk: string): RequestClassPolicy => ({
	label,
	cells: {
		throttled: { retry: true, why: REFUSED },
		serverError: { retry: false, why: `NetSuite may have applied it; ${risk}` },
		connectionReset: { retry: false, why: `the client cannot tell whether it arrived; ${risk}` },
		timeout: { retry: false, why: `it may still be running; ${risk}` },
		lostAnswer: { retry: false, why: `it was applied; ${risk}` },
	},
});

const settles = (label: string, why: string): RequestClassPolicy => ({
	label,
	cells: {
		throttled: { retry: true, why: REFUSED },
		serverError: { retry: true, why },
		connectionReset: { retry: true, why },
		timeout: { retry: true, why },
		lostAnswer: { retry: true, why },
	},
});

export const RETRY_POLICY: Record<RequestClass, RequestClassPolicy> = {
	readGet: read('Read (GET)'),
	suiteQl: read('SuiteQL (POST, but a read)', 'a SELECT changes nothing: it is a read sent as POST'),
	tokenRequest: read(
		'Token request (M2M / OAuth2)',
		'a token request creates nothing the workflow depends on; a second token is as good as the first',
	),
	createDirect: unsafe(
		'Create (POST, One Request per Record)',
		'with an External ID in the body the node looks the record up by eid: and sends again only if it is not there; without one the item fails saying the record may exist',
	),
	createWithKey: settles(
		'Create (POST, Exactly Once: async job, idempotency key)',
		"the same key goes again: NetSuite answers 202 if the first never arrived, or 400 / 409 IDEMPOTENCY_ERROR with the first job's Location, which the node follows to the record id",
	),
	write: settles(
		'Update / upsert / delete (PATCH, PUT eid:, DELETE)',
		'it sets a state: applying it twice leaves the record as once (a DELETE that finds nothing on a retry counts as done)',
	),
	addLine: unsafe('Sublist › Add Line (PATCH without replace)', 'a second PATCH would add the lines twice'),
	rawRead: read('Raw Request GET / HEAD / OPTIONS (and POST to SuiteQL)'),
	rawPutDelete: settles('Raw Request PUT / DELETE', 'PUT and DELETE set a state: sending them twice leaves it as once'),
	rawPostPatch: unsafe('Raw Request POST / PATCH', 'a second POST could create a second record, a second PATCH add lines twice'),
};

const RESET_CODES = new Set([
	'ECONNRESET',
	'EPIPE',
	'ECONNREFUSED',
	'EAI_AGAIN',
	'ENOTFOUND',
	'UND_ERR_SOCKET',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The column a failure falls in; undefined for a 4xx answer or an error that is not NetSuite's (never retried by the table). */
export function failureKind(failure: HttpFailure): FailureKind | undefined {
	if (failure.status === 429) return 'throttled';
	if (failure.status !== undefined) return failure.status >= 500 ? 'serverError' : undefined;
	if (failure.code && TIMEOUT_CODES.has(failure.code)) return 'timeout';
	if (failure.code && RESET_CODES.has(failure.code)) return 'connectionReset';
	if (/timeout|timed out/i.test(failure.message ?? '')) return 'timeout';
	if (/socket hang up|ECONNRESET/i.test(failure.message ?? '')) return 'connectionReset';
	return undefined;
}

/** Whether the table says to send `requestClass` again after `failure`. `retryAll` adds 4xx answers (refused, so never applied). */
export function shouldRetry(requestClass: RequestClass, failure: HttpFailure, retryAll = false): boolean {
	const kind = failureKind(failure);
	if (kind) return RETRY_POLICY[requestClass].cells[kind].retry;
	return retryAll && failure.status !== undefined && failure.status >= 400 && failure.status < 500;
}

/** The request class of a Raw Request, by method (and SuiteQL, a read sent as POST). */
export function rawRequestClass(method: string, path: string): RequestClass {
	const upper = method.toUpperCase();
	if (upper === 'GET' || upper === 'HEAD' || upper === 'OPTIONS') return 'rawRead';
	if (upper === 'POST' && /^\/services\/rest\/query\/v1\/suiteql\/?$/.test(path)) return 'rawRead';
	if (upper === 'PUT' || upper === 'DELETE') return 'rawPutDelete';
	return 'rawPostPatch';
}

/** The README table, rendered from RETRY_POLICY (a test keeps the README equal to it). */
export function retryPolicyMarkdown(): string {
	const columns: Array<[FailureKind, string]> = [
		['throttled', '429'],
		['serverError', '5xx'],
		['connectionReset', 'connection reset'],
		['timeout', 'timeout'],
		['lostAnswer', 'lost answer'],
	];
	const header = `| request class | ${columns.map(([, name]) => name).join(' | ')} |`;
	const rule = `|---|${columns.map(() => '---').join('|')}|`;
	const rows = Object.values(RETRY_POLICY).map(
		(row) =>
			`| ${row.label} | ${columns.map(([kind]) => `${row.cells[kind].retry ? '**retry**' : '**no**'}: ${row.cells[kind].why}`).join(' | ')} |`,
	);
	return [header, rule, ...rows].join('\n');
}
