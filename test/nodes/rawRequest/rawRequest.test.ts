import { createHash } from 'node:crypto';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { NetSuiteRawRequest } from '../../../nodes/NetSuiteRawRequest/NetSuiteRawRequest.node';
import { retryTiming } from '../../../nodes/shared/api/retry';
import { clearTokenCache } from '../../../nodes/shared/auth/tokenCache';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { DEMO_PDF } from '../../emulator/restlets';
import { runNode } from '../../harness';
import { credentialsFor, type Auth } from '../credentials';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('NetSuite Raw Request', () => {
	let emulator: RunningEmulator;
	const sleep = retryTiming.sleep;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());
	afterEach(() => {
		retryTiming.sleep = sleep;
		clearTokenCache();
	});

	const run = async (auth: Auth, parameters: INodeParameters, items?: INodeExecutionData[], continueOnFail = false) => {
		const result = await runNode({
			nodeType: new NetSuiteRawRequest(),
			parameters: { authentication: auth, ...parameters },
			credentials: credentialsFor(emulator, auth),
			items,
			continueOnFail,
		});
		return { ...result, json: result.items.map((i) => i.json as Json) };
	};

	describe.each(['tokenBasedAuth', 'clientCredentials'] as const)('signed with %s', (auth) => {
		it('GETs a record', async () => {
			const { json, error } = await run(auth, {
				service: 'record',
				path: '/customer/1',
				method: 'GET',
				sendQuery: true,
				queryParameters: { parameter: [{ name: 'fields', value: 'companyName,email' }] },
			});
			expect(error).toBeUndefined();
			expect(json[0]).toMatchObject({ id: '1', companyName: 'Acme Corporation', email: 'ap@acme.example' });
		});

		it('POSTs JSON, PATCHes and DELETEs a record, with the full response', async () => {
			const created = await run(auth, {
				service: 'record',
				path: '/customer',
				method: 'POST',
				sendBody: true,
				bodyType: 'json',
				jsonBody: '{"companyName": "Raw Co", "subsidiary": {"id": "1"}}',
				options: { fullResponse: true },
			});
			expect(created.json[0].statusCode).toBe(204);
			const location = String(created.json[0].headers.location);
			const id = location.split('/').pop();
			const patched = await run(auth, {
				service: 'record',
				path: `/customer/${id}`,
				method: 'PATCH',
				sendBody: true,
				bodyType: 'json',
				jsonBody: '{"email": "raw@co.example"}',
			});
			expect(patched.json[0]).toEqual({ statusCode: 204 });
			expect((await run(auth, { service: 'record', path: `/customer/${id}`, method: 'GET' })).json[0].email).toBe('raw@co.example');
			await run(auth, { service: 'record', path: `/customer/${id}`, method: 'DELETE' });
			const gone = await run(auth, {
				service: 'record',
				path: `/customer/${id}`,
				method: 'GET',
				options: { neverError: true, fullResponse: true },
			});
			expect(gone.json[0].statusCode).toBe(404);
			expect(gone.json[0].body['o:errorDetails'][0]['o:errorCode']).toBe('NONEXISTENT_ID');
		});

		it('runs SuiteQL through the Query service', async () => {
			const { json } = await run(auth, {
				service: 'query',
				path: '/suiteql',
				method: 'POST',
				sendQuery: true,
				queryParameters: { parameter: [{ name: 'limit', value: '2' }] },
				sendHeaders: true,
				headerParameters: { parameter: [{ name: 'Prefer', value: 'transient' }] },
				sendBody: true,
				bodyType: 'json',
				jsonBody: '{"q": "SELECT id FROM customer ORDER BY id"}',
			});
			expect(json[0]).toMatchObject({ count: 2, hasMore: true });
		});

		it('downloads a file from a RESTlet into a binary property', async () => {
			const { items } = await run(auth, {
				service: 'restlet',
				scriptId: 'customscript_file',
				deployId: '1',
				method: 'GET',
				responseFormat: 'binary',
				binaryPropertyName: 'pdf',
			});
			const binary = items[0].binary!.pdf;
			expect(binary.fileName).toBe('invoice-INV-2001.pdf');
			expect(binary.mimeType).toBe('application/pdf');
			expect(Buffer.from(binary.data, 'base64').equals(DEMO_PDF)).toBe(true);
		});

		it('uploads a binary file and a text field as multipart form data to a RESTlet', async () => {
			const file = Buffer.from('name,qty\nwidget,2\n');
			const { json, error } = await run(
				auth,
				{
					service: 'restlet',
					scriptId: '3',
					deployId: '1',
					method: 'POST',
					sendBody: true,
					bodyType: 'multipart',
					multipartFields: {
						field: [
							{ name: 'note', type: 'text', value: 'nightly' },
							{ name: 'upload', type: 'binary', value: 'data', fileName: 'orders.csv' },
						],
					},
				},
				[{ json: {}, binary: { data: { data: file.toString('base64'), mimeType: 'text/csv', fileName: 'x.csv' } } }],
			);
			expect(error).toBeUndefined();
			expect(json[0].received).toEqual([
				expect.objectContaining({ name: 'note', value: 'nightly' }),
				expect.objectContaining({
					name: 'upload',
					fileName: 'orders.csv',
					contentType: 'text/csv',
					size: file.length,
					sha256: createHash('sha256').update(file).digest('hex'),
				}),
			]);
		});

		it('calls a RESTlet with form fields, which TBA signs too', async () => {
			const { json } = await run(auth, {
				service: 'restlet',
				scriptId: 'customscript_echo',
				deployId: '1',
				method: 'POST',
				sendBody: true,
				bodyType: 'form',
				formFields: { parameter: [{ name: 'a b', value: 'c&d' }] },
			});
			expect(json[0]).toMatchObject({ method: 'POST', body: 'a+b=c%26d' });
		});
	});

	it('retries a flaky endpoint: 5xx twice succeeds with 2 retries and fails with 1', async () => {
		retryTiming.sleep = async () => undefined;
		const params = (maxRetries: number) => ({
			service: 'record',
			path: '/customer/1',
			method: 'GET',
			options: { maxRetries, retryDelayMs: 10 },
		});
		emulator.faults.failNext(2, 503, { path: /customer\/1$/ });
		expect((await run('tokenBasedAuth', params(2))).json[0].id).toBe('1');
		emulator.faults.failNext(2, 503, { path: /customer\/1$/ });
		const failed = await run('tokenBasedAuth', params(1));
		expect(failed.error?.message).toBe('An unexpected error occurred. [UNEXPECTED_ERROR]');
		expect(failed.error?.httpCode).toBe('503');
	});

	it('waits as long as Retry-After says on a 429', async () => {
		emulator.clearLog();
		emulator.faults.failNext(1, 429, { retryAfterSeconds: 1, path: /customer\/2$/ });
		const { json } = await run('tokenBasedAuth', { service: 'record', path: '/customer/2', method: 'GET', options: { retryDelayMs: 10 } });
		expect(json[0].id).toBe('2');
		const [first, second] = emulator.requestLog.filter((r) => r.path.endsWith('/customer/2'));
		expect(first.status).toBe(429);
		expect(second.at.getTime() - first.at.getTime()).toBeGreaterThanOrEqual(990);
	});

	it('debug output shows the request as sent with no secret in it', async () => {
		for (const auth of ['tokenBasedAuth', 'clientCredentials'] as const) {
			const { json } = await run(auth, {
				service: 'record',
				path: '/customer/1',
				method: 'GET',
				sendHeaders: true,
				headerParameters: { parameter: [{ name: 'X-Api-Key', value: 'my-own-key' }] },
				options: { debug: true },
			});
			expect(json[0].request).toMatchObject({ method: 'GET', url: `${emulator.baseUrl}/services/rest/record/v1/customer/1`, attempts: 1 });
			const text = JSON.stringify(json);
			const { tba, m2m } = emulator.credentials;
			for (const secret of [
				tba.consumerSecret,
				tba.tokenSecret,
				tba.tokenId,
				tba.consumerKey,
				m2m.privateKeyPem.split('\n')[1],
				'my-own-key',
				'oauth_signature',
				'Bearer ',
			])
				expect(text).not.toContain(secret);
		}
	});

	it.each([
		[
			{ path: 'https://evil.example/services/rest/record/v1/customer' },
			'Path "https://evil.example/services/rest/record/v1/customer" has a scheme or host',
		],
		[{ path: '//evil.example/x' }, 'has a scheme or host'],
		[{ path: '/customer/../../../etc' }, 'Path may not contain'],
		[{ service: 'other', path: '/etc/passwd' }, 'Path must start with /services/ or /app/'],
		[{ sendBody: true, bodyType: 'json', jsonBody: '{"a":', method: 'POST' }, 'JSON Body is not valid JSON'],
		[
			{ sendHeaders: true, headerParameters: { parameter: [{ name: 'authorization', value: 'Bearer x' }] } },
			'Header "authorization" cannot be set',
		],
		[{ service: 'restlet', scriptId: 'x y', deployId: '1' }, 'Script ID "x y" is not a script ID'],
	] as Array<[IDataObject, string]>)('refuses bad input %j naming the field', async (overrides, message) => {
		emulator.clearLog();
		const { error } = await run('tokenBasedAuth', {
			service: 'record',
			path: '/customer/1',
			method: 'GET',
			...overrides,
		} as INodeParameters);
		expect(error?.message).toContain(message);
		expect(emulator.requestLog).toHaveLength(0);
	});

	it('with Continue On Fail, a bad item becomes an error item and the others run', async () => {
		const { items } = await run(
			'tokenBasedAuth',
			{ service: 'record', path: '={{ $json.p }}', method: 'GET' },
			[{ json: { p: '/customer/999999' } }, { json: { p: '/customer/3' } }],
			true,
		);
		expect(items[0].json.error).toBe('Record does not exist. [NONEXISTENT_ID]');
		expect(items[1].json.id).toBe('3');
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
