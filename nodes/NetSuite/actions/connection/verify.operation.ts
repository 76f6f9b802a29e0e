// Connection > Verify: the smallest SuiteQL, plus who the node is connected as.
import { parseAccountId, SUITEQL_PATH } from '../../../shared/auth/account';
import { toItems } from '../../../shared/api/output';
import { netSuiteCredentials, netSuiteRequest } from '../../../shared/api/transport';
import type { Operation } from '../../operation';

export const verify = (): Operation => ({
	value: 'verify',
	name: 'Verify',
	action: 'Verify the connection',
	description: 'Run a trivial SuiteQL query and return the account ID and authentication used',
	toolDescription: 'Check that the NetSuite connection works: answers ok, the account ID and the authentication in use.',
	writes: false,
	request: {
		method: 'POST',
		url: SUITEQL_PATH,
		qs: { limit: 1 },
		headers: { Prefer: 'transient' },
		body: { q: 'SELECT 1 AS ok FROM DUAL' },
	},
	fields: [],
	async run(request, transport) {
		const started = Date.now();
		const response = await netSuiteRequest.call(this, request, transport);
		const { type, data } = await netSuiteCredentials(this);
		const result = {
			ok: response.statusCode === 200,
			accountId: parseAccountId(data.accountId).realm,
			authentication: this.getNodeParameter('authentication', 'clientCredentials') as string,
			credentialType: type,
			responseTimeMs: Date.now() - started,
		};
		return toItems([result], this.getItemIndex());
	},
});
