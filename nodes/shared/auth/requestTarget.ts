// The one place a request's final URL is decided: the host comes from the credential's
// account (or its base URL override), the path and query from the request.
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { accountUrls, RESTLET_PATH, testServerOf } from './account';
import { buildRequestUrl, joinBase } from '../api/requestUrl';

/**
 * n8n's HTTP Request node (the editor's "Custom API Call" with a NetSuite credential) still
 * hands its options over in the request library's shape, `uri` in place of `url`; n8n-core's
 * legacy adapter reads `url ?? uri`.
 */
type SignableOptions = IHttpRequestOptions & { uri?: string | URL };

function urlOf(requestOptions: SignableOptions): string {
	return requestOptions.url ?? (requestOptions.uri === undefined ? '' : String(requestOptions.uri));
}

export function requestTargetUrl(credentials: ICredentialDataDecryptedObject, requestOptions: SignableOptions): string {
	const urls = accountUrls(credentials.accountId, testServerOf(credentials));
	const path = joinBase(requestOptions.baseURL, urlOf(requestOptions)).replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
	const origin = path.startsWith(RESTLET_PATH) ? urls.restlets : urls.rest;
	return buildRequestUrl(origin, path, requestOptions.qs);
}

/** Request options addressed to the final URL, with `qs` folded into it (so a signature covers it). */
export function withTargetUrl(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: SignableOptions,
	authorization: string | ((url: string) => string),
): SignableOptions {
	const url = requestTargetUrl(credentials, requestOptions);
	const header = typeof authorization === 'function' ? authorization(url) : authorization;
	return {
		...requestOptions,
		baseURL: undefined,
		url,
		uri: undefined,
		qs: undefined,
		headers: { ...requestOptions.headers, Authorization: header },
	};
}
