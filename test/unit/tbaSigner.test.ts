import { createHmac } from 'node:crypto';

import { NetSuiteTbaApi } from '../../credentials/NetSuiteTbaApi.credentials';
import { tbaAuthorizationHeader } from '../../nodes/shared/auth/tbaSigner';
import { oracleVector, parseOAuthHeader } from './fixtures';

const keys = { ...oracleVector };
const fixed = { nonce: oracleVector.nonce, timestamp: oracleVector.timestamp };

/** RFC 3986 encoding written out independently of the code under test. */
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** Signature recomputed from the documented base string, not with the library. */
function expectedSignature(method: string, url: string, oauth: Record<string, string>, secrets = oracleVector) {
	const [base, query = ''] = url.split('?');
	const params: Array<[string, string]> = Object.entries(oauth).filter(([k]) => k !== 'realm' && k !== 'oauth_signature');
	for (const part of query.split('&').filter(Boolean)) {
		const [k, v = ''] = part.split('=');
		params.push([decodeURIComponent(k), decodeURIComponent(v)]);
	}
	const normalized = params
		.map(([k, v]) => [enc(k), enc(v)])
		.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
		.map(([k, v]) => `${k}=${v}`)
		.join('&');
	const baseString = `${method}&${enc(base)}&${enc(normalized)}`;
	return createHmac('sha256', `${enc(secrets.consumerSecret)}&${enc(secrets.tokenSecret)}`)
		.update(baseString)
		.digest('base64');
}

describe('TBA signing', () => {
	it("reproduces Oracle's published GET vector exactly", () => {
		const header = tbaAuthorizationHeader(
			keys,
			{
				method: 'GET',
				url: 'https://123456.suitetalk.api.netsuite.com/services/rest/record/v1/employee/40',
			},
			fixed,
		);
		expect(parseOAuthHeader(header).oauth_signature).toBe('B5OIWznZ2YP0OB7VrJrGkYsTh+8H+5T9Hag+o92q0zY=');
	});

	it("reproduces Oracle's published RESTlet POST vector, query parameters included", () => {
		const header = tbaAuthorizationHeader(
			keys,
			{
				method: 'POST',
				url: 'https://123456.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=6&deploy=1&customParam=someValue&testParam=someOtherValue',
			},
			fixed,
		);
		expect(parseOAuthHeader(header).oauth_signature).toBe('+KK4SKNgz4ZiILGLwOMtfYlgcXSy1eis8ldE9X90azQ=');
	});

	it('puts realm and HMAC-SHA256 in the header and a fresh 20-character nonce per request', () => {
		const url = 'https://123456.suitetalk.api.netsuite.com/services/rest/record/v1/customer';
		const a = parseOAuthHeader(tbaAuthorizationHeader(keys, { method: 'GET', url }));
		const b = parseOAuthHeader(tbaAuthorizationHeader(keys, { method: 'GET', url }));
		expect(a.realm).toBe('123456');
		expect(a.oauth_signature_method).toBe('HMAC-SHA256');
		expect(a.oauth_version).toBe('1.0');
		expect(a.oauth_nonce).toHaveLength(20);
		expect(a.oauth_nonce).not.toBe(b.oauth_nonce);
		expect(Math.abs(Number(a.oauth_timestamp) - Date.now() / 1000)).toBeLessThan(5);
	});
});

describe('NetSuiteTbaApi.authenticate', () => {
	const credential = new NetSuiteTbaApi();
	const credentials = { ...oracleVector, accountId: '1234567_sb1', baseUrlOverride: '' };

	it('signs baseURL + url + qs exactly as they are sent, verified by an independent HMAC-SHA256', async () => {
		const signed = await credential.authenticate(credentials, {
			method: 'GET',
			baseURL: 'https://ignored.example.com/services/rest/record/v1',
			url: '/customer',
			qs: { q: 'companyName START_WITH "A&B Co"', limit: 5, offset: 0 },
		});
		expect(signed.url).toBe(
			'https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer?q=companyName%20START_WITH%20%22A%26B%20Co%22&limit=5&offset=0',
		);
		expect(signed.qs).toBeUndefined();
		expect(signed.baseURL).toBeUndefined();
		const header = parseOAuthHeader(String(signed.headers?.Authorization));
		expect(header.realm).toBe('1234567_SB1');
		expect(header.oauth_signature).toBe(expectedSignature('GET', signed.url, header));
	});

	it("signs the request library's uri form that n8n's HTTP Request node (Custom API Call) hands over", async () => {
		const legacy = {
			method: 'GET',
			uri: 'https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer/eid:CRM-1?fields=companyName',
			qs: { expandSubResources: true },
		};
		const signed = (await credential.authenticate(credentials, legacy as never)) as {
			url?: string;
			uri?: string;
			headers?: Record<string, unknown>;
		};
		expect(signed.url).toBe(
			'https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer/eid:CRM-1?fields=companyName&expandSubResources=true',
		);
		expect(signed.uri).toBeUndefined();
		const header = parseOAuthHeader(String(signed.headers?.Authorization));
		expect(header.oauth_signature).toBe(expectedSignature('GET', signed.url!, header));
	});

	it('sends RESTlet paths to the restlets host', async () => {
		const signed = await credential.authenticate(credentials, {
			method: 'POST',
			url: '/app/site/hosting/restlet.nl',
			qs: { script: 6, deploy: 1 },
		});
		expect(signed.url).toBe('https://1234567-sb1.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=6&deploy=1');
		const header = parseOAuthHeader(String(signed.headers?.Authorization));
		expect(header.oauth_signature).toBe(expectedSignature('POST', signed.url, header));
	});

	it.each([
		['consumerSecret', 'Consumer Secret'],
		['tokenId', 'Token ID'],
		['tokenSecret', 'Token Secret'],
		['consumerKey', 'Consumer Key'],
	])('refuses an empty %s before any request, naming the field', async (field, label) => {
		await expect(credential.authenticate({ ...credentials, [field]: '  ' }, { method: 'GET', url: '/x' })).rejects.toThrow(
			`${label} is empty`,
		);
	});

	it('refuses an account id that would move the host', async () => {
		await expect(credential.authenticate({ ...credentials, accountId: 'evil.com/#' }, { method: 'GET', url: '/x' })).rejects.toThrow(
			/Account ID "evil.com\/#" is not a NetSuite account id/,
		);
	});
});
