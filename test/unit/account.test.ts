import { accountUrls, parseAccountId, testServerOf } from '../../nodes/shared/auth/account';
import { originFor } from '../../nodes/shared/api/transport';

describe('account ids', () => {
	it.each([
		['1234567', '1234567', '1234567'],
		['1234567_SB1', '1234567_SB1', '1234567-sb1'],
		['1234567-sb2', '1234567_SB2', '1234567-sb2'],
		['tstdrv1234567', 'TSTDRV1234567', 'tstdrv1234567'],
		[' 1234567_rp ', '1234567_RP', '1234567-rp'],
	])('%s maps to realm %s and host label %s', (input, realm, hostLabel) => {
		expect(parseAccountId(input)).toEqual({ realm, hostLabel });
	});

	it('derives the REST, RESTlet and UI hosts from the account', () => {
		expect(accountUrls('1234567_SB1')).toEqual({
			rest: 'https://1234567-sb1.suitetalk.api.netsuite.com',
			restlets: 'https://1234567-sb1.restlets.api.netsuite.com',
			app: 'https://1234567-sb1.app.netsuite.com',
		});
	});

	it.each([
		'',
		'evil.com',
		'1234567.evil.com',
		'https://1234567.app.netsuite.com',
		'1234567_SB',
		'1234567/..',
		'12 34',
		'1234567_XX1',
		'a'.repeat(31),
	])('refuses %j with an error naming Account ID', (bad) => {
		expect(() => parseAccountId(bad)).toThrow(/Account ID/);
		expect(() => accountUrls(bad)).toThrow(/Account ID/);
	});

	it('lets a test server replace every host, keeping only its origin', () => {
		expect(accountUrls('1234567', 'http://127.0.0.1:8787/some/path')).toEqual({
			rest: 'http://127.0.0.1:8787',
			restlets: 'http://127.0.0.1:8787',
			app: 'http://127.0.0.1:8787',
		});
		expect(() => accountUrls('1234567', 'ftp://x')).toThrow('Test Server URL');
	});

	it("sends to the Test Server URL only while Use a Test Server is on; off or never set, NetSuite's hosts", () => {
		const path = '/services/rest/record/v1/customer/1';
		const withUrl = { accountId: '1234567', baseUrlOverride: 'http://127.0.0.1:8787' };
		expect(originFor({ ...withUrl, useTestServer: true }, path)).toBe('http://127.0.0.1:8787');
		// A URL left in the stored data (the field hidden, or an old import) never redirects a real account.
		expect(originFor({ ...withUrl, useTestServer: false }, path)).toBe('https://1234567.suitetalk.api.netsuite.com');
		expect(originFor(withUrl, path)).toBe('https://1234567.suitetalk.api.netsuite.com');
		expect(testServerOf({ useTestServer: 'true', baseUrlOverride: 'http://127.0.0.1:8787' })).toBe('');
		expect(() => testServerOf({ useTestServer: true, baseUrlOverride: ' ' })).toThrow(
			'Test Server URL is empty: enter the test server (e.g. http://127.0.0.1:8787), or turn Use a Test Server off',
		);
	});
});
