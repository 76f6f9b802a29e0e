// The emulator's small helpers as Oracle documents them, one test per documented example:
// serverTime (system/v1) and the record service's selectOptions operation.
import { startEmulator, type RunningEmulator } from './index';
import { tbaFetch } from './testClient';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SELECT_OPTIONS = 'application/vnd.oracle.resource+json; type=select-options';

describe('emulator serverTime and selectOptions', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());

	const call = async (method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) => {
		const response = await tbaFetch(emulator, method, path, init);
		const text = await response.text();
		return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json };
	};
	const errorCode = (body: Json) => body['o:errorDetails'][0]['o:errorCode'];
	const options = (method: string, path: string, body?: unknown) =>
		call(method, `/services/rest/record/v1${path}`, {
			headers: { accept: SELECT_OPTIONS, ...(body !== undefined && { 'content-type': 'application/json' }) },
			...(body !== undefined && { body: JSON.stringify(body) }),
		});

	it('GET system/v1/serverTime answers the server time in UTC (Oracle\'s example: {"serverTime": "2025-03-26T16:21:00.000Z"})', async () => {
		emulator.clock.freeze(new Date('2025-03-26T16:21:00.000Z'));
		try {
			expect(await call('GET', '/services/rest/system/v1/serverTime')).toEqual({
				status: 200,
				body: { serverTime: '2025-03-26T16:21:00.000Z' },
			});
		} finally {
			emulator.clock.unfreeze();
		}
	});

	it('serverTime takes GET only and, like every REST call, a valid login', async () => {
		expect((await call('POST', '/services/rest/system/v1/serverTime')).status).toBe(405);
		const anonymous = await fetch(`${emulator.baseUrl}/services/rest/system/v1/serverTime`);
		expect(anonymous.status).toBe(401);
	});

	it('POST customer?fields=entitystatus with the select-options Accept answers the options on a new record', async () => {
		const before = emulator.data.count('customer');
		const { status, body } = await options('POST', '/customer?fields=entitystatus');
		expect(status).toBe(200);
		expect(body).toEqual({
			entitystatus: [
				{ id: '13', refName: 'CUSTOMER-Closed Won' },
				{ id: '15', refName: 'CUSTOMER-Renewal' },
				{ id: '16', refName: 'CUSTOMER-Lost Customer' },
			],
		});
		expect(emulator.data.count('customer')).toBe(before);
	});

	it('PATCH customer/1?fields=entitystatus answers the options on an existing record and changes nothing', async () => {
		const row = () => emulator.data.db.all('SELECT * FROM customer WHERE id = 1')[0];
		const was = row();
		const { status, body } = await options('PATCH', '/customer/1?fields=entitystatus', { companyName: 'Not Saved' });
		expect(status).toBe(200);
		expect(body.entitystatus).toHaveLength(3);
		expect(row()).toEqual(was);
		expect((await options('PATCH', '/customer/999?fields=entitystatus')).status).toBe(404);
	});

	it("a sublist field (line.field, as in Oracle's dueToFromSubsidiary example) with dependent values in the body", async () => {
		const { status, body } = await options('POST', '/salesOrder?fields=item.item', { subsidiary: { id: 1 }, item: { items: [{}] } });
		expect(status).toBe(200);
		expect(body['item.item'].map((o: Json) => o.refName)).toEqual(['WIDGET-01', 'WIDGET-02', 'GADGET-01']);
	});

	it('a reference field lists the referenced records; several fields answer one list each', async () => {
		const { body } = await options('POST', '/customer?fields=subsidiary,entityStatus');
		expect(Object.keys(body)).toEqual(['subsidiary', 'entityStatus']);
		expect(body.subsidiary).toEqual([
			{ id: '1', refName: 'Parent Company' },
			{ id: '2', refName: 'Honeycomb Mfg. Europe' },
		]);
	});

	it('refuses a missing fields=, an unknown or non-select field, naming the query parameter', async () => {
		for (const path of ['/customer', '/customer?fields=nosuchfield', '/customer?fields=email']) {
			const { status, body } = await options('POST', path);
			expect({ path, status, code: errorCode(body), param: body['o:errorDetails'][0]['o:errorQueryParam'] }).toEqual({
				path,
				status: 400,
				code: 'INVALID_PARAMETER',
				param: 'fields',
			});
		}
		expect((await options('GET', '/customer?fields=entitystatus')).status).toBe(405);
	});
});
