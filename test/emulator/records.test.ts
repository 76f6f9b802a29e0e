import { startEmulator, type RunningEmulator } from './index';
import { suiteQl, tbaFetch, waitForJob } from './testClient';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('emulator record service', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
	afterAll(async () => await emulator.stop());

	const rest = async (method: string, path: string, body?: unknown) => {
		const response = await tbaFetch(
			emulator,
			method,
			`/services/rest/record/v1${path}`,
			body === undefined
				? {}
				: { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } },
		);
		const text = await response.text();
		return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as Json };
	};
	const errorCode = (body: Json) => body['o:errorDetails'][0]['o:errorCode'];
	const ids = (body: Json) => body.items.map((i: Json) => i.id);

	it("lists a collection with NetSuite's envelope, paging by limit and offset", async () => {
		const page = await rest('GET', '/customer?limit=3&offset=3');
		expect(page.status).toBe(200);
		expect(page.body).toMatchObject({ count: 3, hasMore: true, offset: 3, totalResults: 10 });
		expect(ids(page.body)).toEqual(['4', '5', '6']);
		expect(page.body.links.map((l: Json) => l.rel)).toEqual(expect.arrayContaining(['self', 'next', 'prev']));
	});

	it('serves each item under its own REST type only: the subtype and lot columns decide, another type answers 404 (issue 22)', async () => {
		// Seed: 6 a resale service, 7 a purchase non-inventory item, 8 a lot-numbered inventory item, 9 a ship item.
		for (const [type, id] of [
			['serviceResaleItem', '6'],
			['nonInventoryPurchaseItem', '7'],
			['lotNumberedInventoryItem', '8'],
			['shipItem', '9'],
		])
			expect(await rest('GET', `/${type}/${id}`)).toMatchObject({ status: 200, body: { id } });
		for (const [type, id] of [
			['nonInventorySaleItem', '7'],
			['inventoryItem', '8'],
			['nonInventorySaleItem', '6'],
			['lotNumberedInventoryItem', '1'],
		]) {
			const wrong = await rest('GET', `/${type}/${id}`);
			expect([wrong.status, errorCode(wrong.body)]).toEqual([404, 'NONEXISTENT_ID']);
		}
		expect(ids((await rest('GET', '/inventoryItem')).body)).toEqual(['1', '2', '3']);
		const created = await rest('POST', '/serviceResaleItem', { itemId: 'NEW-RESALE' });
		const id = created.headers.get('location')!.split('/').pop();
		const query = await suiteQl(emulator, 'SELECT itemtype, subtype, islotitem, isserialitem FROM item WHERE id = ?', [id]);
		const [row] = ((await query.json()) as Json).items;
		expect(row).toMatchObject({ itemtype: 'Service', subtype: 'Resale', islotitem: 'F', isserialitem: 'F' });
		await rest('DELETE', `/serviceResaleItem/${id}`);
	});

	it('refuses an offset that is not a multiple of the limit, and a limit over 1000', async () => {
		expect(errorCode((await rest('GET', '/customer?limit=3&offset=2')).body)).toBe('INVALID_PARAMETER');
		expect((await rest('GET', '/customer?limit=1001')).status).toBe(400);
	});

	it.each([
		['companyName START_WITH "Ac"', ['1']],
		['companyName CONTAIN "corp"', ['1', '4', '10']],
		['email END_WITH "@hooli.example"', ['7']],
		['id ANY_OF [2, 3]', ['2', '3']],
		['id BETWEEN [8, 9]', ['8', '9']],
		['id GREATER 8', ['9', '10']],
		['subsidiary EQUAL 2 AND custentity_segment IS "enterprise"', ['5', '10']],
		['id EQUAL 1 OR id EQUAL 2 AND companyName START_WITH "X"', ['1']],
		['(id EQUAL 1 OR id EQUAL 2) AND companyName START_WITH "G"', ['2']],
		['comments EMPTY AND id LESS 3', ['1', '2']],
		['dateCreated ON_OR_AFTER "1/1/2019"', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']],
		['dateCreated BEFORE "1/1/2019"', []],
		['dateCreated AFTER "1/1/2999"', []],
	])('filters with q = %s', async (q, expected) => {
		const page = await rest('GET', `/customer?q=${encodeURIComponent(q)}`);
		expect(page.status).toBe(200);
		expect(ids(page.body)).toEqual(expected);
	});

	it('refuses a q on an unknown field', async () => {
		const page = await rest('GET', `/customer?q=${encodeURIComponent('nope EQUAL 1')}`);
		expect(page.status).toBe(400);
		expect(page.body['o:errorDetails'][0].detail).toContain("Field 'nope'");
	});

	it('gets a record by id or eid:, with references, sublists expanded on request, enums and fields', async () => {
		const byEid = await rest('GET', '/customer/eid:CRM-1000');
		expect(byEid.body).toMatchObject({ id: '1', companyName: 'Acme Corporation', subsidiary: { id: '1', refName: 'Parent Company' } });
		expect(byEid.body.dateCreated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		const order = await rest('GET', '/salesOrder/101?expandSubResources=true');
		expect(order.body.status).toEqual({ id: 'B', refName: 'Pending Fulfillment' });
		expect(order.body.item.items.map((l: Json) => l.item.id)).toEqual(['1', '4']);
		expect((await rest('GET', '/salesOrder/101')).body.item).toEqual({ links: [expect.objectContaining({ rel: 'self' })] });
		const simple = (await rest('GET', '/salesOrder/101?simpleEnumFormat=true')).body;
		expect(simple.status).toBe('B');
		// Only enums change: references keep their object, as in NetSuite.
		expect(simple.entity).toEqual(order.body.entity);
		expect(simple.entity).toMatchObject({ id: expect.any(String), refName: expect.any(String) });
		expect(Object.keys((await rest('GET', '/customer/1?fields=email')).body).sort()).toEqual(['email', 'id', 'links']);
	});

	it('answers 404 NONEXISTENT_ID for a missing record and 400 for an unknown type', async () => {
		const missing = await rest('GET', '/customer/99999');
		expect(missing.status).toBe(404);
		expect(errorCode(missing.body)).toBe('NONEXISTENT_ID');
		expect((await rest('GET', '/notARecord/1')).status).toBe(400);
	});

	it('creates with 204 and Location, validates required fields, subsidiary, references and unknown fields', async () => {
		const created = await rest('POST', '/customer', { companyName: 'New Co', subsidiary: { id: '1' }, custentity_segment: 'smb' });
		expect(created.status).toBe(204);
		const id = created.headers.get('location')!.split('/').pop();
		expect((await rest('GET', `/customer/${id}`)).body).toMatchObject({ companyName: 'New Co', custentity_segment: 'smb' });
		const noSubsidiary = await rest('POST', '/customer', { companyName: 'X' });
		expect(noSubsidiary.body['o:errorDetails'][0]).toMatchObject({
			detail: 'Please enter value(s) for: Subsidiary',
			'o:errorCode': 'USER_ERROR',
		});
		expect(errorCode((await rest('POST', '/customer', { subsidiary: { id: '1' } })).body)).toBe('USER_ERROR');
		expect((await rest('POST', '/customer', { companyName: 'X', subsidiary: { id: '77' } })).body['o:errorDetails'][0].detail).toContain(
			'Invalid Field Value',
		);
		expect(errorCode((await rest('POST', '/customer', { companyName: 'X', subsidiary: { id: '1' }, bogus: 1 })).body)).toBe(
			'INVALID_CONTENT',
		);
		expect(errorCode((await rest('POST', '/customer', '{not json')).body)).toBe('INVALID_CONTENT');
	});

	it('makes a record created over REST visible to SuiteQL at once', async () => {
		await rest('POST', '/customer', { companyName: 'Visible Immediately Ltd', subsidiary: { id: '2' } });
		const body = (await (
			await suiteQl(emulator, 'SELECT id, companyname FROM customer WHERE companyname = ?', ['Visible Immediately Ltd'])
		).json()) as Json;
		expect(body.items).toHaveLength(1);
		expect(body.items[0].companyname).toBe('Visible Immediately Ltd');
	});

	it('PATCH changes only the given fields, null clears, lines are added, replace= replaces them', async () => {
		emulator.clock.advance(60_000);
		expect((await rest('PATCH', '/customer/2', { phone: '555-9999', comments: null })).status).toBe(204);
		const customer = (await rest('GET', '/customer/2')).body;
		expect(customer).toMatchObject({ phone: '555-9999', email: 'billing@globex.example' });
		expect(customer.lastModifiedDate).not.toBe(customer.dateCreated);
		await rest('PATCH', '/salesOrder/103', { item: { items: [{ item: { id: '2' }, quantity: 1 }] } });
		expect((await rest('GET', '/salesOrder/103/item')).body.items).toHaveLength(2);
		await rest('PATCH', '/salesOrder/103?replace=item', { item: { items: [{ item: { id: '3' }, quantity: 4 }] } });
		const lines = (await rest('GET', '/salesOrder/103/item')).body.items;
		expect(lines.map((l: Json) => [l.item.id, l.quantity])).toEqual([['3', 4]]);
		await rest('PATCH', '/customer/3?replaceSelectedFields=true&replace=phone', {});
		expect((await rest('GET', '/customer/3')).body.phone).toBeUndefined();
	});

	it('upserts by PUT on eid: without making a duplicate, and refuses PUT on a numeric id', async () => {
		const first = await rest('PUT', '/customer/eid:UPSERT-1', { companyName: 'Upsert Ltd', subsidiary: { id: '1' } });
		const second = await rest('PUT', '/customer/eid:UPSERT-1', { companyName: 'Upsert Ltd (renamed)', subsidiary: { id: '1' } });
		expect(first.headers.get('location')).toBe(second.headers.get('location'));
		expect((await rest('GET', '/customer/eid:UPSERT-1')).body.companyName).toBe('Upsert Ltd (renamed)');
		expect((await rest('PUT', '/customer/1', { companyName: 'x' })).status).toBe(400);
	});

	it('an upsert that finds its sales order adds the body lines, or with replace=item replaces them', async () => {
		const order = (rate: number) => ({
			entity: { id: '1' },
			otherRefNum: '#1001',
			shipMethod: { id: '9' },
			shippingCost: 4.5,
			item: { items: [{ item: { id: '1' }, quantity: 2, rate, amount: 2 * rate - 1, isTaxable: true }] },
		});
		expect((await rest('PUT', '/salesOrder/eid:SHOP-1001', order(9.5))).status).toBe(204);
		await rest('PUT', '/salesOrder/eid:SHOP-1001', order(9.5));
		expect((await rest('GET', '/salesOrder/eid:SHOP-1001/item')).body.items).toHaveLength(2);
		await rest('PUT', '/salesOrder/eid:SHOP-1001?replace=item', order(10));
		const lines = (await rest('GET', '/salesOrder/eid:SHOP-1001/item')).body.items;
		expect(lines.map((l: Json) => [l.item.id, l.quantity, l.rate, l.amount, l.isTaxable])).toEqual([['1', 2, 10, 19, true]]);
		const header = (await rest('GET', '/salesOrder/eid:SHOP-1001')).body;
		expect(header).toMatchObject({ otherRefNum: '#1001', shippingCost: 4.5, shipMethod: { id: '9' } });
	});

	it('deletes, after which the record is gone', async () => {
		const created = await rest('POST', '/customer', { companyName: 'Doomed', subsidiary: { id: '1' } });
		const path = `/customer/${created.headers.get('location')!.split('/').pop()}`;
		expect((await rest('DELETE', path)).status).toBe(204);
		expect((await rest('GET', path)).status).toBe(404);
	});

	it('serves sublist lines and one line', async () => {
		expect((await rest('GET', '/salesOrder/101/item/2')).body).toMatchObject({ line: 2, quantity: 1, item: { id: '4' } });
		expect((await rest('GET', '/salesOrder/101/item/9')).status).toBe(404);
	});

	it('transforms a sales order into an item fulfillment that points back at it', async () => {
		const result = await rest('POST', '/salesOrder/101/!transform/itemFulfillment', {});
		expect(result.status).toBe(204);
		const fulfillment = (await rest('GET', `/itemFulfillment/${result.headers.get('location')!.split('/').pop()}?expandSubResources=true`))
			.body;
		expect(fulfillment.createdFrom.id).toBe('101');
		expect(fulfillment.item.items).toHaveLength(2);
	});

	it('runs a create with Prefer: respond-async as a job whose task result names the record', async () => {
		const headers = { 'content-type': 'application/json', prefer: 'respond-async', 'x-netsuite-idempotency-key': 'job-key-1' };
		const accepted = await tbaFetch(emulator, 'POST', '/services/rest/record/v1/customer', {
			body: JSON.stringify({ companyName: 'Async Co', subsidiary: { id: '1' } }),
			headers,
		});
		expect(accepted.status).toBe(202);
		expect(accepted.headers.get('preference-applied')).toBe('respond-async');
		const job = accepted.headers.get('location')!;
		expect(job).toMatch(/^\/services\/rest\/async\/v1\/job\/\d+$/);
		await waitForJob(emulator, job);
		const status = (await (await tbaFetch(emulator, 'GET', job)).json()) as Json;
		expect(status).toMatchObject({ completed: true, progress: 'succeeded', task: { links: [{ rel: 'self' }] } });
		const tasks = (await (await tbaFetch(emulator, 'GET', `${job}/task`)).json()) as Json;
		const result = await tbaFetch(emulator, 'GET', `${job}/task/${tasks.items[0].id}/result`);
		expect(result.status).toBe(204);
		const id = result.headers.get('location')!.split('/').pop();
		expect((await rest('GET', `/customer/${id}`)).body.companyName).toBe('Async Co');
	});

	it("refuses a replayed idempotency key with 400 IDEMPOTENCY_ERROR and the first job's Location", async () => {
		const headers = { 'content-type': 'application/json', prefer: 'respond-async', 'x-netsuite-idempotency-key': 'job-key-2' };
		const post = () =>
			tbaFetch(emulator, 'POST', '/services/rest/record/v1/customer', {
				body: JSON.stringify({ companyName: 'Idem', subsidiary: { id: '1' } }),
				headers,
			});
		const first = await post();
		const second = await post();
		expect(second.status).toBe(400);
		expect(second.headers.get('location')).toBe(first.headers.get('location'));
		expect(((await second.json()) as Json)['o:errorDetails'][0]).toMatchObject({
			'o:errorCode': 'IDEMPOTENCY_ERROR',
			detail: expect.stringContaining('See the "Location" header'),
		});
	});

	it("answers a failed async create's result with NetSuite's error", async () => {
		const accepted = await tbaFetch(emulator, 'POST', '/services/rest/record/v1/customer', {
			body: JSON.stringify({ companyName: 'No Subsidiary' }),
			headers: { 'content-type': 'application/json', prefer: 'respond-async' },
		});
		const job = accepted.headers.get('location')!;
		expect((await waitForJob(emulator, job)).progress).toBe('failed');
		const result = await tbaFetch(emulator, 'GET', `${job}/task/1/result`);
		expect(result.status).toBe(400);
		expect(((await result.json()) as Json)['o:errorDetails'][0]['o:errorCode']).toBe('USER_ERROR');
	});

	it('publishes the metadata catalog and a JSON schema per type', async () => {
		const catalog = (await rest('GET', '/metadata-catalog')).body;
		expect(catalog.items.map((i: Json) => i.name)).toEqual(expect.arrayContaining(['customer', 'salesOrder', 'customrecord_demo_project']));
		const schema = (await tbaFetch(emulator, 'GET', '/services/rest/record/v1/metadata-catalog/customer', {
			headers: { accept: 'application/schema+json' },
		}).then((r) => r.json())) as Json;
		expect(schema.required).toEqual(['subsidiary']);
		expect(schema.properties.custentity_segment['x-ns-custom-field']).toBe(true);
	});
});
