// The NetSuite Webhook Trigger end to end inside jest: the emulator runs the shipped script,
// which posts to a stand-in n8n that runs the node's webhook() and trigger() with n8n-core's
// contexts and n8n's static-data saving rules (see pushRig.ts).
import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../../nodes/NetSuiteWebhookTrigger/signature';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { tbaFetch } from '../../emulator/testClient';
import { PushRig, SECRET, SECRET_ID } from './pushRig';

const json = (rig: PushRig) => rig.executions.map((i) => i.json as IDataObject);
const summary = (rig: PushRig) => json(rig).map((e) => `${e.event} ${e.recordType} ${e.id} ${e.source}`);

describe('NetSuite Webhook Trigger', () => {
	let emulator: RunningEmulator;
	let rig: PushRig;
	/** Rigs for other triggers a test starts beside `rig`. */
	const others: PushRig[] = [];
	beforeEach(async () => {
		emulator = await startEmulator();
		emulator.clock.freeze(new Date(Date.UTC(2031, 0, 1)));
	});
	afterEach(async () => {
		await rig?.stop();
		for (const other of others.splice(0)) await other.stop();
		await emulator.stop();
	});
	const second = () => emulator.clock.advance(1000);
	const create = async (name: string, type = 'customer') => {
		second();
		const body =
			type === 'customer'
				? { companyName: name, subsidiary: { id: '1' } }
				: { entity: { id: '1' }, item: { items: [{ item: { id: '1' }, quantity: 1 }] } };
		const res = await tbaFetch(emulator, 'POST', `/services/rest/record/v1/${type}`, { body: JSON.stringify(body) });
		expect(res.status).toBe(204);
		return res.headers.get('location')!.split('/').pop()!;
	};
	const update = async (id: string) => {
		second();
		expect(
			(
				await tbaFetch(emulator, 'PATCH', `/services/rest/record/v1/customer/${id}`, {
					body: JSON.stringify({ phone: String(Math.random()) }),
				})
			).status,
		).toBe(204);
	};
	const remove = async (id: string) => {
		second();
		expect((await tbaFetch(emulator, 'DELETE', `/services/rest/record/v1/customer/${id}`)).status).toBe(204);
	};
	const started = async (parameters = {}) => {
		rig = new PushRig(emulator, parameters);
		await rig.start();
		rig.deployScript();
		return rig;
	};

	it('each save starts the workflow once with the event, record type, id and NetSuite timestamps', async () => {
		await started();
		const id = await create('Push Co');
		await update(id);
		await remove(id);
		expect(summary(rig)).toEqual([`create customer ${id} push`, `edit customer ${id} push`, `delete customer ${id} push`]);
		const [created, edited] = json(rig);
		expect(created).toMatchObject({
			lastModified: '2031-01-01T00:00:01.000Z',
			created: '2031-01-01T00:00:01.000Z',
			executionContext: 'RESTWEBSERVICES',
		});
		expect(edited).toMatchObject({ lastModified: '2031-01-01T00:00:02.000Z', created: '2031-01-01T00:00:01.000Z' });
		// The catch-up that follows finds nothing new: every change came by push.
		await rig.tick();
		expect(rig.executions).toHaveLength(3);
	});

	it('unsigned, tampered, wrongly signed, stale and replayed posts get 401 and start nothing', async () => {
		await started();
		await create('Genuine');
		const genuine = rig.delivered[0];
		expect(genuine.outcome.status).toBe(200);
		const before = rig.executions.length;
		const body = genuine.rawBody.toString('utf8');
		const now = String(Math.floor(Date.now() / 1000));
		const tampered = Buffer.from(body.replace(/"id":"(\d+)"/, '"id":"9$1"'));
		const attempts: Array<[string, Record<string, string | undefined>, Buffer]> = [
			['unsigned', {}, genuine.rawBody],
			[
				'tampered body',
				{
					[TIMESTAMP_HEADER]: genuine.headers[TIMESTAMP_HEADER] as string,
					[SIGNATURE_HEADER]: genuine.headers[SIGNATURE_HEADER] as string,
				},
				tampered,
			],
			[
				'wrong secret',
				{ [TIMESTAMP_HEADER]: now, [SIGNATURE_HEADER]: sign('not-the-secret-but-just-as-long-000000', now, rig.path, tampered) },
				tampered,
			],
			[
				'stale',
				{
					[TIMESTAMP_HEADER]: String(Number(now) - 3600),
					[SIGNATURE_HEADER]: sign(SECRET, String(Number(now) - 3600), rig.path, tampered),
				},
				tampered,
			],
			[
				'replayed',
				{
					[TIMESTAMP_HEADER]: genuine.headers[TIMESTAMP_HEADER] as string,
					[SIGNATURE_HEADER]: genuine.headers[SIGNATURE_HEADER] as string,
				},
				genuine.rawBody,
			],
		];
		for (const [name, headers, rawBody] of attempts) {
			const outcome = await rig.call({ headers: { 'content-type': 'application/json', ...headers }, rawBody });
			expect([name, outcome.status, outcome.result.workflowData]).toEqual([name, 401, undefined]);
			expect(JSON.stringify(outcome.answer)).not.toContain(SECRET);
		}
		expect(rig.executions).toHaveLength(before);
		// A freshly signed post of the tampered body is genuine again: what failed was the signature.
		const resigned = await rig.call({
			headers: { [TIMESTAMP_HEADER]: now, [SIGNATURE_HEADER]: sign(SECRET, now, rig.path, tampered) },
			rawBody: tampered,
		});
		expect(resigned.status).toBe(200);
	});

	it("a genuine post replayed to another trigger's URL (same secret) gets 401 there and starts nothing", async () => {
		const a = await started();
		const b = new PushRig(emulator, {}, { webhookId: 'another-workflows-hook', workflowId: 'another-workflow' });
		others.push(b);
		await b.start();
		await create('Meant For A');
		expect(a.delivered.map((d) => d.outcome.status)).toEqual([200]);
		expect(a.executions).toHaveLength(1);
		const genuine = a.delivered[0];
		const headers = {
			'content-type': 'application/json',
			[TIMESTAMP_HEADER]: genuine.headers[TIMESTAMP_HEADER] as string,
			[SIGNATURE_HEADER]: genuine.headers[SIGNATURE_HEADER] as string,
		};
		// Over HTTP to B's production and test URLs, as an attacker holding A's post would send it.
		for (const url of [b.url, b.url.replace('/webhook/', '/webhook-test/')]) {
			const res = await fetch(url, { method: 'POST', headers, body: new Uint8Array(genuine.rawBody) });
			expect(res.status).toBe(401);
			expect(((await res.json()) as { error: string }).error).toContain('signed for another webhook URL');
		}
		expect(b.delivered.map((d) => [d.outcome.status, d.outcome.result.workflowData])).toEqual([
			[401, undefined],
			[401, undefined],
		]);
		expect(b.executions).toHaveLength(0);
		// What B refused was only the destination: the same post signed for B's path passes.
		const resigned = await b.call({
			headers: { ...headers, [SIGNATURE_HEADER]: sign(SECRET, headers[TIMESTAMP_HEADER], b.path, genuine.rawBody) },
			rawBody: genuine.rawBody,
		});
		expect(resigned.status).toBe(200);
		expect(b.executions).toHaveLength(1);
	});

	it('a post signed the old way (timestamp and body, no destination) is refused with a hint to update the SuiteScript', async () => {
		await started();
		const now = String(Math.floor(Date.now() / 1000));
		const rawBody = Buffer.from(JSON.stringify({ event: 'create', recordType: 'customer', id: '42', lastModified: null, created: null }));
		const oldFormat = `sha256=${createHmac('sha256', SECRET).update(`${now}.`).update(rawBody).digest('hex')}`;
		const outcome = await rig.call({ headers: { [TIMESTAMP_HEADER]: now, [SIGNATURE_HEADER]: oldFormat }, rawBody });
		expect([outcome.status, outcome.result.workflowData]).toEqual([401, undefined]);
		const { error } = outcome.answer as { error: string };
		expect(error).toContain('older n8n_webhook_ue.js');
		expect(error).toContain('Upload the SuiteScript shipped with this version');
		expect(rig.executions).toHaveLength(0);
	});

	it("the script posting to the trigger's Test URL signs the same path and is accepted", async () => {
		await started();
		emulator.scripts.undeployAll();
		emulator.scripts.deploy({
			recordTypes: ['customer'],
			params: { custscript_n8n_webhook_url: rig.url.replace('/webhook/', '/webhook-test/'), custscript_n8n_webhook_secret: SECRET_ID },
		});
		const id = await create('Via Test URL');
		expect(rig.delivered.map((d) => d.outcome.status)).toEqual([200]);
		expect(summary(rig)).toEqual([`create customer ${id} push`]);
	});

	it("a script told to sign another trigger's path is refused, and the execution log says why", async () => {
		await started();
		emulator.scripts.undeployAll();
		emulator.scripts.deploy({
			recordTypes: ['customer'],
			params: {
				custscript_n8n_webhook_url: rig.url,
				custscript_n8n_webhook_secret: SECRET_ID,
				custscript_n8n_webhook_path: 'other/netsuite',
			},
		});
		await create('Misdirected');
		expect(rig.delivered.map((d) => d.outcome.status)).toEqual([401]);
		expect(rig.executions).toHaveLength(0);
		const refused = emulator.scripts.log.filter((l) => l.title === 'n8n webhook refused the event');
		expect(refused.map((l) => l.details)).toEqual([expect.stringContaining('HTTP 401')]);
		expect(refused[0].details).toContain('signed for another webhook URL');
		expect(refused[0].details).not.toContain(SECRET);
	});

	it('a signed post with a malformed field is refused with the field named, and nothing starts', async () => {
		await started();
		const now = String(Math.floor(Date.now() / 1000));
		const rawBody = Buffer.from(JSON.stringify({ event: 'create', recordType: 'customer', id: 'abc' }));
		const outcome = await rig.call({
			headers: { [TIMESTAMP_HEADER]: now, [SIGNATURE_HEADER]: sign(SECRET, now, rig.path, rawBody) },
			rawBody,
		});
		expect([outcome.status, outcome.answer]).toEqual([400, { error: 'Field "id" is missing or malformed' }]);
		expect(rig.executions).toHaveLength(0);
	});

	it('record types and events not selected are answered 200 and start nothing', async () => {
		await started({ events: ['create'] });
		rig.deployScript(['customer', 'salesOrder']);
		const id = await create('Filtered');
		await update(id);
		await create('ignored order', 'salesOrder');
		expect(summary(rig)).toEqual([`create customer ${id} push`]);
		expect(rig.delivered.map((d) => d.outcome.status)).toEqual([200, 200, 200]);
	});

	it('changes made while n8n is down arrive once by catch-up when it starts again', async () => {
		await started();
		const pushed = await create('Before Outage');
		await rig.stop();
		// NetSuite saves go on: the script's post fails, the save does not.
		const whileDown = await create('During Outage');
		await update(pushed);
		expect(emulator.scripts.log.filter((l) => l.level === 'ERROR')).toHaveLength(2);
		await rig.start();
		await rig.tick();
		expect(summary(rig)).toEqual([
			`create customer ${pushed} push`,
			`create customer ${whileDown} catchUp`,
			`edit customer ${pushed} catchUp`,
		]);
	});

	it('a delete missed while n8n is down arrives by catch-up from DeletedRecord; a pushed delete is not repeated', async () => {
		await started();
		const pushedThenDeleted = await create('Deleted While Up');
		const deletedWhileDown = await create('Deleted While Down');
		await remove(pushedThenDeleted);
		await rig.stop();
		await remove(deletedWhileDown);
		await rig.start();
		await rig.tick();
		await rig.tick();
		expect(summary(rig).filter((s) => s.startsWith('delete'))).toEqual([
			`delete customer ${pushedThenDeleted} push`,
			`delete customer ${deletedWhileDown} catchUp`,
		]);
	});

	it('a change both pushed and read by catch-up is emitted once, even across a restart that loses the memory', async () => {
		await started();
		rig.deployScript();
		const id = await create('Both Ways');
		await rig.tick();
		await rig.stop();
		await rig.start();
		await rig.tick();
		expect(summary(rig)).toEqual([`create customer ${id} push`]);
	});

	it('a catch-up that fails on one record type still emits the changes it read for the others, and loses none', async () => {
		await started({ recordTypes: 'customer, nosuchtype' });
		expect(rig.trigger!.failures.map((e) => e.message)).toEqual([expect.stringContaining('nosuchtype')]);
		await rig.stop();
		const whileDown = await create('Read Before The Failure');
		await rig.start();
		// NetSuite's newest second is read once it is settled: by the next run.
		await rig.tick();
		expect(summary(rig)).toEqual([`create customer ${whileDown} catchUp`]);
		expect(rig.trigger!.failures.length).toBeGreaterThanOrEqual(1);
	});

	it('Full Record returns the record fetched through the NetSuite credential, with the event under _netsuite', async () => {
		await started({ output: 'full' });
		const id = await create('Full Record Co');
		const [item] = json(rig);
		expect(item).toMatchObject({
			id,
			companyName: 'Full Record Co',
			_netsuite: { event: 'create', recordType: 'customer', id, source: 'push' },
		});
		expect(item.links).toBeUndefined();
	});
});
