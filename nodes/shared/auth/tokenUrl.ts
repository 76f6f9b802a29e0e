// Where an M2M credential trades its JWT for a token.
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { accountUrls, ACCESS_GRANT_PATH, testServerOf } from './account';
import { CredentialInputError } from './credentialFields';

/** The token URL: the one entered, else derived from the account (or the base URL override). */
export function clientCredentialsTokenUrl(credentials: ICredentialDataDecryptedObject): string {
	const entered = typeof credentials.tokenUrl === 'string' ? credentials.tokenUrl.trim() : '';
	if (entered && !testServerOf(credentials)) {
		const url = URL.canParse(entered) ? new URL(entered) : undefined;
		if (!url) throw new CredentialInputError('Token URL is not a URL: leave it empty to derive it from the Account ID');
		if (url.protocol !== 'https:' || !/\.netsuite\.com$/i.test(url.hostname)) {
			throw new CredentialInputError('Token URL must be an https:// URL on netsuite.com: leave it empty to derive it from the Account ID');
		}
		return url.toString();
	}
	return `${accountUrls(credentials.accountId, testServerOf(credentials)).rest}${ACCESS_GRANT_PATH}`;
}
