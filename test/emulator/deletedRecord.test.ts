import { startEmulator, type RunningEmulator } from './index';
import { suiteQl, tbaFetch } from './testClient';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('emulator DeletedRecord', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());
	const send = (method: string, path: string, body?: object) =>
		tbaFetch(
			emulator,
			method,
			`/services/rest/record/v1/${path}`,
			body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {},
		);

	it("logs a delete at the clock's second, with its type, id, who and how, and SuiteQL reads it", async () => {
		emulator.clock.freeze('2030-05-06T07:08:09Z');
		const created = await send('POST', 'customer', { companyName: 'Short Lived', externalId: 'short-1', subsidiary: { id: '1' } });
		const id = created.headers.get('location')!.split('/').pop()!;
		expect((await send('DELETE', `customer/${id}`)).status).toBe(204);
		const response = await suiteQl(
			emulator,
			"SELECT recordid, type, TO_CHAR(deleteddate, 'YYYY-MM-DD HH24:MI:SS') AS deleted, deletedby, context, name, externalid FROM DeletedRecord WHERE type = ? AND recordid = ?",
			['customer', id],
		);
		const body = (await response.json()) as Json;
		expect(body.items).toEqual([
			{
				links: [],
				recordid: id,
				type: 'customer',
				deleted: '2030-05-06 07:08:09',
				deletedby: '-5',
				context: 'RESTWEBSERVICES',
				name: 'Short Lived',
				externalid: 'short-1',
			},
		]);
		emulator.clock.unfreeze();
	});

	it("never gives a deleted record's id to a new record, as NetSuite never does", async () => {
		const first = (await send('POST', 'customer', { companyName: 'Newest', subsidiary: { id: '1' } })).headers
			.get('location')!
			.split('/')
			.pop()!;
		await send('DELETE', `customer/${first}`);
		const second = (await send('POST', 'customer', { companyName: 'After It', subsidiary: { id: '1' } })).headers
			.get('location')!
			.split('/')
			.pop()!;
		expect(Number(second)).toBeGreaterThan(Number(first));
	});
});
