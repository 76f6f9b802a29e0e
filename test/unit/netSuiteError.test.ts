import { NodeApiError, type INode } from 'n8n-workflow';

import { httpFailure, toNetSuiteApiError } from '../../nodes/shared/netSuiteError';

const node: INode = { id: '1', name: 'NetSuite', type: 'n8n-nodes-suitetalk.netSuite', typeVersion: 1, position: [0, 0], parameters: {} };

const nsBody = (status: number, code: string, detail: string, extra: object = {}) => ({
	type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1',
	title: 'Bad Request',
	status,
	'o:errorDetails': [{ detail, 'o:errorCode': code, ...extra }],
});

describe('NetSuite errors', () => {
	it("surfaces NetSuite's detail and error code", () => {
		const error = toNetSuiteApiError(node, { status: 400, body: nsBody(400, 'USER_ERROR', 'Invalid value for the field email.', { 'o:errorPath': 'email' }) });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Invalid value for the field email. [USER_ERROR]');
		expect(error.description).toContain('NetSuite error code: USER_ERROR');
		expect(error.description).toContain('Field: email');
		expect(error.httpCode).toBe('400');
	});

	it('hints at the role on 403', () => {
		const error = toNetSuiteApiError(node, { status: 403, body: nsBody(403, 'INSUFFICIENT_PERMISSION', 'Permission Violation: You need a higher level of the Customers permission.') });
		expect(error.description).toMatch(/role .* lacks a permission/);
	});

	it('hints at subsidiary when NetSuite says it is missing', () => {
		const error = toNetSuiteApiError(node, { status: 400, body: nsBody(400, 'USER_ERROR', 'Please enter value(s) for: Subsidiary') });
		expect(error.description).toContain('OneWorld account: set Subsidiary');
	});

	it('finds status, body and headers in an axios-shaped error wrapped by n8n, and never the request', () => {
		const axiosLike = Object.assign(new Error('Request failed with status code 429'), {
			config: { headers: { Authorization: 'Bearer secret-token-value' } },
			response: { status: 429, headers: { 'retry-after': '2' }, data: JSON.stringify(nsBody(429, 'CONCURRENCY_LIMIT_EXCEEDED', 'Concurrent request limit exceeded. Request blocked.')) },
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
