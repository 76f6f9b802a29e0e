// The emulator's attach and detach as Oracle's "Attach and Detach Operations" shows them (the
// assumptions are listed in data/attach.ts): one test per documented example, then the rules.
import { startEmulator, type RunningEmulator } from './index';
import { tbaFetch } from './testClient';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('emulator attach and detach', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());

	const post = async (path: string, body?: unknown, method = 'POST') => {
		const response = await tbaFetch(
			emulator,
			method,
			`/services/rest/record/v1${path}`,
			body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
		);
		const text = await response.text();
		return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json };
	};
	const attachments = () => emulator.data.db.all('SELECT * FROM attachment ORDER BY recordtype, recordid, attachedtype, attachedid');
	const codeOf = (body: Json) => body['o:errorDetails'][0]['o:errorCode'];

	it('attaches a contact to a customer with a role ({"role": {"id": "-10"}}), answering 204', async () => {
		expect(await post('/customer/1/!attach/contact/1', { role: { id: '-10' } })).toEqual({ status: 204, body: undefined });
		expect(attachments()).toContainEqual({ recordtype: 'customer', recordid: 1, attachedtype: 'contact', attachedid: 1, role: '-10' });
	});

	it('attaches with an empty body or {}, and again to change the role', async () => {
		expect((await post('/customer/2/!attach/contact/3')).status).toBe(204);
		expect((await post('/customer/3/!attach/contact/3', {})).status).toBe(204);
		expect((await post('/customer/3/!attach/contact/3', { role: { id: '2' } })).status).toBe(204);
		expect(attachments().filter((a) => a.attachedid === 3 && a.attachedtype === 'contact')).toEqual([
			{ recordtype: 'customer', recordid: 2, attachedtype: 'contact', attachedid: 3, role: null },
			{ recordtype: 'customer', recordid: 3, attachedtype: 'contact', attachedid: 3, role: '2' },
		]);
	});

	it('attaches a file to a transaction with an empty body (Oracle: a file to an opportunity)', async () => {
		expect((await post('/salesOrder/101/!attach/file/1')).status).toBe(204);
		expect(attachments()).toContainEqual({ recordtype: 'salesOrder', recordid: 101, attachedtype: 'file', attachedid: 1, role: null });
	});

	it('takes external IDs on both sides', async () => {
		expect((await post('/customer/eid:CRM-1004/!attach/contact/eid:CON-1')).status).toBe(204);
		// The seeded invoice has no external ID yet: NetSuite's 404 for the record attached to.
		expect((await post('/invoice/eid:INV-2001/!attach/file/eid:FILE-2')).status).toBe(404);
		emulator.data.db.run(`UPDATE "transaction" SET externalid = 'INV-2001' WHERE id = 201`);
		expect((await post('/invoice/eid:INV-2001/!attach/file/eid:FILE-2')).status).toBe(204);
		expect(attachments()).toContainEqual({ recordtype: 'customer', recordid: 5, attachedtype: 'contact', attachedid: 1, role: null });
		expect(attachments()).toContainEqual({ recordtype: 'invoice', recordid: 201, attachedtype: 'file', attachedid: 2, role: null });
	});

	it('detaches a contact from a customer; detaching what is not attached changes nothing', async () => {
		expect((await post('/customer/6/!detach/contact/2')).status).toBe(204);
		expect(attachments().filter((a) => a.recordid === 6)).toEqual([]);
		expect((await post('/customer/6/!detach/contact/2')).status).toBe(204);
	});

	it('refuses what REST does not attach, a missing record, a role on a file, an unknown role, and GET', async () => {
		const cases: Array<[string, unknown, number, string]> = [
			['/customer/1/!attach/item/1', undefined, 400, 'INVALID_REQUEST'],
			['/salesOrder/101/!attach/contact/1', undefined, 400, 'INVALID_REQUEST'],
			['/customrecord_demo_project/1/!attach/file/1', undefined, 400, 'INVALID_REQUEST'],
			['/customer/1/!attach/contact/99', undefined, 400, 'USER_ERROR'],
			['/customer/1/!attach/file/eid:NOPE', undefined, 400, 'USER_ERROR'],
			['/customer/999/!attach/contact/1', undefined, 404, 'NONEXISTENT_ID'],
			['/salesOrder/101/!attach/file/2', { role: { id: '-10' } }, 400, 'INVALID_CONTENT'],
			['/customer/1/!attach/contact/2', { role: { id: '77' } }, 400, 'INVALID_CONTENT'],
		];
		for (const [path, body, status, code] of cases) {
			const answer = await post(path, body);
			expect({ path, status: answer.status, code: codeOf(answer.body) }).toEqual({ path, status, code });
		}
		expect((await post('/customer/1/!attach/contact/1', undefined, 'GET')).status).toBe(405);
	});
});
