// The editor's "Custom API Call" entry: n8n adds it to the Resource and Operation menus of a
// node whose credential signs requests itself (n8n/dist/load-nodes-and-credentials.js,
// injectCustomApiCallOptions: credentials with `authenticate` or extending oAuth2Api), and
// choosing it shows "use the HTTP Request node and choose a predefined credential type".
// This proves that path: n8n's own HTTP Request node, predefined credential netSuiteTbaApi
// and netSuiteClientCredentialsApi, run by `n8n execute`.
import { startEmulator, type RunningEmulator } from '../emulator';
import { demoCredentials } from './fixtures';
import { installN8n, N8nInstance } from './n8n';

const httpRequest = (id: string, credentialType: string, credentialId: string, url: string) => ({
	id,
	name: `HTTP Request ${credentialType}`,
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	position: [220, 0],
	// NetSuite answers application/vnd.oracle.resource+json, which the node's autodetect keeps as
	// text: the README tells users to pick Response Format JSON, as here.
	parameters: {
		method: 'GET',
		url,
		authentication: 'predefinedCredentialType',
		nodeCredentialType: credentialType,
		options: { response: { response: { responseFormat: 'json' } } },
	},
	credentials: { [credentialType]: { id: credentialId, name: credentialId } },
});

function workflowWith(id: string, node: ReturnType<typeof httpRequest>): object {
	const start = { id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	return {
		id,
		name: id,
		nodes: [start, node],
		connections: { Start: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

describe("n8n 2.40.7: Custom API Call = n8n's HTTP Request node with a NetSuite credential", () => {
	let emulator: RunningEmulator;
	let n8n: N8nInstance;

	beforeAll(async () => {
		emulator = await startEmulator({ port: 0 });
		n8n = new N8nInstance(installN8n('2.40.7'));
		await n8n.importCredentials(demoCredentials(emulator.credentials));
	}, 20 * 60_000);

	afterAll(async () => await emulator?.stop());

	it('TBA: a URL on the account host is signed and answered; the credential, not the URL, picks the host', async () => {
		// The demo account is 1234567_SB1; its base URL override sends the request to the emulator.
		await n8n.importWorkflow(
			workflowWith(
				'customTba',
				httpRequest(
					'h1',
					'netSuiteTbaApi',
					'nsTba',
					'https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer/eid:CRM-1002?fields=companyName',
				),
			),
		);
		emulator.clearLog();
		const [item] = await n8n.execute('customTba');
		expect(item.json).toMatchObject({ companyName: 'Initech LLC' });
		expect(emulator.requestLog.map((r) => [r.method, r.path, r.auth])).toEqual([
			['GET', '/services/rest/record/v1/customer/eid:CRM-1002', 'tba'],
		]);
	});

	it('M2M: the token is fetched by the credential and the request answered', async () => {
		await n8n.importWorkflow(
			workflowWith(
				'customM2m',
				httpRequest(
					'h2',
					'netSuiteClientCredentialsApi',
					'nsM2m',
					'https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer/1',
				),
			),
		);
		const [item] = await n8n.execute('customM2m');
		expect(item.json).toMatchObject({ id: '1', companyName: 'Acme Corporation' });
	});
});
