import { bindConstants } from './data/suiteql';
import { startEmulator, type RunningEmulator } from './index';
import { suiteQl, tbaFetch } from './testClient';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('emulator SuiteQL', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0, seedCustomers: 200_000 })), 60_000);
	afterAll(async () => await emulator.stop());
	const query = async (q: string, params: unknown[] = [], limit = 1000, offset = 0) => {
		const response = await suiteQl(emulator, q, params, limit, offset);
		return { status: response.status, body: (await response.json()) as Json };
	};

	it("answers in NetSuite's envelope with lower-case columns and string values", async () => {
		const { body } = await query('SELECT id, companyName, subsidiary FROM customer WHERE id <= ? ORDER BY id', [2], 1);
		expect(body).toMatchObject({ count: 1, hasMore: true, offset: 0, totalResults: 2 });
		expect(body.items[0]).toEqual({ links: [], id: '1', companyname: 'Acme Corporation', subsidiary: '1' });
		expect(body.links.map((l: Json) => l.rel)).toEqual(['self', 'next']);
	});

	it('runs the Oracle date functions the nodes use, on the test clock', async () => {
		emulator.clock.freeze('2030-03-04T05:06:07Z');
		await tbaFetch(emulator, 'PATCH', '/services/rest/record/v1/customer/5', {
			body: JSON.stringify({ phone: '1' }),
			headers: { 'content-type': 'application/json' },
		});
		const { body } = await query(
			`SELECT id, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS modified FROM customer
			 WHERE lastmodifieddate >= TO_TIMESTAMP(?, 'YYYY-MM-DD HH24:MI:SS') ORDER BY lastmodifieddate, id FETCH FIRST 5 ROWS ONLY`,
			['2030-03-04 05:06:07'],
		);
		expect(body.items).toEqual([{ links: [], id: '5', modified: '2030-03-04 05:06:07' }]);
		expect((await query("SELECT TO_CHAR(SYSDATE, 'YYYY-MM-DD HH24:MI:SS') AS now FROM DUAL")).body.items[0].now).toBe(
			'2030-03-04 05:06:07',
		);
		emulator.clock.unfreeze();
	});

	it('joins transactions and lines', async () => {
		const { body } = await query(
			"SELECT t.tranid, BUILTIN.DF(t.entity) AS customer, COUNT(l.id) AS lines FROM transaction t JOIN transactionline l ON l.transaction = t.id WHERE t.type = 'SalesOrd' AND t.id = ? GROUP BY t.tranid, t.entity",
			[101],
		);
		expect(body.items).toEqual([{ links: [], tranid: 'SO-1001', customer: '1', lines: '2' }]);
	});

	it("reads TO_TIMESTAMP of a bound value once, keeps '?' inside quoted text, and answers the same rows", async () => {
		const sql =
			"SELECT '?' AS q FROM customer WHERE lastmodifieddate >= TO_TIMESTAMP(?, 'YYYY-MM-DD HH24:MI:SS') AND id > ? AND name <> 'it''s ?'";
		expect(bindConstants(sql, ['2031-01-01 08:00:00', 5], (v) => `parsed ${v}`)).toEqual({
			sql: "SELECT '?' AS q FROM customer WHERE lastmodifieddate >= ? AND id > ? AND name <> 'it''s ?'",
			params: ['parsed 2031-01-01 08:00:00', 5],
		});
		const q = "SELECT id FROM customer WHERE datecreated >= TO_TIMESTAMP(?, 'YYYY-MM-DD HH24:MI:SS') AND id <= ? ORDER BY id";
		expect((await query(q, ['2000-01-01 00:00:00', 3])).body.items.map((i: Json) => i.id)).toEqual(['1', '2', '3']);
		expect((await query(q, ['2999-01-01 00:00:00', 3])).body.items).toEqual([]);
	});

	it('reports a syntax error as NetSuite does', async () => {
		const { status, body } = await query('SELEC id FROM customer');
		expect(status).toBe(400);
		expect(body['o:errorDetails'][0]['o:errorCode']).toBe('INVALID_PARAMETER');
		const bad = await query('SELECT nope FROM customer');
		expect(bad.body['o:errorDetails'][0].detail).toMatch(/^Invalid search query\. .*no such column: nope/);
	});

	it('requires Prefer: transient', async () => {
		const response = await tbaFetch(emulator, 'POST', '/services/rest/query/v1/suiteql', {
			body: JSON.stringify({ q: 'SELECT 1 FROM DUAL' }),
			headers: { 'content-type': 'application/json' },
		});
		expect(response.status).toBe(400);
	});

	it('pages 200,000 seeded rows up to the 100,000-row offset cap and no further', async () => {
		const q = 'SELECT id FROM customer ORDER BY id';
		const last = await query(q, [], 1000, 99_000);
		expect(last.status).toBe(200);
		expect(last.body).toMatchObject({ count: 1000, hasMore: true, totalResults: 200_010 });
		const past = await query(q, [], 1000, 100_000);
		expect(past.status).toBe(400);
		expect(past.body['o:errorDetails'][0].detail).toContain('100000');
		const byKey = await query('SELECT * FROM (SELECT id FROM customer) WHERE id > ? ORDER BY id', ['150000'], 2);
		expect(byKey.body.items.map((i: Json) => i.id)).toEqual(['150001', '150002']);
	}, 60_000);
});
