import nock from 'nock';

import { NetSuiteTbaApi } from '../../credentials/NetSuiteTbaApi.credentials';
import { NetSuite } from '../../nodes/NetSuite/NetSuite.node';
import { runNode } from './runNode';

afterAll(() => nock.restore());

describe('harness', () => {
	afterEach(() => nock.cleanAll());
	it('runs the declarative NetSuite node through n8n-core with a signed request', async () => {
		const scope = nock('https://1234567.suitetalk.api.netsuite.com', { reqheaders: { authorization: /^OAuth realm="1234567"/ } })
			.post('/services/rest/query/v1/suiteql', { q: 'SELECT 1 AS ok FROM DUAL' })
			.query({ limit: 1, offset: 0 })
			.reply(200, { items: [{ links: [], ok: '1' }], hasMore: false });
		const result = await runNode({
			nodeType: new NetSuite(),
			parameters: { authentication: 'tokenBasedAuth', resource: 'suiteQl', operation: 'run', query: 'SELECT 1 AS ok FROM DUAL', limit: 1 },
			credentials: {
				netSuiteTbaApi: {
					type: new NetSuiteTbaApi(),
					data: { accountId: '1234567', consumerKey: 'a', consumerSecret: 'b', tokenId: 'c', tokenSecret: 'd' },
				},
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ ok: '1' }]);
		scope.done();
	});
});
