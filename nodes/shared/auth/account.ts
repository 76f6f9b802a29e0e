// NetSuite account ids map to hosts and to the OAuth 1.0a realm. Nothing that is not an
// account id ever reaches a URL: a crafted "account id" would otherwise move the host.

import { CredentialInputError } from './credentialFields';

/** `1234567`, `TSTDRV1234567`, `1234567_SB1`, `1234567-sb1`, `1234567_RP` (case-insensitive). */
const ACCOUNT_ID = /^([0-9A-Z]{1,30})(?:[_-](SB[0-9]{1,3}|RP))?$/i;

export interface NetSuiteAccount {
	/** As NetSuite writes it in the realm: upper case with `_` (`1234567_SB1`). */
	realm: string;
	/** As NetSuite writes it in host names: lower case with `-` (`1234567-sb1`). */
	hostLabel: string;
}

export function parseAccountId(raw: unknown): NetSuiteAccount {
	const value = typeof raw === 'string' ? raw.trim() : '';
	if (!value) {
		throw new CredentialInputError(
			'Account ID is empty: enter the id shown in NetSuite under Setup > Company > Company Information (for example 1234567 or 1234567_SB1)',
		);
	}
	const match = ACCOUNT_ID.exec(value);
	if (!match) {
		const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
		throw new CredentialInputError(
			`Account ID "${shown}" is not a NetSuite account id: use letters and digits with an optional _SB1 / _RP suffix (for example 1234567 or 1234567_SB1), not a URL`,
		);
	}
	const [, base, suffix] = match;
	const realm = (suffix ? `${base}_${suffix}` : base).toUpperCase();
	return { realm, hostLabel: realm.toLowerCase().replace('_', '-') };
}

export interface AccountUrls {
	/** Origin of the REST web services (record, query, auth token). */
	rest: string;
	/** Origin of RESTlets. */
	restlets: string;
	/** Origin of the NetSuite UI (OAuth 2.0 authorize page). */
	app: string;
}

/**
 * The test server a credential sends to instead of NetSuite (the emulator of `npm run demo`, a
 * test's proxy): its Test Server URL, only while Use a Test Server is on. Off, or never set,
 * NetSuite's hosts come from the Account ID, whatever URL the credential still holds.
 */
export function testServerOf(credentials: { useTestServer?: unknown; baseUrlOverride?: unknown }): string {
	if (credentials.useTestServer !== true) return '';
	const url = typeof credentials.baseUrlOverride === 'string' ? credentials.baseUrlOverride.trim() : '';
	if (!url)
		throw new CredentialInputError(
			'Test Server URL is empty: enter the test server (e.g. http://127.0.0.1:8787), or turn Use a Test Server off',
		);
	return url;
}

/** Origins for an account; a test server (tests, the demo, the emulator) replaces all three. */
export function accountUrls(accountId: unknown, baseUrlOverride?: unknown): AccountUrls {
	const override = typeof baseUrlOverride === 'string' ? baseUrlOverride.trim() : '';
	if (override) {
		const origin = parseOverride(override);
		return { rest: origin, restlets: origin, app: origin };
	}
	const { hostLabel } = parseAccountId(accountId);
	return {
		rest: `https://${hostLabel}.suitetalk.api.netsuite.com`,
		restlets: `https://${hostLabel}.restlets.api.netsuite.com`,
		app: `https://${hostLabel}.app.netsuite.com`,
	};
}

function parseOverride(value: string): string {
	const url = URL.canParse(value) ? new URL(value) : undefined;
	if (!url) throw new CredentialInputError('Test Server URL is not a URL (expected for example http://127.0.0.1:8787)');
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new CredentialInputError('Test Server URL must start with http:// or https://');
	}
	return url.origin;
}

export const ACCESS_GRANT_PATH = '/services/rest/auth/oauth2/v1/token';
export const CONSENT_PAGE_PATH = '/app/login/oauth2/authorize.nl';
export const RECORD_BASE_PATH = '/services/rest/record/v1';
export const QUERY_BASE_PATH = '/services/rest/query/v1';
export const SYSTEM_BASE_PATH = '/services/rest/system/v1';
export const SUITEQL_PATH = `${QUERY_BASE_PATH}/suiteql`;
export const RESTLET_PATH = '/app/site/hosting/restlet.nl';

/**
 * n8n expression giving the REST origin of the credential in use. Only used where n8n
 * needs an expression (credential tests); characters that cannot be in an account id are
 * dropped so the expression can never produce another host.
 */
export const REST_ORIGIN_EXPRESSION =
	'={{ $credentials.useTestServer === true && $credentials.baseUrlOverride ? $credentials.baseUrlOverride.replace(/\\/+$/, "") : "https://" + String($credentials.accountId).trim().toLowerCase().replace(/_/g, "-").replace(/[^a-z0-9-]/g, "") + ".suitetalk.api.netsuite.com" }}';
