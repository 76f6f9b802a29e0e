// Token-Based Authentication: OAuth 1.0a with HMAC-SHA256 and NetSuite's realm.
// The signing itself is oauth-1.0a's; this file only feeds it what NetSuite signs.
import { createHmac } from 'node:crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import OAuth from 'oauth-1.0a';

import { parseAccountId } from './account';
import { requireField } from './credentialFields';

export interface TbaKeys {
	consumerKey: string;
	consumerSecret: string;
	tokenId: string;
	tokenSecret: string;
	/** Account id in upper case with `_` (see account.ts). */
	realm: string;
}

/** The TBA credential's four keys and the realm of its account, checked. */
export function tbaKeysOf(credentials: ICredentialDataDecryptedObject): TbaKeys {
	return {
		consumerKey: requireField(credentials, 'consumerKey', 'Consumer Key'),
		consumerSecret: requireField(credentials, 'consumerSecret', 'Consumer Secret'),
		tokenId: requireField(credentials, 'tokenId', 'Token ID'),
		tokenSecret: requireField(credentials, 'tokenSecret', 'Token Secret'),
		realm: parseAccountId(credentials.accountId).realm,
	};
}

export interface TbaRequest {
	method: string;
	/** Absolute URL exactly as it will be sent, query included. */
	url: string;
	/** Form-urlencoded body fields, which OAuth 1.0a signs too (a JSON body is not signed). */
	form?: Record<string, string>;
}

/** For reproducing a published vector; real requests get a fresh nonce and the current time. */
export interface FixedNonce {
	nonce: string;
	timestamp: number;
}

type ParamValue = string | string[];

function addParam(params: Record<string, ParamValue>, name: string, value: string): void {
	const existing = params[name];
	if (existing === undefined) params[name] = value;
	else params[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
}

/** Query (and form) parameters decoded once, so oauth-1.0a encodes names and values exactly once. */
function signedParams(url: string, form: Record<string, string> = {}): Record<string, ParamValue> {
	const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
	const params: Record<string, ParamValue> = {};
	for (const part of query.split('&')) {
		if (!part) continue;
		const eq = part.indexOf('=');
		const name = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
		addParam(params, name, eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1)));
	}
	for (const [name, value] of Object.entries(form)) addParam(params, name, value);
	return params;
}

export function tbaAuthorizationHeader(keys: TbaKeys, request: TbaRequest, fixed?: FixedNonce): string {
	const oauth = new OAuth({
		consumer: { key: keys.consumerKey, secret: keys.consumerSecret },
		signature_method: 'HMAC-SHA256',
		hash_function: (baseString, key) => createHmac('sha256', key).update(baseString).digest('base64'),
		realm: keys.realm,
		nonce_length: 20,
	});
	if (fixed) {
		oauth.getNonce = () => fixed.nonce;
		oauth.getTimeStamp = () => fixed.timestamp;
	}
	const [withoutQuery] = request.url.split('?');
	const data = signedParams(request.url, request.form);
	const authorization = oauth.authorize(
		{ url: withoutQuery, method: request.method.toUpperCase(), data },
		{ key: keys.tokenId, secret: keys.tokenSecret },
	);
	return oauth.toHeader(authorization).Authorization;
}
