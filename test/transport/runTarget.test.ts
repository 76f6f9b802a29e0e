// The transport reads the credential for addressing once per node run (runTarget.ts): these
// prove the run is the right scope: not less (a read per request) and not more (a read that
// outlives the run, or one run's credential used by another node of the same execution).
import nock from 'nock';
import {
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type IHttpRequestOptions,
	type INodeParameters,
	type IPollFunctions,
} from 'n8n-workflow';
import { WorkflowExecute } from 'n8n-core';

import { NetSuiteOAuth2Api } from '../../credentials/NetSuiteOAuth2Api.credentials';
import { NetSuiteTbaApi } from '../../credentials/NetSuiteTbaApi.credentials';
import { NetSuite } from '../../nodes/NetSuite/NetSuite.node';
import { netSuiteRequest } from '../../nodes/shared/api/transport';
import { runNode, TestCredentialsHelper, type TestCredential } from '../harness';
import { additionalDataFor } from '../harness/additionalData';
import { setUpN8n } from '../harness/setup';
import { buildWorkflow } from '../harness/workflow';

const hostOf = (accountId: string) => `https://${accountId}.suitetalk.api.netsuite.com`;
const customer1 = '/services/rest/record/v1/customer/1';
const getCustomer: INodeParameters = {
	resource: 'record',
	operation: 'get',
	recordType: { __rl: true, mode: 'id', value: 'customer' },
	recordId: '1',
};

function oauth2(accountId: string): Record<string, TestCredential> {
	const host = hostOf(accountId);
	return {
		netSuiteOAuth2Api: {
			type: new NetSuiteOAuth2Api(),
			data: {
				accountId,
				grantType: 'authorizationCode',
				authUrl: `${host}/app/login/oauth2/authorize.nl`,
				accessTokenUrl: `${host}/services/rest/auth/oauth2/v1/token`,
				clientId: 'client',
				clientSecret: 'SECRET-client',
				scope: 'rest_webservices',
				authentication: 'header',
				oauthTokenData: { access_token: 'access-oauth2', token_type: 'bearer' },
			},
		},
	};
}

function tba(accountId: string): Record<string, TestCredential> {
	return {
		netSuiteTbaApi: {
			type: new NetSuiteTbaApi(),
			data: { accountId, consumerKey: 'ck', consumerSecret: 'SECRET-cs', tokenId: 'tid', tokenSecret: 'SECRET-ts' },
		},
	};
}

/** A GET of customer 1 on `accountId`'s host, answered only when its Authorization header matches. */
function customerOn(accountId: string, authorization: RegExp, times = 1): nock.Scope {
	return nock(hostOf(accountId), { reqheaders: { authorization: (value) => authorization.test(value) } })
		.get(customer1)
		.times(times)
		.reply(200, { id: '1', companyName: `Customer of ${accountId}` });
}

afterEach(() => nock.cleanAll());
beforeAll(() => nock.disableNetConnect());
afterAll(() => {
	nock.enableNetConnect();
	nock.restore();
});

describe('the credential read for addressing', () => {
	it("is read once per run by the transport: a 20-item run reads it 22 times in all, 21 of them n8n's own", async () => {
		const api = customerOn('1111111', /^OAuth realm="1111111"/, 20);
		const credentialsHelper = new TestCredentialsHelper(tba('1111111'));
		const reads = jest.spyOn(credentialsHelper, 'getDecrypted');
		const result = await runNode({
			nodeType: new NetSuite(),
			parameters: { authentication: 'tokenBasedAuth', ...getCustomer },
			items: Array.from({ length: 20 }, () => ({ json: {} })),
			credentialsHelper,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(20);
		api.done();
		// n8n reads it once per run for `$credentials` (RoutingNode.prepareCredentials) and once per
		// request in httpRequestWithAuthentication; the transport adds one read per run, not per request.
		expect(reads).toHaveBeenCalledTimes(1 + 20 + 1);
	});

	it('is read again by the next run: a credential edited between two runs sends the second run to its new account', async () => {
		const first = customerOn('1111111', /^Bearer access-oauth2$/);
		const second = customerOn('2222222', /^Bearer access-oauth2$/);
		const credentialsHelper = new TestCredentialsHelper(oauth2('1111111'));
		const run = async () =>
			await runNode({ nodeType: new NetSuite(), parameters: { authentication: 'oAuth2', ...getCustomer }, credentialsHelper });

		expect((await run()).items[0].json.companyName).toBe('Customer of 1111111');
		credentialsHelper.store.get('netSuiteOAuth2Api')!.data.accountId = '2222222';
		const after = await run();

		expect(after.error).toBeUndefined();
		expect(after.items[0].json.companyName).toBe('Customer of 2222222');
		first.done();
		second.done();
	});

	it('belongs to its node: two nodes of one execution with different credentials each reach their own account', async () => {
		setUpN8n();
		const oauth2Api = customerOn('1111111', /^Bearer access-oauth2$/, 2);
		const tbaApi = customerOn('2222222', /^OAuth realm="2222222"/, 2);
		const credentialsHelper = new TestCredentialsHelper({ ...oauth2('1111111'), ...tba('2222222') });
		// One execution: one additionalData (one execution id) for both nodes, as n8n runs a workflow.
		const additionalData = additionalDataFor(credentialsHelper);
		const runExecutionData = createRunExecutionData();
		const runOne = async (id: string, authentication: string) => {
			const { workflow, node } = buildWorkflow({
				nodeType: new NetSuite(),
				parameters: { authentication, ...getCustomer },
				credentials: Object.fromEntries(credentialsHelper.store),
			});
			node.id = id;
			const executionData = { node, data: { main: [[{ json: {} }, { json: {} }]] }, source: { main: [{ previousNode: 'Start' }] } };
			const response = await new WorkflowExecute(additionalData, 'manual', runExecutionData).runNode(
				workflow,
				executionData,
				runExecutionData,
				0,
				additionalData,
				'manual',
			);
			return 'data' in response ? (response.data?.[0] ?? []) : [];
		};

		const viaOAuth2 = await runOne('node-a', 'oAuth2');
		const viaTba = await runOne('node-b', 'tokenBasedAuth');

		expect(viaOAuth2.map((i) => i.json.companyName)).toEqual(['Customer of 1111111', 'Customer of 1111111']);
		expect(viaTba.map((i) => i.json.companyName)).toEqual(['Customer of 2222222', 'Customer of 2222222']);
		oauth2Api.done();
		tbaApi.done();
	});

	it('fails every item of the run with the bad field named when it cannot be read, and nothing is sent', async () => {
		const credentialsHelper = new TestCredentialsHelper(tba('not an account id'));
		const result = await runNode({
			nodeType: new NetSuite(),
			parameters: { authentication: 'tokenBasedAuth', ...getCustomer },
			items: [{ json: {} }, { json: {} }],
			credentialsHelper,
			continueOnFail: true,
		});
		expect(result.items.map((i) => i.error?.message)).toEqual([
			expect.stringMatching(/^Account ID "not an account id"/),
			expect.stringMatching(/^Account ID "not an account id"/),
		]);
		expect(nock.pendingMocks()).toEqual([]);
	});
});

describe('a context that is no run (a poller or trigger)', () => {
	it('reads the credential on every request: n8n keeps one poll context for all the polls of an activation, and a credential edited in between is used at the next poll', async () => {
		const credential: ICredentialDataDecryptedObject = { ...oauth2('1111111').netSuiteOAuth2Api.data };
		const sentTo: string[] = [];
		// Only what the transport asks of an IPollFunctions; n8n's is built once per activation.
		const pollContext = {
			getNodeParameter: (name: string, _itemIndex: number, fallback: unknown) => (name === 'authentication' ? 'oAuth2' : fallback),
			getCredentials: async () => ({ ...credential }),
			getNode: () => ({
				id: 'trigger',
				name: 'NetSuite Trigger',
				type: 'CUSTOM.netSuiteTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			}),
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
					sentTo.push(`${options.baseURL}${options.url}`);
					return { statusCode: 200, headers: {}, body: { items: [] } };
				},
			},
		} as unknown as IPollFunctions;

		await netSuiteRequest.call(pollContext, { method: 'GET', path: customer1 });
		credential.accountId = '2222222';
		await netSuiteRequest.call(pollContext, { method: 'GET', path: customer1 });

		expect(sentTo).toEqual([`${hostOf('1111111')}${customer1}`, `${hostOf('2222222')}${customer1}`]);
	});
});
