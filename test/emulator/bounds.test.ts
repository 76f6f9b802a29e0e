// The emulator's own bounds, through HTTP: the request log keeps the newest entries with bodies
// cut to a few KB (it once kept every 15 MB post whole), and JSON nested past a bound gets a
// NetSuite-shaped 400 instead of a dropped connection.
import { startEmulator, type RunningEmulator } from './index';
import { MAX_JSON_DEPTH } from './json';
import { LOG_BODY_BYTES, LOG_ENTRIES } from './server';
import { tbaFetch } from './testClient';

const JSON_TYPE = { 'content-type': 'application/json' };
const ECHO = '/app/site/hosting/restlet.nl?script=1&deploy=1';
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('emulator bounds', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0, concurrency: 1000 })));
	afterAll(async () => await emulator.stop());

	it('logs large bodies cut to a few KB, with a note saying so; small ones whole', async () => {
		emulator.clearLog();
		const big = `{"companyName":"${'x'.repeat(15 * 1024 * 1024)}"}`;
		for (let i = 0; i < 5; i++) await tbaFetch(emulator, 'POST', ECHO, { body: big, headers: JSON_TYPE });
		await tbaFetch(emulator, 'POST', ECHO, { body: '{"small":true}' });
		const bodies = emulator.requestLog.map((r) => r.body);
		expect(bodies).toHaveLength(6);
		for (const body of bodies.slice(0, 5)) {
			expect(body.length).toBeLessThan(LOG_BODY_BYTES + 100);
			expect(body).toContain(`[cut: ${big.length} bytes, ${LOG_BODY_BYTES} kept]`);
			expect(body.startsWith('{"companyName":"xxx')).toBe(true);
		}
		expect(bodies[5]).toBe('{"small":true}');
		const total = bodies.reduce((n, b) => n + b.length, 0);
		expect(total).toBeLessThan(6 * (LOG_BODY_BYTES + 100));
	}, 60_000);

	it(`keeps only the newest ${LOG_ENTRIES} entries, while it counts every request`, async () => {
		emulator.clearLog();
		const receivedBefore = emulator.requestsReceived();
		const extra = 25;
		for (let i = 0; i < LOG_ENTRIES + extra; i += 100)
			await Promise.all(
				Array.from({ length: Math.min(100, LOG_ENTRIES + extra - i) }, (_, j) =>
					fetch(`${emulator.baseUrl}/services/rest/record/v1/customer/${i + j}`),
				),
			);
		expect(emulator.requestLog).toHaveLength(LOG_ENTRIES);
		const ids = emulator.requestLog.map((r) => Number(r.path.split('/').pop()));
		expect(Math.min(...ids)).toBe(extra);
		expect(Math.max(...ids)).toBe(LOG_ENTRIES + extra - 1);
		// The bench counts requests with this: the log's length stops growing at the cap.
		expect(emulator.requestsReceived() - receivedBefore).toBe(LOG_ENTRIES + extra);
	}, 120_000);

	it(`answers JSON nested deeper than ${MAX_JSON_DEPTH} levels with a 400, on the RESTlet echo and the record service`, async () => {
		const deep = nested(20_000);
		const echo = await tbaFetch(emulator, 'POST', ECHO, { body: deep, headers: JSON_TYPE });
		expect(echo.status).toBe(400);
		expect(await echo.json()).toEqual({ error: { code: 'SYNTAX_ERROR', message: expect.stringContaining('nested deeper') } });
		const record = await tbaFetch(emulator, 'POST', '/services/rest/record/v1/customer', { body: `{"a":${deep}}` });
		expect(record.status).toBe(400);
		expect(record.headers.get('content-type')).toContain('type=error');
		expect(JSON.stringify(await record.json())).toContain('INVALID_CONTENT');
		// At the bound it is still parsed and echoed; brackets inside strings do not count.
		const atBound = await tbaFetch(emulator, 'POST', ECHO, { body: nested(MAX_JSON_DEPTH), headers: JSON_TYPE });
		expect(atBound.status).toBe(200);
		const inString = await tbaFetch(emulator, 'POST', ECHO, { body: JSON.stringify({ s: '['.repeat(20_000) }), headers: JSON_TYPE });
		expect(inString.status).toBe(200);
		// Unparsable JSON is a 400 too, and the emulator still answers afterwards.
		const broken = await tbaFetch(emulator, 'POST', ECHO, { body: '{"a":', headers: JSON_TYPE });
		expect(broken.status).toBe(400);
		expect((await tbaFetch(emulator, 'GET', '/services/rest/record/v1/customer/1')).status).toBe(200);
	});
});
