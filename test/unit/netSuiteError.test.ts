import { NodeApiError, type INode } from 'n8n-workflow';

import { authFailure } from '../../nodes/shared/auth/authFailure';
import { httpFailure, toNetSuiteApiError } from '../../nodes/shared/api/netSuiteError';

const node: INode = { id: '1', name: 'NetSuite', type: 'n8n-nodes-suitetalk.netSuite', typeVersion: 1, position: [0, 0], parameters: {} };

const nsBody = (status: number, code: string, detail: string, extra: object = {}) => ({
	type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1',
	title: 'Bad Request',
	status,
	'o:errorDetails': [{ detail, 'o:errorCode': code, ...extra }],
});

describe('NetSuite errors', () => {
	it("surfaces NetSuite's detail and error code", () => {
		const error = toNetSuiteApiError(node, {
			status: 400,
			body: nsBody(400, 'USER_ERROR', 'Invalid value for the field email.', { 'o:errorPath': 'email' }),
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Invalid value for the field email. [USER_ERROR]');
		expect(error.description).toContain('NetSuite error code: USER_ERROR');
		expect(error.description).toContain('Field: email');
		expect(error.httpCode).toBe('400');
	});

	it('hints at the role on 403', () => {
		const error = toNetSuiteApiError(node, {
			status: 403,
			body: nsBody(403, 'INSUFFICIENT_PERMISSION', 'Permission Violation: You need a higher level of the Customers permission.'),
		});
		expect(error.description).toMatch(/role .* lacks a permission/);
	});

	it('hints at subsidiary when NetSuite says it is missing', () => {
		const error = toNetSuiteApiError(node, { status: 400, body: nsBody(400, 'USER_ERROR', 'Please enter value(s) for: Subsidiary') });
		expect(error.description).toContain('OneWorld account: set Subsidiary');
	});

	it('finds status, body and headers in an axios-shaped error wrapped by n8n, and never the request', () => {
		const axiosLike = Object.assign(new Error('Request failed with status code 429'), {
			config: { headers: { Authorization: 'Bearer secret-token-value' } },
			response: {
				status: 429,
				headers: { 'retry-after': '2' },
				data: JSON.stringify(nsBody(429, 'CONCURRENCY_LIMIT_EXCEEDED', 'Concurrent request limit exceeded. Request blocked.')),
			},
		});
		const wrapped = Object.assign(new Error('wrapped'), { cause: axiosLike });
		const failure = httpFailure(wrapped);
		expect(failure.status).toBe(429);
		expect(failure.headers).toEqual({ 'retry-after': '2' });
		const error = toNetSuiteApiError(node, failure);
		expect(error.message).toContain('CONCURRENCY_LIMIT_EXCEEDED');
		expect(JSON.stringify({ ...error, message: error.message, description: error.description })).not.toContain('secret-token-value');
	});

	it("explains a network failure in n8n's words when there is no response", () => {
		const error = toNetSuiteApiError(node, httpFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })));
		expect(error.message).toMatch(/connection to the server was closed unexpectedly/);
	});
});

describe('NetSuite errors on n8n 2.8', () => {
	const body = nsBody(404, 'NONEXISTENT_ID', 'Record does not exist.');

	it("reads NetSuite's detail from error.context.data, where n8n 2.8 keeps the body, with httpCode set", () => {
		// n8n 2.8 wraps axios's error in a NodeApiError whose `cause` does not survive; only httpCode and context.data do.
		const n8n28 = Object.assign(new Error('The resource you are requesting could not be found'), {
			httpCode: '404',
			context: { data: body },
		});
		const failure = httpFailure(n8n28);
		expect(failure).toMatchObject({ status: 404, body });
		const error = toNetSuiteApiError(node, failure);
		expect(error.message).toBe('Record does not exist. [NONEXISTENT_ID]');
		expect(error.httpCode).toBe('404');
	});

	it('keeps httpCode and the body when the routing engine re-wraps the error (as n8n 2.8 does when its NodeApiError is another copy)', () => {
		const ours = toNetSuiteApiError(node, { status: 400, body: nsBody(400, 'USER_ERROR', 'Please enter value(s) for: Subsidiary') });
		// What n8n-core's routing-node.js does with an error it does not recognise as its own NodeApiError:
		const shaped = ours as unknown as { isAxiosError?: boolean; response?: { status: number; data: object } };
		const httpCode = shaped.isAxiosError && shaped.response ? String(shaped.response.status) : 'none';
		const rewrapped = new NodeApiError(node, { ...shaped, message: ours.message } as never, {
			message: ours.message,
			description: ours.description ?? undefined,
			httpCode,
		});
		expect(rewrapped.httpCode).toBe('400');
		expect(rewrapped.message).toBe('Please enter value(s) for: Subsidiary [USER_ERROR]');
	});

	it('sets httpCode for a failure without an answer too', () => {
		expect(toNetSuiteApiError(node, { code: 'ECONNRESET' }).httpCode).toBe('ECONNRESET');
	});
});

describe('an OAuth2 refresh NetSuite refuses, as each n8n version reports it', () => {
	it.each([
		[
			'n8n 2.40 (NodeOperationError, credential-invalid)',
			Object.assign(new Error('The credential "NetSuite" needs to be reconnected.'), { failure: { cause: 'credential-invalid' } }),
		],
		[
			'n8n 2.8 (NodeApiError around client-oauth2 AuthError)',
			new Error(
				'The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
			),
		],
		['client-oauth2 AuthError itself', Object.assign(new Error('invalid grant'), { code: 'EAUTH', body: { error: 'invalid_grant' } })],
	])('%s says to reconnect', (_name, error) => {
		expect(authFailure(node, error)?.message).toMatch(/Open the NetSuite OAuth2 credential and click Reconnect/);
	});

	it('leaves other errors alone', () => {
		expect(authFailure(node, Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBeUndefined();
	});
});
