import { NetSuite } from '../../../nodes/NetSuite/NetSuite.node';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { runListSearch, runLoadOptions, runNode } from '../../harness';
import { credentialsFor, oauth2CredentialFor } from '../credentials';
import { runNetSuite, type } from './run';

describe('NetSuite node: shortcuts, SuiteQL, metadata and connection', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0, seedCustomers: 2500 })));
	afterAll(async () => await emulator.stop());

	it('verifies the connection with M2M, returning the account and auth type', async () => {
		const { json, error } = await runNetSuite(emulator, { resource: 'connection', operation: 'verify' }, { auth: 'clientCredentials' });
		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ ok: true, accountId: '1234567_SB1', authentication: 'clientCredentials' });
	});

	it('runs SuiteQL with bound parameters and Return All, paging until hasMore is false', async () => {
		emulator.clearLog();
		const { json } = await runNetSuite(
			emulator,
			{
				resource: 'suiteQl',
				operation: 'run',
				query: 'SELECT id, companyname FROM customer WHERE custentity_segment = ? ORDER BY id',
				parameters: { values: [{ value: 'generated' }] },
				returnAll: true,
			},
			{ auth: 'clientCredentials' },
		);
		expect(json).toHaveLength(2500);
		expect(json[0]).toEqual({ id: '1001', companyname: 'Generated Customer 1001' });
		const queries = emulator.requestLog.filter((r) => r.path.endsWith('/suiteql'));
		expect(queries.map((r) => r.rawQuery)).toEqual(['limit=1000&offset=0', 'limit=1000&offset=1000', 'limit=1000&offset=2000']);
		expect(JSON.parse(queries[0].body)).toEqual({
			q: 'SELECT id, companyname FROM customer WHERE custentity_segment = ? ORDER BY id',
			params: ['generated'],
		});
	});

	it('pages SuiteQL by key when asked', async () => {
		emulator.clearLog();
		const { json } = await runNetSuite(emulator, {
			resource: 'suiteQl',
			operation: 'run',
			query: 'SELECT id FROM customer',
			returnAll: true,
			options: { pageByKey: true, keyColumn: 'id' },
		});
		expect(json).toHaveLength(2510);
		expect(new Set(json.map((r) => r.id)).size).toBe(2510);
		expect(JSON.parse(emulator.requestLog[1].body).params).toEqual([json[999].id]);
	});

	it("shows NetSuite's detail for a SuiteQL syntax error", async () => {
		const { error } = await runNetSuite(emulator, { resource: 'suiteQl', operation: 'run', query: 'SELECT id FROM customer WHERE' });
		expect(error?.message).toMatch(/^Invalid search query\..*syntax error \[INVALID_PARAMETER\]$/);
	});

	it('creates and updates a customer from named fields plus custom fields', async () => {
		const created = await runNetSuite(emulator, {
			resource: 'customer',
			operation: 'create',
			companyName: 'Named Fields GmbH',
			subsidiary: '2',
			additionalFields: { email: 'hi@named.example', customFields: { field: [{ name: 'custentity_segment', value: 'smb' }] } },
		});
		const id = created.json[0].id as string;
		await runNetSuite(emulator, { resource: 'customer', operation: 'update', recordId: id, updateFields: { phone: '555-1234' } });
		const { json } = await runNetSuite(emulator, { resource: 'customer', operation: 'get', recordId: id });
		expect(json[0]).toMatchObject({
			companyName: 'Named Fields GmbH',
			email: 'hi@named.example',
			phone: '555-1234',
			custentity_segment: 'smb',
			subsidiary: { id: '2' },
		});
	});

	it('lists customers with a raw q and invoices with a limit', async () => {
		const customers = await runNetSuite(emulator, {
			resource: 'customer',
			operation: 'list',
			filterMode: 'q',
			q: 'email END_WITH "@globex.example"',
			returnAll: true,
		});
		expect(customers.json).toEqual([{ id: '2' }]);
		const invoices = await runNetSuite(emulator, { resource: 'invoice', operation: 'list', limit: 10, options: { fullRecords: true } });
		expect(invoices.json[0]).toMatchObject({ tranId: 'INV-2001', createdFrom: { id: '102' } });
	});

	it('lists items across types and gets one by finding its REST type', async () => {
		const list = await runNetSuite(emulator, { resource: 'item', operation: 'list', returnAll: true, itemTypes: ['nonInventorySaleItem'] });
		expect(list.json.map((i) => i.itemid)).toEqual(['SVC-INSTALL', 'SVC-SUPPORT']);
		expect(list.json[0].recordType).toBe('nonInventorySaleItem');
		const one = await runNetSuite(emulator, { resource: 'item', operation: 'get', recordId: '3' });
		expect(one.json[0]).toMatchObject({ itemId: 'GADGET-01', recordType: 'inventoryItem' });
	});

	describe('every item type has an answer (issue 22)', () => {
		it('Item › Get reads a service resale item and a lot-numbered item under their own REST types', async () => {
			const resale = await runNetSuite(emulator, { resource: 'item', operation: 'get', recordId: '6' });
			expect(resale.json).toEqual([expect.objectContaining({ id: '6', itemId: 'SVC-RESALE', recordType: 'serviceResaleItem' })]);
			const lot = await runNetSuite(emulator, { resource: 'item', operation: 'get', recordId: '8' });
			expect(lot.json).toEqual([expect.objectContaining({ id: '8', itemId: 'LOT-RESIN', recordType: 'lotNumberedInventoryItem' })]);
		});

		it('Item › Get says why an item REST does not serve cannot be read, and reads nothing', async () => {
			const now = emulator.data.db.now();
			emulator.data.db.run(
				"INSERT INTO item (id, itemid, itemtype, createddate, lastmodifieddate) VALUES (9001, 'VAT-20', 'TaxItem', ?, ?)",
				[now, now],
			);
			emulator.clearLog();
			const { error } = await runNetSuite(emulator, { resource: 'item', operation: 'get', recordId: '9001' });
			expect(error?.message).toMatch(/Item 9001 cannot be read over REST: .*tax/);
			expect(emulator.requestLog.filter((r) => r.path.includes('/record/v1/'))).toEqual([]);
			emulator.data.db.run('DELETE FROM item WHERE id = 9001');
		});

		it('Item › Get Many names each row by its REST type and filters by REST type (or, as saved before, by itemtype code)', async () => {
			const all = await runNetSuite(emulator, { resource: 'item', operation: 'list', returnAll: true });
			expect(all.json.map((i) => [i.itemid, i.recordType])).toEqual([
				['WIDGET-01', 'inventoryItem'],
				['WIDGET-02', 'inventoryItem'],
				['GADGET-01', 'inventoryItem'],
				['SVC-INSTALL', 'nonInventorySaleItem'],
				['SVC-SUPPORT', 'nonInventorySaleItem'],
				['SVC-RESALE', 'serviceResaleItem'],
				['OFFICE-PAPER', 'nonInventoryPurchaseItem'],
				['LOT-RESIN', 'lotNumberedInventoryItem'],
				['SHIP-GROUND', 'shipItem'],
			]);
			const chosen = await runNetSuite(emulator, {
				resource: 'item',
				operation: 'list',
				returnAll: true,
				itemTypes: ['serviceResaleItem', 'lotNumberedInventoryItem'],
			});
			expect(chosen.json.map((i) => [i.itemid, i.recordType])).toEqual([
				['SVC-RESALE', 'serviceResaleItem'],
				['LOT-RESIN', 'lotNumberedInventoryItem'],
			]);
			const inventory = await runNetSuite(emulator, { resource: 'item', operation: 'list', returnAll: true, itemTypes: ['inventoryItem'] });
			expect(inventory.json.map((i) => i.itemid)).toEqual(['WIDGET-01', 'WIDGET-02', 'GADGET-01']);
			const legacy = await runNetSuite(emulator, { resource: 'item', operation: 'list', returnAll: true, itemTypes: ['InvtPart'] });
			expect(legacy.json.map((i) => i.itemid)).toEqual(['WIDGET-01', 'WIDGET-02', 'GADGET-01', 'LOT-RESIN']);
		});
	});

	it('creates an item fulfillment from a sales order, with chosen lines', async () => {
		const { json } = await runNetSuite(emulator, {
			resource: 'itemFulfillment',
			operation: 'create',
			salesOrderId: '101',
			lines: { line: [{ orderLine: 1, quantity: 4 }] },
			additionalBody: '{"memo": "partial"}',
		});
		const fulfillment = await runNetSuite(emulator, {
			resource: 'itemFulfillment',
			operation: 'get',
			recordId: json[0].id as string,
			options: { expandSubResources: true },
		});
		expect(fulfillment.json[0]).toMatchObject({ memo: 'partial', createdFrom: { id: '101' } });
		expect((fulfillment.json[0].item as { items: Array<{ quantity: number }> }).items.map((l) => l.quantity)).toEqual([4]);
	});

	it('adds sublist lines without replacing the existing ones', async () => {
		await runNetSuite(emulator, {
			resource: 'sublist',
			operation: 'addLine',
			recordType: type('salesOrder'),
			recordId: '103',
			sublistId: 'item',
			lines: '[{"item": {"id": "2"}, "quantity": 3, "custcol_note": "gift wrap"}]',
		});
		const { json } = await runNetSuite(emulator, {
			resource: 'sublist',
			operation: 'get',
			recordType: type('salesOrder'),
			recordId: '103',
			sublistId: 'item',
		});
		expect(json).toHaveLength(2);
		expect(json[1]).toMatchObject({ line: 2, quantity: 3, custcol_note: 'gift wrap' });
		const bad = await runNetSuite(emulator, {
			resource: 'sublist',
			operation: 'addLine',
			recordType: type('salesOrder'),
			recordId: '103',
			sublistId: 'item',
			lines: 'not json',
		});
		expect(bad.error?.message).toMatch(/^Lines \(JSON\) must be a JSON array/);
	});

	it('lists record types and describes one', async () => {
		const types = await runNetSuite(emulator, { resource: 'metadata', operation: 'listRecordTypes' });
		expect(types.json).toContainEqual({ name: 'customrecord_demo_project', custom: true });
		const meta = await runNetSuite(emulator, { resource: 'metadata', operation: 'getRecordMetadata', recordType: type('customer') });
		const fields = meta.json[0].fields as Array<{ id: string; required: boolean; custom: boolean }>;
		expect(fields.find((f) => f.id === 'subsidiary')).toMatchObject({ required: true });
		expect(fields.find((f) => f.id === 'custentity_segment')).toMatchObject({ custom: true });
	});

	const pick = async (filter: string) =>
		(
			await runListSearch({
				nodeType: new NetSuite(),
				method: 'searchRecordTypes',
				filter,
				parameters: { authentication: 'tokenBasedAuth' },
				credentials: credentialsFor(emulator),
			})
		).results;

	it('offers record types in the picker from the metadata catalog, in words with the ID beside them', async () => {
		expect(await pick('order')).toEqual([
			{ name: 'Purchase Order (purchaseOrder)', value: 'purchaseOrder' },
			{ name: 'Sales Order (salesOrder)', value: 'salesOrder' },
		]);
		expect(await pick('project')).toEqual([{ name: 'Demo Project (customrecord_demo_project)', value: 'customrecord_demo_project' }]);
	});

	it.each(['Sales Order', 'sales order', 'salesorder', 'salesOrder', 'SALESORD'])('finds Sales Order by "%s"', async (filter) => {
		expect((await pick(filter)).map((r) => r.value)).toEqual(['salesOrder']);
	});

	it('offers the fields of the chosen record type, custom fields included, read-only ones left out', async () => {
		const forRecord = await runLoadOptions({
			nodeType: new NetSuite(),
			method: 'getRecordFields',
			parameters: { authentication: 'tokenBasedAuth', resource: 'record', recordType: type('salesOrder') },
			credentials: credentialsFor(emulator),
		});
		const values = forRecord.map((o) => o.value);
		expect(values).toEqual(expect.arrayContaining(['entity', 'memo', 'custbody_channel', 'item']));
		expect(values).not.toContain('lastModifiedDate');
		expect(forRecord.find((o) => o.value === 'entity')?.name).toMatch(/\(required\)$/);
		const forCustomer = await runLoadOptions({
			nodeType: new NetSuite(),
			method: 'getRecordFields',
			parameters: { authentication: 'tokenBasedAuth', resource: 'customer' },
			credentials: credentialsFor(emulator),
		});
		expect(forCustomer.map((o) => o.value)).toContain('custentity_segment');
	});

	it('works with OAuth 2.0: an expired access token is refreshed and the request retried', async () => {
		const basic = Buffer.from(`${emulator.credentials.oauth2.clientId}:${emulator.credentials.oauth2.clientSecret}`).toString('base64');
		const redirect = 'http://localhost:5678/rest/oauth2-credential/callback';
		const authorize = await fetch(
			`${emulator.baseUrl}/app/login/oauth2/authorize.nl?response_type=code&client_id=${emulator.credentials.oauth2.clientId}&redirect_uri=${encodeURIComponent(redirect)}&scope=rest_webservices&state=${'s'.repeat(24)}`,
			{ redirect: 'manual' },
		);
		const code = new URL(authorize.headers.get('location')!).searchParams.get('code')!;
		const tokens = (await (
			await fetch(`${emulator.baseUrl}/services/rest/auth/oauth2/v1/token`, {
				method: 'POST',
				headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirect }).toString(),
			})
		).json()) as Record<string, string>;
		emulator.tokens.expireAll();
		const result = await runNode({
			nodeType: new NetSuite(),
			parameters: { authentication: 'oAuth2', resource: 'record', operation: 'get', recordType: type('customer'), recordId: '1' },
			credentials: oauth2CredentialFor(emulator, { ...tokens, token_type: 'bearer' }),
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id: '1', companyName: 'Acme Corporation' });
		expect(emulator.tokens.issuedCount('refresh_token')).toBe(1);
	});
});
