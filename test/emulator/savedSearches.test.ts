// The emulator's saved searches over HTTP, as Oracle's "Using Saved Search in REST Web Services"
// describes them (the assumptions are listed in data/savedSearches.ts).
import { startEmulator, type RunningEmulator } from './index';
import { tbaFetch } from './testClient';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BASE = '/services/rest/query/v1/savedsearch';

describe('emulator saved searches', () => {
	let emulator: RunningEmulator;
	// 10 seeded customers + 24,990 generated: the contacts search has 25,000 rows.
	beforeAll(async () => (emulator = await startEmulator({ port: 0, seedCustomers: 24_990 })));
	afterAll(async () => await emulator.stop());

	const get = async (path: string, method = 'GET') => {
		const response = await tbaFetch(emulator, method, `${BASE}${path}`);
		const text = await response.text();
		return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json };
	};
	const errorCode = (body: Json) => body['o:errorDetails'][0]['o:errorCode'];

	it('lists the saved searches the role may use, each with its record type, in the collection envelope', async () => {
		const { status, body } = await get('');
		expect(status).toBe(200);
		expect(body).toMatchObject({ count: 4, hasMore: false, offset: 0, totalResults: 4 });
		expect(body.items.map(({ id, scriptId, name, recordType }: Json) => ({ id, scriptId, name, recordType }))).toEqual([
			{ id: '11', scriptId: 'customsearch_open_sales_orders', name: 'Open Sales Orders', recordType: 'transaction' },
			{ id: '12', scriptId: 'customsearch_sales_by_customer', name: 'Sales by Customer (summary)', recordType: 'transaction' },
			{ id: '13', scriptId: 'customsearch_customer_contacts', name: 'Customer Contacts', recordType: 'customer' },
			{ id: '15', scriptId: 'customsearch_item_prices_by_type', name: 'Item Prices by Type (summary)', recordType: 'item' },
		]);
	});

	it('pages the list (Collection Paging): limit and offset, hasMore and the next link', async () => {
		const first = await get('?limit=2&offset=0');
		expect(first.body).toMatchObject({ count: 2, hasMore: true, totalResults: 4 });
		expect(first.body.links.find((l: Json) => l.rel === 'next').href).toContain('limit=2&offset=2');
		const second = await get('?limit=2&offset=2');
		expect(second.body.items.map((i: Json) => i.id)).toEqual(['13', '15']);
		expect(second.body.hasMore).toBe(false);
	});

	it('runs a search by internal ID and by script ID alike: columns as NetSuite names them, joins, nulls', async () => {
		const byId = await get('/11/result');
		const byScriptId = await get('/customsearch_open_sales_orders/result');
		expect(byId.status).toBe(200);
		expect(byScriptId.body.items).toEqual(byId.body.items);
		expect(byId.body.items[0]).toEqual({
			tranid: 'SO-1001',
			trandate: expect.any(String),
			entity: 'Acme Corporation',
			status: 'B',
			'customerMain.email': 'ap@acme.example',
			memo: null,
		});
		expect(byId.body.items.map((r: Json) => r.tranid)).toEqual(['SO-1001', 'SO-1002', 'SO-1003']);
	});

	it('answers summary and formula columns, one row per group', async () => {
		const { body } = await get('/customsearch_sales_by_customer/result');
		expect(body.items).toEqual([
			{ 'GROUP(entity)': 'Acme Corporation', 'COUNT(tranid)': '1', 'SUM(amount)': '170', 'SUM(formulacurrency)': '204' },
			{ 'GROUP(entity)': 'Globex Inc', 'COUNT(tranid)': '1', 'SUM(amount)': '258', 'SUM(formulacurrency)': '309.6' },
			{ 'GROUP(entity)': 'Initech LLC', 'COUNT(tranid)': '1', 'SUM(amount)': '55', 'SUM(formulacurrency)': '66' },
		]);
	});

	it('pages a 25,000-row search at 1000 rows a page: every row once, in order', async () => {
		const ids: string[] = [];
		for (let offset = 0; ; offset += 1000) {
			const { body } = await get(`/13/result?limit=1000&offset=${offset}`);
			expect(body.totalResults).toBe(25_000);
			ids.push(...body.items.map((r: Json) => r.internalid));
			if (!body.hasMore) break;
		}
		expect(ids).toHaveLength(25_000);
		expect(new Set(ids).size).toBe(25_000);
		expect(ids.slice(0, 2)).toEqual(['1', '2']);
		expect(ids.at(-1)).toBe('25990');
	});

	it('refuses what NetSuite refuses: a limit past 1000, an offset off the page grid, a write', async () => {
		const tooBig = await get('/13/result?limit=1001');
		expect([tooBig.status, errorCode(tooBig.body), tooBig.body['o:errorDetails'][0]['o:errorQueryParam']]).toEqual([
			400,
			'INVALID_PARAMETER',
			'limit',
		]);
		const offGrid = await get('/13/result?limit=100&offset=50');
		expect([offGrid.status, offGrid.body['o:errorDetails'][0]['o:errorQueryParam']]).toEqual([400, 'offset']);
		expect((await get('', 'POST')).status).toBe(405);
		expect((await get('/11/result', 'DELETE')).status).toBe(405);
	});

	it("a missing search, and one outside the role's audience, answer 404 alike", async () => {
		for (const path of ['/999/result', '/customsearch_nope/result', '/14/result', '/customsearch_payroll_private/result', '/11']) {
			const { status, body } = await get(path);
			expect({ path, status, code: errorCode(body) }).toEqual({ path, status: 404, code: 'NONEXISTENT_ID' });
		}
	});
});
