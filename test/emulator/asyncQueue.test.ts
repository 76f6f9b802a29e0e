// NetSuite's async queue and batch operations in the emulator (issue 23 point 4), over HTTP:
// jobs wait for a REST Async Processor, run, and only then apply; a batch is one job with one
// task per record (Oracle, "REST Web Services Request Processing" and "Batch Operations").
import { startEmulator, type RunningEmulator } from './index';
import { tbaFetch, waitForJob } from './testClient';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const COLLECTION = 'application/vnd.oracle.resource+json; type=collection';
const BASE = '/services/rest/record/v1';

describe('emulator async queue and batch operations', () => {
	let emulator: RunningEmulator;
	// One processor and a processing time long enough to see each state between two requests.
	const JOB_MS = 250;
	beforeAll(async () => (emulator = await startEmulator({ port: 0, asyncProcessors: 1, asyncJobMs: JOB_MS })));
	afterAll(async () => await emulator.stop());
	afterEach(async () => await emulator.data.jobs.settled());

	const read = async (response: Response) => {
		const text = await response.text();
		return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as Json };
	};
	const get = async (path: string) => await read(await tbaFetch(emulator, 'GET', path));
	const createAsync = async (body: Json, key?: string) =>
		await read(
			await tbaFetch(emulator, 'POST', `${BASE}/customer`, {
				body: JSON.stringify(body),
				headers: {
					'content-type': 'application/json',
					prefer: 'respond-async',
					...(key && { 'x-netsuite-idempotency-key': key }),
				},
			}),
		);
	const batch = async (method: string, items: unknown[], headers: Record<string, string> = {}) =>
		await read(
			await tbaFetch(emulator, method, `${BASE}/customer`, {
				body: JSON.stringify({ items }),
				headers: { 'content-type': COLLECTION, prefer: 'respond-async', ...headers },
			}),
		);
	const customer = (companyName: string, extra: Json = {}) => ({ companyName, subsidiary: { id: '1' }, ...extra });
	const named = (name: string) => emulator.data.db.all('SELECT id FROM customer WHERE companyname = ?', [name]).map((r) => String(r.id));
	const customers = () => emulator.data.count('customer');
	const errorCode = (body: Json) => body['o:errorDetails'][0]['o:errorCode'];
	/** The results of every task of a finished job, in task order. */
	const results = async (job: string) => {
		const tasks = await get(`${job}/task`);
		return await Promise.all(tasks.body.items.map(async (t: Json) => await get(`${job}/task/${t.id}/result`)));
	};
	const idOf = (r: { headers: Headers }) => r.headers.get('location')?.split('/').pop();

	it('a job waits for the one processor: the second of two submitted together is pending, then runs after the first', async () => {
		const [a, b] = await Promise.all([createAsync(customer('Queue First')), createAsync(customer('Queue Second'))]);
		expect([a.status, b.status]).toEqual([202, 202]);
		// Whichever arrived first got the lower job id and the processor.
		const [jobA, jobB] = [a.headers.get('location')!, b.headers.get('location')!].sort(
			(x, y) => Number(x.split('/').pop()) - Number(y.split('/').pop()),
		);
		const [first, second] = await Promise.all([get(jobA), get(jobB)]);
		expect(first.body).toMatchObject({ completed: false, progress: 'processing' });
		expect(second.body).toMatchObject({ completed: false, progress: 'pending' });
		expect((await get(`${jobB}/task/1`)).body).toMatchObject({ completed: false, progress: 'pending' });

		expect((await waitForJob(emulator, jobA)).progress).toBe('succeeded');
		expect(named('Queue First').length + named('Queue Second').length).toBe(1);
		// The second only now has the processor, and needs its own processing time.
		expect((await get(jobB)).body).toMatchObject({ completed: false, progress: 'processing' });
		expect((await waitForJob(emulator, jobB)).progress).toBe('succeeded');
		expect([named('Queue First').length, named('Queue Second').length]).toEqual([1, 1]);
		const [taskA, taskB] = await Promise.all([get(`${jobA}/task/1`), get(`${jobB}/task/1`)]);
		expect(taskA.body).toMatchObject({ completed: true, progress: 'succeeded' });
		expect(Date.parse(taskB.body.startTime)).toBeGreaterThanOrEqual(Date.parse(taskA.body.endTime));
	});

	it('the record does not exist before its job completes, and the task result is not yet available', async () => {
		const accepted = await createAsync(customer('Not Yet Ltd', { externalId: 'NOT-YET-1' }));
		const job = accepted.headers.get('location')!;
		expect((await get(`${BASE}/customer/eid:NOT-YET-1`)).status).toBe(404);
		const early = await get(`${job}/task/1/result`);
		expect(early.status).toBe(404);
		expect(early.body['o:errorDetails'][0].detail).toMatch(/not available yet: job \d+ has not completed/);
		await waitForJob(emulator, job);
		const result = await get(`${job}/task/1/result`);
		expect(result.status).toBe(204);
		const record = await get(`${BASE}/customer/eid:NOT-YET-1`);
		expect(record.status).toBe(200);
		expect(idOf(result)).toBe(record.body.id);
	});

	it('a batch of 3 creates, one with a taken externalId: one job, 2 new records, task results 204, 400 DUP_RCRD, 204 in order', async () => {
		const taken = await read(
			await tbaFetch(emulator, 'POST', `${BASE}/customer`, {
				body: JSON.stringify(customer('Taken Eid Ltd', { externalId: 'BATCH-DUP' })),
				headers: { 'content-type': 'application/json' },
			}),
		);
		expect(taken.status).toBe(204);
		const before = customers();
		const jobsBefore = emulator.data.jobs.count;
		const accepted = await batch('POST', [
			customer('Batch One', { externalId: 'BATCH-1' }),
			customer('Batch Dup', { externalId: 'BATCH-DUP' }),
			customer('Batch Three', { externalId: 'BATCH-3' }),
		]);
		expect(accepted.status).toBe(202);
		expect(accepted.headers.get('preference-applied')).toBe('respond-async');
		const job = accepted.headers.get('location')!;
		expect(job).toMatch(/^\/services\/rest\/async\/v1\/job\/\d+$/);
		expect(emulator.data.jobs.count).toBe(jobsBefore + 1);
		expect(customers()).toBe(before);
		const tasks = await get(`${job}/task`);
		expect(tasks.body).toMatchObject({ count: 3, hasMore: false, offset: 0, totalResults: 3 });
		expect(tasks.body.items.map((t: Json) => t.id)).toEqual(['1', '2', '3']);

		expect(await waitForJob(emulator, job)).toMatchObject({ completed: true, progress: 'failed' });
		expect(customers()).toBe(before + 2);
		const [one, dup, three] = await results(job);
		expect([one.status, dup.status, three.status]).toEqual([204, 400, 204]);
		expect(idOf(one)).toBe(named('Batch One')[0]);
		expect(idOf(three)).toBe(named('Batch Three')[0]);
		expect(errorCode(dup.body)).toBe('DUP_RCRD');
		expect(named('Batch Dup')).toHaveLength(0);
		expect((await get(`${job}/task/2`)).body).toMatchObject({ completed: true, progress: 'failed' });
		expect((await get(`${job}/task/1`)).body).toMatchObject({ completed: true, progress: 'succeeded' });
	});

	it('refuses a batch of 101 records, a wrong content type and a missing Prefer: respond-async, making no job', async () => {
		const jobsBefore = emulator.data.jobs.count;
		const tooMany = await batch(
			'POST',
			Array.from({ length: 101 }, (_, i) => customer(`Too Many ${i}`)),
		);
		expect(tooMany.status).toBe(400);
		expect(tooMany.body['o:errorDetails'][0]).toMatchObject({ 'o:errorCode': 'INVALID_CONTENT', 'o:errorPath': 'items' });
		expect(tooMany.body['o:errorDetails'][0].detail).toMatch(/from 1 to 100 records; this one holds 101/);
		const json = await batch('PATCH', [{ id: '1', comments: 'x' }], { 'content-type': 'application/json' });
		expect(json.status).toBe(400);
		expect(json.body['o:errorDetails'][0]).toMatchObject({ 'o:errorHeader': 'Content-Type' });
		expect(json.body['o:errorDetails'][0].detail).toContain(COLLECTION);
		const jsonPost = await batch('POST', [customer('Json Post')], { 'content-type': 'application/json' });
		expect(jsonPost.status).toBe(400);
		expect(jsonPost.body['o:errorDetails'][0]).toMatchObject({ 'o:errorHeader': 'Content-Type' });
		const sync = await read(
			await tbaFetch(emulator, 'POST', `${BASE}/customer`, {
				body: JSON.stringify({ items: [customer('Sync Batch')] }),
				headers: { 'content-type': COLLECTION },
			}),
		);
		expect(sync.status).toBe(400);
		expect(sync.body['o:errorDetails'][0]).toMatchObject({ 'o:errorCode': 'INVALID_REQUEST', 'o:errorHeader': 'Prefer' });
		expect(emulator.data.jobs.count).toBe(jobsBefore);
		expect(named('Too Many 0')).toHaveLength(0);
		expect(named('Sync Batch')).toHaveLength(0);
	});

	it('PATCH batch: by id and by externalId, a missing id fails only its task (404), an item naming no record 400', async () => {
		await emulator.data.jobs.settled();
		const made = await batch('POST', [customer('Patch A', { externalId: 'PATCH-A' }), customer('Patch B', { externalId: 'PATCH-B' })]);
		await waitForJob(emulator, made.headers.get('location')!);
		const [a] = named('Patch A');
		const accepted = await batch('PATCH', [
			{ id: a, comments: 'patched by id' },
			{ externalId: 'PATCH-B', comments: 'patched by eid' },
			{ id: '999999', comments: 'nobody' },
			{ comments: 'no id at all' },
		]);
		expect(accepted.status).toBe(202);
		const job = accepted.headers.get('location')!;
		expect((await get(`${BASE}/customer/${a}`)).body.comments).toBeUndefined();
		await waitForJob(emulator, job);
		const r = await results(job);
		expect(r.map((x) => x.status)).toEqual([204, 204, 404, 400]);
		expect([idOf(r[0]), idOf(r[1])]).toEqual([a, named('Patch B')[0]]);
		expect(errorCode(r[2].body)).toBe('NONEXISTENT_ID');
		expect(r[3].body['o:errorDetails'][0]['o:errorPath']).toBe('items[3]');
		expect((await get(`${BASE}/customer/${a}`)).body.comments).toBe('patched by id');
		expect((await get(`${BASE}/customer/eid:PATCH-B`)).body.comments).toBe('patched by eid');
	});

	it('PUT batch upserts by externalId: an existing record is updated, a new one created, an item without externalId refused', async () => {
		const made = await batch('POST', [customer('Upsert Old', { externalId: 'UPSERT-OLD' })]);
		await waitForJob(emulator, made.headers.get('location')!);
		const [old] = named('Upsert Old');
		const before = customers();
		const accepted = await batch('PUT', [
			{ externalId: 'UPSERT-OLD', companyName: 'Upsert Old Renamed' },
			customer('Upsert New', { externalId: 'UPSERT-NEW' }),
			customer('Upsert No Eid'),
		]);
		const job = accepted.headers.get('location')!;
		await waitForJob(emulator, job);
		const r = await results(job);
		expect(r.map((x) => x.status)).toEqual([204, 204, 400]);
		expect(idOf(r[0])).toBe(old);
		expect(idOf(r[1])).toBe(named('Upsert New')[0]);
		expect(r[2].body['o:errorDetails'][0]['o:errorPath']).toBe('items[2].externalId');
		expect(customers()).toBe(before + 1);
		expect(named('Upsert Old Renamed')).toEqual([old]);
	});

	it('DELETE batch: by id and by externalId; a missing record fails its own task with 404', async () => {
		const made = await batch('POST', [customer('Delete A'), customer('Delete B', { externalId: 'DELETE-B' })]);
		await waitForJob(emulator, made.headers.get('location')!);
		const [a] = named('Delete A');
		const accepted = await batch('DELETE', [{ id: a }, { externalId: 'DELETE-B' }, { externalId: 'NO-SUCH-EID' }]);
		const job = accepted.headers.get('location')!;
		expect(named('Delete A')).toHaveLength(1);
		await waitForJob(emulator, job);
		const r = await results(job);
		expect(r.map((x) => x.status)).toEqual([204, 204, 404]);
		expect(r[0].body).toBeUndefined();
		expect(named('Delete A')).toHaveLength(0);
		expect(named('Delete B')).toHaveLength(0);
	});

	it('a repeated idempotency key while the first job is still queued answers 400 IDEMPOTENCY_ERROR with its Location', async () => {
		const busy = await createAsync(customer('Busy Processor'));
		const first = await createAsync(customer('Keyed Once'), 'queued-key-1');
		const job = first.headers.get('location')!;
		expect((await get(job)).body).toMatchObject({ completed: false, progress: 'pending' });
		const again = await createAsync(customer('Keyed Once'), 'queued-key-1');
		expect(again.status).toBe(400);
		expect(errorCode(again.body)).toBe('IDEMPOTENCY_ERROR');
		expect(again.headers.get('location')).toBe(job);
		const batchFirst = await batch('POST', [customer('Keyed Batch')], { 'x-netsuite-idempotency-key': 'queued-key-2' });
		const batchAgain = await batch('POST', [customer('Keyed Batch')], { 'x-netsuite-idempotency-key': 'queued-key-2' });
		expect(batchAgain.status).toBe(400);
		expect(batchAgain.headers.get('location')).toBe(batchFirst.headers.get('location'));
		expect((await get(batchFirst.headers.get('location')!)).body.progress).toBe('pending');
		await waitForJob(emulator, busy.headers.get('location')!);
		await waitForJob(emulator, job);
		await waitForJob(emulator, batchFirst.headers.get('location')!);
		expect(named('Keyed Once')).toHaveLength(1);
		expect(named('Keyed Batch')).toHaveLength(1);
	});

	it("pages a job's task list like NetSuite's collections (limit, offset, hasMore, links)", async () => {
		const accepted = await batch(
			'POST',
			Array.from({ length: 5 }, (_, i) => customer(`Paged Task ${i + 1}`)),
		);
		const job = accepted.headers.get('location')!;
		const page1 = await get(`${job}/task?limit=2`);
		expect(page1.body).toMatchObject({ count: 2, hasMore: true, offset: 0, totalResults: 5 });
		expect(page1.body.items.map((t: Json) => t.id)).toEqual(['1', '2']);
		expect(page1.body.links.find((l: Json) => l.rel === 'next').href).toMatch(/\/task\?limit=2&offset=2$/);
		const last = await get(`${job}/task?limit=2&offset=4`);
		expect(last.body).toMatchObject({ count: 1, hasMore: false, offset: 4, totalResults: 5 });
		expect(last.body.items[0]).toMatchObject({ id: '5', links: [{ rel: 'self', href: expect.stringMatching(/\/task\/5$/) }] });
		expect((await get(`${job}/task?limit=2&offset=1`)).status).toBe(400);
		await waitForJob(emulator, job);
		const fifth = await get(`${job}/task/5/result`);
		expect(idOf(fifth)).toBe(named('Paged Task 5')[0]);
	});

	it('fault injection applies to batch submissions and job polls as to any request', async () => {
		const jobsBefore = emulator.data.jobs.count;
		emulator.faults.failNext(1, 503, { path: /\/record\/v1\/customer$/ });
		const refused = await batch('POST', [customer('Faulted Batch')]);
		expect(refused.status).toBe(503);
		expect(emulator.data.jobs.count).toBe(jobsBefore);
		const accepted = await batch('POST', [customer('Faulted Batch')]);
		expect(accepted.status).toBe(202);
		const job = accepted.headers.get('location')!;
		emulator.faults.failNext(2, 503, { path: /\/async\/v1\/job\/\d+$/ });
		expect((await get(job)).status).toBe(503);
		expect((await get(job)).status).toBe(503);
		expect((await waitForJob(emulator, job)).progress).toBe('succeeded');
		expect(named('Faulted Batch')).toHaveLength(1);
	});
});

describe('emulator async queue with asyncJobMs 0', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0, asyncJobMs: 0 })));
	afterAll(async () => await emulator.stop());

	it('completes a job on the next turn of the event loop: the first poll finds it done', async () => {
		const accepted = await tbaFetch(emulator, 'POST', `${BASE}/customer`, {
			body: JSON.stringify({ companyName: 'Instant Ltd', subsidiary: { id: '1' } }),
			headers: { 'content-type': 'application/json', prefer: 'respond-async' },
		});
		const job = accepted.headers.get('location')!;
		const status = (await (await tbaFetch(emulator, 'GET', job)).json()) as Json;
		expect(status).toMatchObject({ completed: true, progress: 'succeeded' });
	});

	it('refuses a queue with no processor or a negative processing time, naming the option', async () => {
		await expect(startEmulator({ port: 0, asyncProcessors: 0 })).rejects.toThrow('asyncProcessors must be an integer of at least 1');
		await expect(startEmulator({ port: 0, asyncJobMs: -1 })).rejects.toThrow('asyncJobMs must be 0 or more');
	});
});
