// Token-Based Authentication checked as NetSuite checks it: the signature is recomputed
// from the request as received (raw path and query, decoded then re-encoded per RFC 3986),
// never from a parsed object that could hide a client's encoding bug.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function parseOAuthHeader(header: string): Record<string, string> | undefined {
	if (!/^OAuth\s/i.test(header)) return undefined;
	const params: Record<string, string> = {};
	for (const m of header.slice(6).matchAll(/([A-Za-z_]+)\s*=\s*"([^"]*)"/g)) {
		try {
			params[m[1]] = decodeURIComponent(m[2]);
		} catch {
			return undefined;
		}
	}
	return params;
}

/** Name/value pairs of a raw query or form body, decoded once (`+` is a space in forms only). */
export function rawPairs(raw: string, form = false): Array<[string, string]> {
	const pairs: Array<[string, string]> = [];
	for (const part of raw.split('&')) {
		if (!part) continue;
		const eq = part.indexOf('=');
		const decode = (s: string) => decodeURIComponent(form ? s.replace(/\+/g, ' ') : s);
		pairs.push([decode(eq < 0 ? part : part.slice(0, eq)), decode(eq < 0 ? '' : part.slice(eq + 1))]);
	}
	return pairs;
}

export function tbaBaseString(method: string, baseUrl: string, pairs: Array<[string, string]>): string {
	const normalized = pairs
		.map(([k, v]) => [enc(k), enc(v)] as const)
		.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1))
		.map(([k, v]) => `${k}=${v}`)
		.join('&');
	return `${method.toUpperCase()}&${enc(baseUrl)}&${enc(normalized)}`;
}

export function tbaSignature(baseString: string, consumerSecret: string, tokenSecret: string): string {
	return createHmac('sha256', `${enc(consumerSecret)}&${enc(tokenSecret)}`)
		.update(baseString)
		.digest('base64');
}

export interface TbaAccount {
	realm: string;
	consumers: Map<string, string>;
	tokens: Map<string, { secret: string; consumerKey: string }>;
}

export interface TbaRequestView {
	method: string;
	origin: string;
	path: string;
	rawQuery: string;
	authorization: string;
	formBody?: string;
}

/** Checks one TBA request; returns why it is refused, or undefined when it is valid. */
export class TbaVerifier {
	private readonly seenNonces = new Map<string, number>();

	constructor(
		private readonly account: TbaAccount,
		private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
	) {}

	verify(req: TbaRequestView): string | undefined {
		const oauth = parseOAuthHeader(req.authorization);
		if (!oauth) return 'not an OAuth header';
		if (oauth.realm !== this.account.realm) return `wrong realm ${oauth.realm}`;
		if (oauth.oauth_signature_method !== 'HMAC-SHA256') return 'signature method must be HMAC-SHA256';
		if (oauth.oauth_version && oauth.oauth_version !== '1.0') return 'oauth_version must be 1.0';
		const consumerSecret = this.account.consumers.get(oauth.oauth_consumer_key ?? '');
		const token = this.account.tokens.get(oauth.oauth_token ?? '');
		if (consumerSecret === undefined || !token || token.consumerKey !== oauth.oauth_consumer_key) return 'unknown consumer or token';
		const timestamp = Number(oauth.oauth_timestamp);
		if (!Number.isInteger(timestamp) || Math.abs(this.nowSeconds() - timestamp) > 300) return 'timestamp out of range';
		const nonce = oauth.oauth_nonce ?? '';
		if (nonce.length < 6) return 'nonce too short';
		let pairs: Array<[string, string]>;
		try {
			pairs = [...rawPairs(req.rawQuery), ...(req.formBody ? rawPairs(req.formBody, true) : [])];
		} catch {
			return 'malformed query';
		}
		for (const [k, v] of Object.entries(oauth)) if (k !== 'realm' && k !== 'oauth_signature') pairs.push([k, v]);
		const base = tbaBaseString(req.method, `${req.origin.toLowerCase()}${req.path}`, pairs);
		const expected = Buffer.from(tbaSignature(base, consumerSecret, token.secret));
		const given = Buffer.from(oauth.oauth_signature ?? '');
		if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad signature';
		// Checked last so a bad request does not burn a nonce.
		const nonceKey = `${oauth.oauth_consumer_key}|${timestamp}|${nonce}`;
		if (this.seenNonces.has(nonceKey)) return 'nonce reused';
		this.seenNonces.set(nonceKey, timestamp);
		if (this.seenNonces.size > 100_000) {
			for (const [k, t] of this.seenNonces) if (t < this.nowSeconds() - 600) this.seenNonces.delete(k);
		}
		return undefined;
	}
}
