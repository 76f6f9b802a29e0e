// The one place a request's final URL is decided: the host comes from the credential's
// account (or its base URL override), the path and query from the request.
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { accountUrls, RESTLET_PATH } from './account';
import { buildRequestUrl, joinBase } from './requestUrl';

export function requestTargetUrl(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): string {
	const urls = accountUrls(credentials.accountId, credentials.baseUrlOverride);
	const path = joinBase(requestOptions.baseURL, requestOptions.url).replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
	const origin = path.startsWith(RESTLET_PATH) ? urls.restlets : urls.rest;
	return buildRequestUrl(origin, path, requestOptions.qs);
}

/** Request options addressed to the final URL, with `qs` folded into it (so a signature covers it). */
export function withTargetUrl(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	authorization: string | ((url: string) => string),
): IHttpRequestOptions {
	const url = requestTargetUrl(credentials, requestOptions);
	const header = typeof authorization === 'function' ? authorization(url) : authorization;
	return {
		...requestOptions,
		baseURL: undefined,
		url,
		qs: undefined,
		headers: { ...requestOptions.headers, Authorization: header },
	};
}
