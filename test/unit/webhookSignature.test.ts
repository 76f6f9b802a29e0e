// The push signature: HMAC-SHA256 over "<timestamp>\n<destination>\n<raw body>", a replay
// window, and a constant-time comparison. Every way a forged, stale or misdirected post could
// slip through is refused.
import { createHmac } from 'node:crypto';

import { checkSignature, sign } from '../../nodes/NetSuiteWebhookTrigger/signature';

const SECRET = 'shared-secret-for-the-signature-tests';
const NOW = 1_790_000_000;
const WINDOW = 300;
const PATH = '0b6c1f0e-5d1e-4a43-9c55-8f0d7b1f2a11/netsuite';

function signed(body: string, options: { secret?: string; at?: number; path?: string } = {}) {
	const timestamp = String(options.at ?? NOW);
	return {
		timestamp,
		signature: sign(options.secret ?? SECRET, timestamp, options.path ?? PATH, body),
		rawBody: Buffer.from(body, 'utf8'),
	};
}

const check = (request: ReturnType<typeof signed> | Parameters<typeof checkSignature>[2], now = NOW, path = PATH) =>
	checkSignature(SECRET, path, request, now, WINDOW);

describe('push signature', () => {
	const body = '{"event":"create","recordType":"customer","id":"42","lastModified":"2026-11-25T08:00:00.000Z"}';

	it('accepts a genuine post signed a moment ago', () => {
		expect(check(signed(body), NOW + 2)).toBeUndefined();
	});

	it('matches a vector computed with openssl (hex, v2= prefix)', () => {
		// printf '%s' $'1790000000\nabc/netsuite\n{}' | openssl dgst -sha256 -hmac 'k'
		expect(sign('k', '1790000000', 'abc/netsuite', '{}')).toBe('v2=9a89357ef1168c00dc65b2e02eaf2517812293eca54148e72cc8e4fb707fa3d6');
	});

	it("refuses a genuine post at another trigger's path, or one a segment longer or shorter", () => {
		const genuine = signed(body);
		expect(check(genuine)).toBeUndefined();
		for (const other of ['1f2e3d4c-0000-4a43-9c55-8f0d7b1f2a11/netsuite', `${PATH}/x`, PATH.split('/')[0], `webhook/${PATH}`, ''])
			expect([other, check(genuine, NOW, other)]).toEqual([other, 'bad signature']);
	});

	it('refuses the old format (sha256= over "<timestamp>.<body>", no destination) with its own reason, even when genuine', () => {
		const oldFormat = `sha256=${createHmac('sha256', SECRET).update(`${NOW}.`).update(body).digest('hex')}`;
		expect(check({ timestamp: String(NOW), signature: oldFormat, rawBody: Buffer.from(body) })).toBe('old format');
		expect(check({ timestamp: String(NOW), signature: oldFormat.toUpperCase(), rawBody: Buffer.from(body) })).toBe('old format');
	});

	it('refuses a tampered body, even one byte or only whitespace', () => {
		const genuine = signed(body);
		expect(check({ ...genuine, rawBody: Buffer.from(body.replace('"42"', '"43"')) })).toBe('bad signature');
		expect(check({ ...genuine, rawBody: Buffer.from(`${body} `) })).toBe('bad signature');
		// Re-serialising the parsed JSON would change the bytes: only the raw body verifies.
		expect(check({ ...genuine, rawBody: Buffer.from(JSON.stringify(JSON.parse(body), null, 1)) })).toBe('bad signature');
	});

	it('refuses a post signed with another secret', () => {
		expect(check(signed(body, { secret: 'guessed' }))).toBe('bad signature');
		expect(check(signed(body, { secret: `${SECRET} ` }))).toBe('bad signature');
	});

	it('refuses a genuine signature moved to another timestamp (a replay re-dated into the window)', () => {
		const old = signed(body, { at: NOW - 3600 });
		expect(check({ ...old, timestamp: String(NOW) })).toBe('bad signature');
	});

	it('refuses an old timestamp and one from the future, at the window edge exactly', () => {
		expect(check(signed(body, { at: NOW - WINDOW }))).toBeUndefined();
		expect(check(signed(body, { at: NOW - WINDOW - 1 }))).toBe('stale');
		expect(check(signed(body, { at: NOW + WINDOW + 1 }))).toBe('stale');
	});

	it('refuses unsigned and malformed posts without computing anything from them', () => {
		const genuine = signed(body);
		expect(check({ ...genuine, signature: undefined })).toBe('unsigned');
		expect(check({ ...genuine, timestamp: undefined })).toBe('unsigned');
		expect(check({ ...genuine, signature: ['a', 'b'] })).toBe('unsigned');
		expect(check({ ...genuine, signature: genuine.signature.slice(0, -1) })).toBe('malformed');
		expect(check({ ...genuine, signature: genuine.signature.replace('v2=', 'v1=') })).toBe('malformed');
		expect(check({ ...genuine, timestamp: '1e9' })).toBe('malformed');
		expect(check({ ...genuine, timestamp: `${NOW}.5` })).toBe('malformed');
	});

	it('accepts an upper-case hex signature (NetSuite may digest in upper case)', () => {
		const genuine = signed(body);
		expect(check({ ...genuine, signature: `v2=${genuine.signature.slice(3).toUpperCase()}` })).toBeUndefined();
	});

	it('a randomized forgery search never verifies (seeded)', () => {
		const seed = 20261125;
		let state = seed;
		const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const genuine = signed(body);
		for (let i = 0; i < 500; i++) {
			const bytes = Buffer.from(genuine.rawBody);
			const at = Math.floor(next() * bytes.length);
			bytes[at] = (bytes[at] + 1 + Math.floor(next() * 254)) % 256;
			const verdict = check({ ...genuine, rawBody: bytes });
			if (verdict !== 'bad signature') throw new Error(`seed ${seed}, case ${i}: a flipped byte at ${at} was ${verdict ?? 'accepted'}`);
		}
	});
});
