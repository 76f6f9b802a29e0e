// n8n hands a request over as baseURL + url + qs. A signature covers the URL as sent, so
// the query is written into the URL here, once, in RFC 3986 form, and sent exactly so.
import type { IDataObject } from 'n8n-workflow';

/** RFC 3986 percent-encoding: unreserved characters stay, everything else is %XX (upper case). */
export function rfc3986(value: string): string {
	return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A path (or query) in the form it travels in: characters a URL may carry stay, valid %XX
 * escapes stay, everything else (space, non-ASCII, a lone %) is percent-encoded as UTF-8. The
 * signature is computed over this form and exactly this form is sent, so what TBA signs and
 * what NetSuite receives cannot differ (n8n's HTTP client would otherwise encode a space after
 * signing). `extra` adds characters allowed in that part (`?` in a query).
 */
export function onTheWire(part: string, extra = ''): string {
	const allowed = new RegExp(`[A-Za-z0-9\\-._~!$&'()*+,;=:@/${extra.replace(/[\]\\^-]/g, '\\$&')}]`);
	let out = '';
	for (let i = 0; i < part.length; i++) {
		const c = part[i];
		if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(part.slice(i + 1, i + 3))) {
			out += part.slice(i, i + 3);
			i += 2;
		} else if (allowed.test(c)) {
			out += c;
		} else {
			const code = part.codePointAt(i) ?? 0;
			const char = String.fromCodePoint(code);
			if (char.length === 2) i++;
			out += Buffer.from(char, 'utf8').toString('hex').toUpperCase().replace(/../g, '%$&');
		}
	}
	return out;
}

type QueryValue = string | number | boolean | null | undefined;

function queryPairs(qs: IDataObject | undefined): Array<[string, string]> {
	const pairs: Array<[string, string]> = [];
	for (const [name, value] of Object.entries(qs ?? {})) {
		const values = Array.isArray(value) ? (value as QueryValue[]) : [value as QueryValue];
		for (const v of values) {
			if (v === undefined || v === null) continue;
			pairs.push([name, typeof v === 'object' ? JSON.stringify(v) : String(v)]);
		}
	}
	return pairs;
}

/**
 * The absolute URL a request goes to, with `qs` appended to any query already in `url`.
 * `origin` wins over an absolute `url`'s own origin, so the host always comes from the credential.
 */
export function buildRequestUrl(origin: string, url: string, qs?: IDataObject): string {
	const relative = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
	const [rawPath, ...query] = (relative.startsWith('/') ? relative : `/${relative}`).split('?');
	const path = query.length ? `${onTheWire(rawPath)}?${onTheWire(query.join('?'), '?')}` : onTheWire(rawPath);
	const extra = queryPairs(qs)
		.map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
		.join('&');
	if (!extra) return `${origin}${path}`;
	return `${origin}${path}${path.includes('?') ? '&' : '?'}${extra}`;
}

/** The path part of a request URL that may be absolute or relative to a base URL. */
export function joinBase(baseURL: string | undefined, url: string): string {
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || !baseURL) return url;
	const basePath = baseURL.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/\/+$/, '');
	return `${basePath}${url.startsWith('/') ? '' : '/'}${url}`;
}
