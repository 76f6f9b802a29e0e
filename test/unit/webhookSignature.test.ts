// The push signature: HMAC-SHA256 over "<timestamp>.<raw body>", a replay window, and a
// constant-time comparison. Every way a forged or stale post could slip through is refused.
import { checkSignature, sign } from '../../nodes/NetSuiteWebhookTrigger/signature';

const SECRET = 'shared-secret-for-the-signature-tests';
const NOW = 1_790_000_000;
const WINDOW = 300;

function signed(body: string, options: { secret?: string; at?: number } = {}) {
	const timestamp = String(options.at ?? NOW);
	return { timestamp, signature: sign(options.secret ?? SECRET, timestamp, body), rawBody: Buffer.from(body, 'utf8') };
}

describe('push signature', () => {
	const body = '{"event":"create","recordType":"customer","id":"42","lastModified":"2026-11-25T08:00:00.000Z"}';

	it('accepts a genuine post signed a moment ago', () => {
		expect(checkSignature(SECRET, signed(body), NOW + 2, WINDOW)).toBeUndefined();
	});

	it('matches a vector computed with openssl (hex, sha256= prefix)', () => {
		// printf '%s' '1790000000.{}' | openssl dgst -sha256 -hmac 'k'
		expect(sign('k', '1790000000', '{}')).toBe('sha256=d60b033fc3709a5047203b501bd57fde2e3a2b8c29c7f98f9361b9fbc125835f');
	});

	it('refuses a tampered body, even one byte or only whitespace', () => {
		const genuine = signed(body);
		expect(checkSignature(SECRET, { ...genuine, rawBody: Buffer.from(body.replace('"42"', '"43"')) }, NOW, WINDOW)).toBe('bad signature');
		expect(checkSignature(SECRET, { ...genuine, rawBody: Buffer.from(`${body} `) }, NOW, WINDOW)).toBe('bad signature');
		// Re-serialising the parsed JSON would change the bytes: only the raw body verifies.
		expect(checkSignature(SECRET, { ...genuine, rawBody: Buffer.from(JSON.stringify(JSON.parse(body), null, 1)) }, NOW, WINDOW)).toBe(
			'bad signature',
		);
	});

	it('refuses a post signed with another secret', () => {
		expect(checkSignature(SECRET, signed(body, { secret: 'guessed' }), NOW, WINDOW)).toBe('bad signature');
		expect(checkSignature(SECRET, signed(body, { secret: `${SECRET} ` }), NOW, WINDOW)).toBe('bad signature');
	});

	it('refuses a genuine signature moved to another timestamp (a replay re-dated into the window)', () => {
		const old = signed(body, { at: NOW - 3600 });
		expect(checkSignature(SECRET, { ...old, timestamp: String(NOW) }, NOW, WINDOW)).toBe('bad signature');
	});

	it('refuses an old timestamp and one from the future, at the window edge exactly', () => {
		expect(checkSignature(SECRET, signed(body, { at: NOW - WINDOW }), NOW, WINDOW)).toBeUndefined();
		expect(checkSignature(SECRET, signed(body, { at: NOW - WINDOW - 1 }), NOW, WINDOW)).toBe('stale');
		expect(checkSignature(SECRET, signed(body, { at: NOW + WINDOW + 1 }), NOW, WINDOW)).toBe('stale');
	});

	it('refuses unsigned and malformed posts without computing anything from them', () => {
		const genuine = signed(body);
		expect(checkSignature(SECRET, { ...genuine, signature: undefined }, NOW, WINDOW)).toBe('unsigned');
		expect(checkSignature(SECRET, { ...genuine, timestamp: undefined }, NOW, WINDOW)).toBe('unsigned');
		expect(checkSignature(SECRET, { ...genuine, signature: ['a', 'b'] }, NOW, WINDOW)).toBe('unsigned');
		expect(checkSignature(SECRET, { ...genuine, signature: genuine.signature.slice(0, -1) }, NOW, WINDOW)).toBe('malformed');
		expect(checkSignature(SECRET, { ...genuine, signature: genuine.signature.replace('sha256=', 'sha1=') }, NOW, WINDOW)).toBe('malformed');
		expect(checkSignature(SECRET, { ...genuine, timestamp: '1e9' }, NOW, WINDOW)).toBe('malformed');
		expect(checkSignature(SECRET, { ...genuine, timestamp: `${NOW}.5` }, NOW, WINDOW)).toBe('malformed');
	});

	it('accepts an upper-case hex signature (NetSuite may digest in upper case)', () => {
		const genuine = signed(body);
		expect(
			checkSignature(SECRET, { ...genuine, signature: `sha256=${genuine.signature.slice(7).toUpperCase()}` }, NOW, WINDOW),
		).toBeUndefined();
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
			const verdict = checkSignature(SECRET, { ...genuine, rawBody: bytes }, NOW, WINDOW);
			if (verdict !== 'bad signature') throw new Error(`seed ${seed}, case ${i}: a flipped byte at ${at} was ${verdict ?? 'accepted'}`);
		}
	});
});
