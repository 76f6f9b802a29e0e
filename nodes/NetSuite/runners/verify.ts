// Verify Connection: the smallest SuiteQL, plus who we are connected as.
import { parseAccountId, SUITEQL_PATH } from '../../shared/auth/account';
import { toItems } from '../../shared/api/output';
import { netSuiteCredentials, netSuiteRequest } from '../../shared/api/transport';
import type { Runner } from '../routing';

export const verifyConnection: Runner = async function () {
	const itemIndex = this.getItemIndex();
	const started = Date.now();
	const response = await netSuiteRequest.call(
		this,
		{ method: 'POST', path: SUITEQL_PATH, qs: { limit: 1 }, headers: { Prefer: 'transient' }, body: { q: 'SELECT 1 AS ok FROM DUAL' } },
		{ itemIndex },
	);
	const { type, data } = await netSuiteCredentials(this);
	return toItems(
		[
			{
				ok: response.statusCode === 200,
				accountId: parseAccountId(data.accountId).realm,
				authentication: this.getNodeParameter('authentication', 'clientCredentials') as string,
				credentialType: type,
				responseTimeMs: Date.now() - started,
			},
		],
		itemIndex,
	);
};
