// The example workflows, run by a real n8n against the emulator: n8n 2.40.7 on Node 24
// and n8n 2.8.4 on Node 20.
import { startEmulator, type RunningEmulator } from '../emulator';
import { authorizationCodeTokens, demoCredentials, exampleWorkflows, workflow } from './fixtures';
import { installN8n, N8nInstance } from './n8n';

describe.each(['2.40.7', '2.8.4'])('n8n %s runs the example workflows', (version) => {
	let emulator: RunningEmulator;
	let n8n: N8nInstance;

	beforeAll(async () => {
		emulator = await startEmulator({ port: 0, seedCustomers: 2500 });
		n8n = new N8nInstance(installN8n(version));
		const tokens = await authorizationCodeTokens(emulator.credentials);
		// The access token n8n holds is already expired: the run must take the refresh path.
		emulator.tokens.expireAll();
		await n8n.importCredentials(demoCredentials(emulator.credentials, tokens));
		for (const wf of exampleWorkflows()) await n8n.importWorkflow(wf);
	}, 20 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		await emulator?.stop();
	});

	it('TBA: lists customers, creates a sales order for the first, adds a line, gets it back', async () => {
		const [order] = await n8n.execute(workflow('tba-sales-order').id);
		expect(order.json).toMatchObject({ memo: 'Created by n8n', entity: { id: '1' } });
		expect((order.json.item as { items: Array<{ item: { id: string } }> }).items.map((l) => l.item.id)).toEqual(['1', '4']);
		const create = emulator.requestLog.find((r) => r.method === 'POST' && r.path === '/services/rest/record/v1/salesOrder');
		expect(create?.auth).toBe('tba');
	});

	it('M2M: a SuiteQL Return All over 2,500 rows, counted', async () => {
		const before = emulator.tokens.issuedCount('client_credentials');
		const [count] = await n8n.execute(workflow('m2m-suiteql-count').id);
		expect(count.json).toEqual({ count_id: 2500 });
		expect(emulator.tokens.issuedCount('client_credentials') - before).toBe(1);
	});

	it('OAuth 2.0: refreshes the expired token and gets a record', async () => {
		const [customer] = await n8n.execute(workflow('oauth2-get-record').id);
		expect(customer.json).toMatchObject({ id: '1', companyName: 'Acme Corporation' });
		expect(emulator.tokens.issuedCount('refresh_token')).toBeGreaterThanOrEqual(1);
	});

	it('Raw Request: calls a RESTlet and downloads a file', async () => {
		const [download] = await n8n.execute(workflow('raw-request-restlet').id);
		expect(download.binary?.pdf).toMatchObject({ fileName: 'invoice-INV-2001.pdf', mimeType: 'application/pdf' });
		const echo = emulator.requestLog.find((r) => r.path === '/app/site/hosting/restlet.nl' && r.method === 'POST');
		expect(JSON.parse(echo!.body)).toEqual({ orderId: 101 });
	});
});
