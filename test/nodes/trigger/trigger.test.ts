// The NetSuite Trigger against the emulator, run by n8n-core's PollContext, with static data
// kept and saved as n8n 2.40 does (only after a poll that emits items, and at activation).
// The emulator's clock stands in for NetSuite's; each poll comes a minute after the last.
import { startEmulator, type RunningEmulator } from '../../emulator';
import { runPoll } from '../../harness';
import { NetSuiteTrigger } from '../../../nodes/NetSuiteTrigger/NetSuiteTrigger.node';
import { DEFAULT_RETRY, retryTiming } from '../../../nodes/shared/api/retry';
import { credentialsFor } from '../credentials';
import { recordTypeParam, TriggerSession } from './session';

describe('NetSuite Trigger', () => {
	let emulator: RunningEmulator;
	const sleep = retryTiming.sleep;
	beforeAll(async () => {
		emulator = await startEmulator({ port: 0 });
		// Retries are the transport's business (tested there): here they need not wait.
		retryTiming.sleep = async () => undefined;
	});
	afterAll(async () => {
		retryTiming.sleep = sleep;
		await emulator.stop();
	});
	let hour = 0;
	beforeEach(() => {
		// Each test starts an hour after the previous one, so earlier tests' changes are history.
		emulator.clock.freeze(new Date(Date.UTC(2031, 0, 1) + hour++ * 3600_000));
	});

	const session = (parameters = {}) => new TriggerSession(emulator, parameters);
	const customer = (trigger: TriggerSession, name: string) => trigger.create('customer', { companyName: name, subsidiary: { id: '1' } });
	const ids = (items: Array<{ id?: unknown }>) => items.map((i) => i.id);
	const byId = (items: Array<{ id?: unknown }>) => [...items].sort((a, b) => Number(a.id) - Number(b.id));
	/** Runs `change` just before the SuiteQL request number `n` (1-based) of the next poll. */
	const beforeRequest = (n: number, change: () => void) => {
		let seen = 0;
		emulator.data.beforeSuiteQl = () => {
			if (++seen === n) change();
		};
	};
	afterEach(() => (emulator.data.beforeSuiteQl = undefined));
	const bulkInsert = (count: number) => {
		const now = emulator.data.db.now();
		const insert = emulator.data.db.sql.prepare(
			'INSERT INTO customer (companyname, subsidiary, datecreated, lastmodifieddate) VALUES (?, 1, ?, ?)',
		);
		for (let i = 0; i < count; i++) insert.run([`Bulk ${i}`, now, now]);
		insert.free();
		return emulator.data.db.all('SELECT id FROM customer WHERE lastmodifieddate = ? ORDER BY id', [now]).map((r) => String(r.id));
	};

	describe('first activation', () => {
		it("starts at NetSuite's newest change, not at SYSDATE or the local clock: history is not emitted", async () => {
			const trigger = session();
			emulator.data.touch('customer', 3);
			emulator.clearLog();
			expect(await trigger.activate()).toEqual([]);
			// The emulator's clock runs in 2031; this machine's does not.
			expect(trigger.n8n.saved).toMatchObject({
				'node:NetSuite Trigger': {
					trigger: { updated: { after: { time: expect.stringMatching(/^2031-01-01 /) }, history: { ids: ['3'] } } },
				},
			});
			expect(trigger.sentQueries().every((s) => !/SYSDATE/i.test(s.q))).toBe(true);
			expect(await trigger.pollAll()).toEqual([]);
		});

		it('on an empty record type starts from the beginning: the first record ever created is emitted', async () => {
			emulator.data.db.run('DELETE FROM customrecord_demo_project');
			const trigger = session({ recordType: recordTypeParam('customrecord_demo_project') });
			expect(await trigger.activate()).toEqual([]);
			const id = await trigger.create('customrecord_demo_project', { name: 'First Ever' });
			expect(await trigger.pollAll()).toEqual([expect.objectContaining({ id, event: 'created' })]);
		});
	});

	describe('in an account time zone', () => {
		afterEach(() => (emulator.clock.timeZone = undefined));
		const restTimes = async (trigger: TriggerSession, id: string) => {
			const record = await trigger.get('customer', id);
			return {
				created: new Date(String(record.dateCreated)).toISOString(),
				lastModified: new Date(String(record.lastModifiedDate)).toISOString(),
			};
		};
		const iso = (value: unknown) => new Date(String(value)).toISOString();

		it.each([
			['UTC+5:30, learned from NetSuite', 'Asia/Kolkata', {}, 'UTC+05:30'],
			['UTC-8, set by name', 'America/Los_Angeles', { accountTimeZone: 'America/Los_Angeles' }, 'America/Los_Angeles'],
		])('%s: items carry the instants the REST record states, and the zone', async (_label, zone, parameters, label) => {
			emulator.clock.timeZone = zone;
			const trigger = session(parameters);
			await trigger.activate();
			const id = await customer(trigger, 'Zoned');
			emulator.clock.advance(5000);
			await trigger.update('customer', id, { phone: '5' });
			const [item] = await trigger.pollAll();
			const rest = await restTimes(trigger, id);
			expect({ created: iso(item.created), lastModified: iso(item.lastModified), accountTimeZone: item.accountTimeZone }).toEqual({
				...rest,
				accountTimeZone: label,
			});
		});

		it('an Account Time Zone that is not a zone name fails the poll with the field named', async () => {
			const trigger = session({ accountTimeZone: 'Mars/Olympus' });
			await expect(trigger.activate()).rejects.toThrow(/Account Time Zone "Mars\/Olympus" is not a time zone name/);
		});
	});

	it("emits a new record once as created and a later change once as updated, with NetSuite's own timestamps", async () => {
		const trigger = session();
		await trigger.activate();
		const id = await customer(trigger, 'New One');
		const createdAt = String(
			emulator.data.db.all("SELECT TO_CHAR(datecreated, 'YYYY-MM-DD HH24:MI:SS') AS c FROM customer WHERE id = ?", [Number(id)])[0].c,
		);
		const createdIso = `${createdAt.replace(' ', 'T')}Z`;
		expect(await trigger.pollAll()).toEqual([
			{ id, recordType: 'customer', event: 'created', created: createdIso, lastModified: createdIso, accountTimeZone: 'UTC' },
		]);
		emulator.clock.advance(5000);
		await trigger.update('customer', id, { phone: '2' });
		const [item] = await trigger.pollAll();
		expect(item).toEqual({
			id,
			recordType: 'customer',
			event: 'updated',
			created: createdIso,
			lastModified: expect.not.stringMatching(createdIso),
			accountTimeZone: 'UTC',
		});
		for (let i = 0; i < 3; i++) expect(await trigger.poll()).toEqual([]);
	});

	describe('changes while a poll pages (issue 13: change during paging)', () => {
		it('a record saved again while a poll reads its second page is emitted once per version: 1,500 records, 1,500 items', async () => {
			const trigger = session();
			await trigger.activate();
			const created = bulkInsert(1500);
			emulator.clock.advance(1000);
			const marker = await customer(trigger, 'Newer'); // the 1,500 are no longer the newest second
			const [first] = created;
			// Requests of the poll: newest time, page 1, page 2 — the first record changes before page 2.
			beforeRequest(3, () => emulator.data.touch('customer', Number(first)));
			const items = await trigger.poll();
			expect(items).toHaveLength(1500);
			expect(new Set(ids(items)).size).toBe(1500);
			expect(items.every((i) => i.event === 'created')).toBe(true);
			const later = await trigger.pollAll();
			expect(byId(later)).toEqual([
				expect.objectContaining({ id: first, event: 'updated' }),
				expect.objectContaining({ id: marker, event: 'created' }),
			]);
		});

		it('a low-id record changed while page 1 is read, then a newer change before page 2: both versions are emitted, once', async () => {
			const trigger = session();
			await trigger.activate();
			const created = bulkInsert(1500);
			emulator.clock.advance(1000);
			await customer(trigger, 'Newer');
			const low = created[0];
			const other = created[1200];
			let seen = 0;
			emulator.data.beforeSuiteQl = () => {
				seen++;
				if (seen === 2) emulator.data.touch('customer', Number(low));
				if (seen === 3) {
					emulator.clock.advance(1000);
					emulator.data.touch('customer', Number(other));
				}
			};
			const first = await trigger.poll();
			emulator.data.beforeSuiteQl = undefined;
			const rest = await trigger.pollAll();
			const all = [...first, ...rest];
			// A creation is keyed by its record, an update by its version.
			const versions = all.map((i) => (i.event === 'created' ? `${String(i.id)} created` : `${String(i.id)}@${String(i.lastModified)}`));
			expect(new Set(versions).size).toBe(versions.length);
			expect(
				all
					.filter((i) => i.event === 'updated')
					.map((i) => i.id)
					.sort(),
			).toEqual([low, other].sort());
			expect(all.filter((i) => i.event === 'created')).toHaveLength(1501);
		});
	});

	describe('the same second (issue 13: same second)', () => {
		it('a record created in the second of a poll that read that second is emitted as created, also with Show Updated off and changed again before the next poll', async () => {
			const trigger = session({ showUpdated: false });
			await trigger.activate();
			trigger.minuteLater();
			const first = await customer(trigger, 'First');
			const seenByPoll = await trigger.pollNow(); // reads the second it runs in
			const sameSecond = await customer(trigger, 'Same Second As The Poll');
			emulator.clock.advance(5000);
			await trigger.update('customer', sameSecond, { phone: 'changed before the next poll' });
			const items = [...seenByPoll, ...(await trigger.pollAll())];
			expect(byId(items)).toEqual([
				expect.objectContaining({ id: first, event: 'created' }),
				expect.objectContaining({ id: sameSecond, event: 'created' }),
			]);
		});

		it('an update in the same second as a change a poll already read is emitted with its final state, once', async () => {
			const trigger = session({ output: 'full', showNew: false });
			await trigger.activate();
			const id = await customer(trigger, 'Existing');
			trigger.minuteLater();
			await trigger.update('customer', id, { phone: 'first' });
			const seenByPoll = await trigger.pollNow();
			await trigger.update('customer', id, { phone: 'final' }); // still the same second: the same version
			const items = [...seenByPoll, ...(await trigger.pollAll())];
			expect(items).toEqual([expect.objectContaining({ id, phone: 'final', _netsuite: expect.objectContaining({ event: 'updated' }) })]);
		});

		it('two saves of one record in one second are one change, emitted once', async () => {
			const trigger = session({ output: 'full' });
			await trigger.activate();
			const id = await customer(trigger, 'Saved Twice');
			await trigger.update('customer', id, { phone: '2' });
			expect(await trigger.pollAll()).toEqual([
				expect.objectContaining({ id, phone: '2', _netsuite: expect.objectContaining({ event: 'created' }) }),
			]);
		});

		it('a record created and changed again before any poll saw it is emitted as created and as updated, each once', async () => {
			const trigger = session();
			await trigger.activate();
			const id = await customer(trigger, 'Created Then Edited');
			emulator.clock.advance(3000);
			await trigger.update('customer', id, { phone: 'edited' });
			expect(await trigger.pollAll()).toEqual([
				expect.objectContaining({ id, event: 'created' }),
				expect.objectContaining({ id, event: 'updated' }),
			]);
		});
	});

	describe("n8n's saving rule: static data saved only by polls that emit and at activation (issue 13)", () => {
		it('an Updated-only trigger emits an update made after a restart that followed empty polls', async () => {
			const trigger = session({ showNew: false });
			await trigger.activate();
			const id = await customer(trigger, 'Created While Nobody Listens');
			expect(await trigger.pollAll()).toEqual([]); // empty polls: n8n saved nothing
			await trigger.update('customer', id, { phone: 'before restart' });
			const beforeRestart = await trigger.restart();
			const afterRestart = await trigger.pollAll();
			await trigger.update('customer', id, { phone: 'after restart' });
			const later = await trigger.pollAll();
			expect([...beforeRestart, ...afterRestart]).toEqual([expect.objectContaining({ id, event: 'updated' })]);
			expect(later).toEqual([expect.objectContaining({ id, event: 'updated' })]);
		});

		it('a New-only trigger with an empty poll just before a restart emits each new record once', async () => {
			const trigger = session({ showUpdated: false });
			await trigger.activate();
			const before = await customer(trigger, 'Before Restart');
			expect(ids(await trigger.pollAll())).toEqual([before]);
			await trigger.update('customer', before, { phone: 'not wanted' });
			expect(await trigger.pollAll()).toEqual([]);
			const during = await customer(trigger, 'During Restart');
			await trigger.restart();
			const after = await customer(trigger, 'After Restart');
			expect(byId([...(await trigger.poll()), ...(await trigger.pollAll())])).toEqual([
				expect.objectContaining({ id: during, event: 'created' }),
				expect.objectContaining({ id: after, event: 'created' }),
			]);
		});

		it('a restart after an emitting poll repeats nothing', async () => {
			const trigger = session();
			await trigger.activate();
			const id = await customer(trigger, 'Emitted Once');
			expect(ids(await trigger.pollAll())).toEqual([id]);
			expect(await trigger.restart()).toEqual([]);
			expect(await trigger.pollAll()).toEqual([]);
		});
	});

	describe('Show Deleted Records', () => {
		it('emits each delete once from DeletedRecord, with who deleted it and how', async () => {
			const trigger = session({ showDeleted: true, showNew: false, showUpdated: false });
			await trigger.activate();
			const id = await customer(trigger, 'To Be Deleted');
			await trigger.remove('customer', id);
			expect(await trigger.pollAll()).toEqual([
				{
					id,
					recordType: 'customer',
					event: 'deleted',
					deleted: expect.stringMatching(/^2031-.*Z$/),
					deletedBy: '-5',
					context: 'RESTWEBSERVICES',
					accountTimeZone: 'UTC',
				},
			]);
			await trigger.restart();
			expect(await trigger.pollAll()).toEqual([]);
		});

		it('emits no deletes with the option off (the default)', async () => {
			const trigger = session();
			await trigger.activate();
			const id = await customer(trigger, 'Deleted Quietly');
			await trigger.remove('customer', id);
			expect(await trigger.pollAll()).toEqual([]);
		});
	});

	it('Start From a date and time reads every change since then at the first poll, 2,500 records paged by key, no offset', async () => {
		const start = emulator.data.db.now();
		const trigger = session({ startFrom: 'time', startTime: start.replace(' ', 'T') });
		for (let i = 0; i < 10; i++) emulator.data.touch('customer', i + 1);
		emulator.clock.advance(1000);
		bulkInsert(2490);
		emulator.clock.advance(1000);
		emulator.clearLog();
		const items = [...(await trigger.activate()), ...(await trigger.pollAll())];
		expect(items).toHaveLength(2500);
		expect(new Set(ids(items)).size).toBe(2500);
		expect(items.filter((i) => i.event === 'updated')).toHaveLength(10);
		expect(trigger.sentQueries().every((s) => !/offset=[1-9]/.test(s.rawQuery))).toBe(true);
	});

	describe('Full Records (issue 13: Full Records)', () => {
		it('a record deleted between the query and its fetch is emitted as deleted, the others in full, and the cursor moves on', async () => {
			const trigger = session({ output: 'full' });
			await trigger.activate();
			const gone = await customer(trigger, 'Deleted Meanwhile');
			await customer(trigger, 'Still Here');
			emulator.faults.failNext(1, 404, { path: new RegExp(`/customer/${gone}$`) });
			const items = await trigger.pollAll();
			expect(items).toEqual([
				{ id: gone, _netsuite: expect.objectContaining({ id: gone, event: 'deleted' }) },
				expect.objectContaining({ companyName: 'Still Here' }),
			]);
			expect(await trigger.pollAll()).toEqual([]);
		});

		it('…or skipped, when Record Gone Before Fetch says so', async () => {
			const trigger = session({ output: 'full', whenGone: 'skip' });
			await trigger.activate();
			const gone = await customer(trigger, 'Deleted Meanwhile');
			await customer(trigger, 'Still Here');
			emulator.faults.failNext(1, 404, { path: new RegExp(`/customer/${gone}$`) });
			expect((await trigger.pollAll()).map((i) => i.companyName)).toEqual(['Still Here']);
		});

		it("a record the role may not read (403) is emitted with its id and NetSuite's error detail", async () => {
			const trigger = session({ output: 'full' });
			await trigger.activate();
			const hidden = await customer(trigger, 'Forbidden');
			emulator.faults.failNext(1, 403, { path: new RegExp(`/customer/${hidden}$`) });
			expect(await trigger.pollAll()).toEqual([
				{
					id: hidden,
					_netsuite: expect.objectContaining({
						event: 'created',
						error: { status: 403, detail: expect.stringMatching(/^Permission Violation/), code: 'INSUFFICIENT_PERMISSION' },
					}),
				},
			]);
		});

		it('a 400 on one record in a page of several is emitted with its error; the records after it are emitted and the cursor moves (issue 22)', async () => {
			const trigger = session({ output: 'full' });
			await trigger.activate();
			const first = await customer(trigger, 'Before');
			const refused = await customer(trigger, 'Refused');
			const after = await customer(trigger, 'After');
			emulator.faults.failNext(1, 400, { path: new RegExp(`/customer/${refused}$`) });
			const items = byId(await trigger.pollAll());
			expect(ids(items)).toEqual([first, refused, after]);
			expect(items[1]).toEqual({
				id: refused,
				_netsuite: expect.objectContaining({ event: 'created', error: expect.objectContaining({ status: 400 }) }),
			});
			expect((items[1] as { _netsuite?: unknown })._netsuite).not.toHaveProperty('event', 'deleted');
			expect(items[2]).toMatchObject({ companyName: 'After' });
			expect(await trigger.pollAll()).toEqual([]);
		});

		it('Full Records of a sales order carry its lines, in the one GET per record', async () => {
			const trigger = session({ output: 'full', recordType: recordTypeParam('salesOrder') });
			await trigger.activate();
			const id = await trigger.create('salesOrder', {
				entity: { id: '1' },
				item: {
					items: [
						{ item: { id: '1' }, quantity: 2 },
						{ item: { id: '3' }, quantity: 1 },
					],
				},
			});
			const [order] = await trigger.pollAll();
			const gets = emulator.requestLog.filter((r) => r.method === 'GET' && r.path.endsWith(`/salesOrder/${id}`));
			expect(gets.map((r) => r.rawQuery)).toEqual(['expandSubResources=true']);
			expect(
				(order.item as { items: Array<{ item: { id: string }; quantity: number }> }).items.map((l) => [l.item.id, l.quantity]),
			).toEqual([
				['1', 2],
				['3', 1],
			]);
		});

		it('Record Type item fetches each item under its REST record type', async () => {
			const trigger = session({ output: 'full', recordType: recordTypeParam('item') });
			await trigger.activate();
			const id = await trigger.create('inventoryItem', { itemId: 'WIDGET-13' });
			expect(await trigger.pollAll()).toEqual([
				expect.objectContaining({
					id,
					itemId: 'WIDGET-13',
					_netsuite: expect.objectContaining({ recordType: 'inventoryItem', event: 'created' }),
				}),
			]);
		});
	});

	describe('every item type has an answer (issue 22)', () => {
		/** An item row written as NetSuite holds it, for codes and columns REST cannot create. */
		const itemRow = (itemId: string, itemtype: string, columns: { subtype?: string; islotitem?: string } = {}) => {
			const now = emulator.data.db.now();
			emulator.data.db.run(
				'INSERT INTO item (itemid, itemtype, subtype, islotitem, createddate, lastmodifieddate) VALUES (?, ?, ?, ?, ?, ?)',
				[itemId, itemtype, columns.subtype ?? null, columns.islotitem ?? 'F', now, now],
			);
			return String(emulator.data.db.all('SELECT id FROM item WHERE itemid = ?', [itemId])[0].id);
		};
		const fetched = (id: string, recordType: string, itemId: string) =>
			expect.objectContaining({
				id,
				itemId,
				_netsuite: expect.objectContaining({ event: 'created', recordType, itemType: expect.any(String) }),
			});
		const unserved = (id: string, itemType: string, detail: RegExp) => ({
			id,
			_netsuite: expect.objectContaining({
				event: 'created',
				recordType: 'item',
				itemType,
				error: { status: null, code: 'NO_REST_RECORD_TYPE', detail: expect.stringMatching(detail) },
			}),
		});

		it('Record Type item + Full Records: each row once, fetched under its true REST type or emitted with why it has none; nothing is reported deleted and the cursor moves on', async () => {
			const trigger = session({ output: 'full', recordType: recordTypeParam('item') });
			await trigger.activate();
			const resale = await trigger.create('serviceResaleItem', { itemId: 'K-SVC-RESALE' });
			const purchase = await trigger.create('nonInventoryPurchaseItem', { itemId: 'K-NI-PURCHASE' });
			const lot = await trigger.create('lotNumberedInventoryItem', { itemId: 'K-LOT' });
			const ship = await trigger.create('shipItem', { itemId: 'K-SHIP' });
			const plain = await trigger.create('inventoryItem', { itemId: 'K-INV' });
			const tax = itemRow('K-VAT', 'TaxItem');
			const end = itemRow('K-END', 'EndGroup');
			const unknown = itemRow('K-ODD', 'FutureThing');
			const noSubtype = itemRow('K-SVC-NONE', 'Service');
			emulator.clearLog();
			const items = byId(await trigger.pollAll());
			expect(items).toEqual([
				fetched(resale, 'serviceResaleItem', 'K-SVC-RESALE'),
				fetched(purchase, 'nonInventoryPurchaseItem', 'K-NI-PURCHASE'),
				fetched(lot, 'lotNumberedInventoryItem', 'K-LOT'),
				fetched(ship, 'shipItem', 'K-SHIP'),
				fetched(plain, 'inventoryItem', 'K-INV'),
				unserved(tax, 'TaxItem', /tax/),
				unserved(end, 'EndGroup', /end line of an item group/),
				unserved(unknown, 'FutureThing', /FutureThing has no REST record type/),
				unserved(noSubtype, 'Service', /subtype \(empty\)/),
			]);
			// Rows with no REST type are not fetched under another one (a 404 there is no delete).
			const gets = emulator.requestLog.filter((r) => r.method === 'GET' && r.path.includes('/record/v1/')).map((r) => r.path);
			expect(gets).toHaveLength(5);
			expect(gets.filter((p) => [tax, end, unknown, noSubtype].some((id) => p.endsWith(`/${id}`)))).toEqual([]);
			expect(await trigger.pollAll()).toEqual([]);
			const later = await trigger.create('serviceResaleItem', { itemId: 'K-SVC-LATER' });
			expect(ids(await trigger.pollAll())).toEqual([later]);
		});

		it('Record Type item, light items: each row names its REST type, or item with its itemType', async () => {
			const trigger = session({ recordType: recordTypeParam('item') });
			await trigger.activate();
			const lot = await trigger.create('lotNumberedInventoryItem', { itemId: 'L-LOT' });
			const tax = itemRow('L-VAT', 'TaxItem');
			expect(byId(await trigger.pollAll())).toEqual([
				expect.objectContaining({ id: lot, recordType: 'lotNumberedInventoryItem', itemType: 'InvtPart' }),
				expect.objectContaining({ id: tax, recordType: 'item', itemType: 'TaxItem' }),
			]);
		});

		it('Record Type item + Show Deleted: a deleted service resale item is reported once, under its REST type', async () => {
			const trigger = session({ recordType: recordTypeParam('item'), showDeleted: true, showNew: false, showUpdated: false });
			const id = await trigger.create('serviceResaleItem', { itemId: 'D-SVC-RESALE' });
			await trigger.activate();
			await trigger.remove('serviceResaleItem', id);
			expect(await trigger.pollAll()).toEqual([expect.objectContaining({ id, event: 'deleted', recordType: 'serviceResaleItem' })]);
		});

		it('per-type polling of serviceResaleItem sees only resale services; of inventoryItem, no lot-numbered items', async () => {
			const resaleTrigger = session({ output: 'full', recordType: recordTypeParam('serviceResaleItem') });
			const inventoryTrigger = session({ recordType: recordTypeParam('inventoryItem') });
			await resaleTrigger.activate();
			await inventoryTrigger.activate();
			const resale = await resaleTrigger.create('serviceResaleItem', { itemId: 'P-SVC-RESALE' });
			itemRow('P-SVC-SALE', 'Service', { subtype: 'Sale' });
			itemRow('P-SVC-PURCHASE', 'Service', { subtype: 'Purchase' });
			const plain = await resaleTrigger.create('inventoryItem', { itemId: 'P-INV' });
			await resaleTrigger.create('lotNumberedInventoryItem', { itemId: 'P-LOT' });
			expect(await resaleTrigger.pollAll()).toEqual([
				expect.objectContaining({
					id: resale,
					itemId: 'P-SVC-RESALE',
					_netsuite: expect.objectContaining({ recordType: 'serviceResaleItem' }),
				}),
			]);
			expect(ids(await inventoryTrigger.pollAll())).toEqual([plain]);
		});

		it('per-type polling of serviceResaleItem with Show Deleted: its creations and deletes, under its own DeletedRecord type', async () => {
			const trigger = session({ recordType: recordTypeParam('serviceResaleItem'), showDeleted: true });
			await trigger.activate();
			const id = await trigger.create('serviceResaleItem', { itemId: 'PD-SVC-RESALE' });
			itemRow('PD-SVC-SALE', 'Service', { subtype: 'Sale' });
			expect(await trigger.pollAll()).toEqual([expect.objectContaining({ id, event: 'created', recordType: 'serviceResaleItem' })]);
			await trigger.remove('serviceResaleItem', id);
			expect(await trigger.pollAll()).toEqual([expect.objectContaining({ id, event: 'deleted', recordType: 'serviceResaleItem' })]);
		});
	});

	describe('errors say what happened (issue 13: errors)', () => {
		const pollCustomRecord = async (credentials = credentialsFor(emulator)) =>
			await runPoll({
				nodeType: new NetSuiteTrigger(),
				parameters: { authentication: 'tokenBasedAuth', recordType: recordTypeParam('customrecord_demo_project') },
				credentials,
			});

		it("a login failure while reading the metadata catalog is NetSuite's INVALID_LOGIN, not an unknown record type", async () => {
			const credentials = credentialsFor(emulator);
			credentials.netSuiteTbaApi.data = { ...credentials.netSuiteTbaApi.data, tokenSecret: 'wrong' };
			await expect(pollCustomRecord(credentials)).rejects.toMatchObject({
				message: expect.stringMatching(/INVALID_LOGIN/),
				httpCode: '401',
			});
		});

		it('a 503 from the metadata catalog is shown as that, after the retries', async () => {
			emulator.faults.failNext(DEFAULT_RETRY.maxRetries + 1, 503, { path: /metadata-catalog/ });
			await expect(pollCustomRecord()).rejects.toMatchObject({ message: expect.not.stringMatching(/cannot be polled/), httpCode: '503' });
		});

		it('a network error is shown as that', async () => {
			const credentials = credentialsFor(emulator);
			credentials.netSuiteTbaApi.data = { ...credentials.netSuiteTbaApi.data, baseUrlOverride: 'http://127.0.0.1:9' };
			await expect(pollCustomRecord(credentials)).rejects.toMatchObject({
				message: expect.stringMatching(/refused the connection|ECONNREFUSED/),
			});
		});

		it("a bad filter shows NetSuite's detail and the failing query", async () => {
			await expect(session({ filter: 'nonsense ===' }).activate()).rejects.toMatchObject({
				message: expect.stringMatching(/^Invalid search query\./),
				description: expect.stringContaining('Query: SELECT'),
			});
		});

		it('an unknown record type is refused at activation, naming Record Type', async () => {
			await expect(session({ recordType: recordTypeParam('customrecord_nope') }).activate()).rejects.toThrow(
				'Record Type "customrecord_nope" cannot be polled',
			);
			await expect(session({ recordType: recordTypeParam('customer; DROP') }).activate()).rejects.toThrow(
				'Record Type "customer; DROP" is not a NetSuite record type ID',
			);
		});
	});

	it('takes over the cursor of the previous version of this trigger: nothing repeated, nothing missed', async () => {
		const trigger = session();
		const emitted = await customer(trigger, 'Emitted By The Old Version');
		const modified = String(
			emulator.data.db.all("SELECT TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS m FROM customer WHERE id = ?", [
				Number(emitted),
			])[0].m,
		);
		trigger.n8n.saved = { 'node:NetSuite Trigger': { cursor: { recordType: 'customer', modified, idsAtModified: [emitted] } } };
		const sameSecond = await customer(trigger, 'Not Yet Emitted, Same Second');
		expect(ids([...(await trigger.restart()), ...(await trigger.pollAll())])).toEqual([sameSecond]);
	});

	it('applies the Additional Filter server-side, with or without a leading AND, every value bound', async () => {
		const trigger = session({ filter: "AND companyname LIKE 'Filtered%'" });
		await trigger.activate();
		const kept = await customer(trigger, 'Filtered In');
		await customer(trigger, 'Not This One');
		emulator.clearLog();
		expect(ids(await trigger.pollAll())).toEqual([kept]);
		const window = trigger.sentQueries().find((s) => s.q.includes('ORDER BY lastmodifieddate, id'))!;
		expect(window.q).toContain("AND (companyname LIKE 'Filtered%')");
		expect(window.q).not.toMatch(/2031-/);
	});

	it('returns the most recent records in the editor test step, in full on request, without moving the cursor', async () => {
		const trigger = session();
		await trigger.activate();
		const newest = await customer(trigger, 'Newest For Mapping');
		const before = JSON.stringify(trigger.n8n.memory);
		const recent = await trigger.testStep({ output: 'full' });
		expect(recent.length).toBeLessThanOrEqual(10);
		expect(recent[0]).toMatchObject({
			id: newest,
			companyName: 'Newest For Mapping',
			_netsuite: { recordType: 'customer', event: 'created' },
		});
		expect(JSON.stringify(trigger.n8n.memory)).toBe(before);
		expect(ids(await trigger.pollAll())).toEqual([newest]);
	});

	it('polls a custom record type found through the metadata catalog', async () => {
		const trigger = session({ recordType: recordTypeParam('customrecord_demo_project') });
		await trigger.activate();
		const id = await trigger.create('customrecord_demo_project', { name: 'Project' });
		expect(await trigger.pollAll()).toEqual([expect.objectContaining({ id, event: 'created' })]);
		await trigger.update('customrecord_demo_project', id, { custrecord_budget: 1 });
		expect(await trigger.pollAll()).toEqual([expect.objectContaining({ id, event: 'updated' })]);
	});
});
