// See demo.sh. Everything points at the local emulator: no real NetSuite account is touched.
import { mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

import { startEmulator } from '../test/emulator';
import { authorizationCodeTokens, DEMO_MCP_TOKEN, demoCredentials, exampleWorkflows, runsHeadless, servesWhenPublished } from '../test/e2e/fixtures';
import { installN8n, N8nInstance } from '../test/e2e/n8n';

const headless = process.argv.includes('--headless');
const version = process.env.DEMO_N8N_VERSION ?? '2.40.7';
const owner = { email: 'demo@example.com', firstName: 'Demo', lastName: 'User', password: 'Demo-password-1' };

async function main(): Promise<void> {
	const emulator = await startEmulator({ port: Number(process.env.DEMO_EMULATOR_PORT ?? 0), seedCustomers: 2500 });
	console.log(`NetSuite emulator: ${emulator.baseUrl} (account ${emulator.accountId})`);
	const userFolder = path.join(process.env.N8N_E2E_CACHE ?? path.join(homedir(), '.cache/n8n-nodes-suitetalk'), 'demo-user');
	rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	const n8n = new N8nInstance(installN8n(version), userFolder);
	await n8n.importCredentials(demoCredentials(emulator.credentials, await authorizationCodeTokens(emulator.credentials)));
	const workflows = exampleWorkflows();
	for (const wf of workflows) await n8n.importWorkflow(wf);
	console.log(`n8n ${version}: imported ${workflows.length} example workflows and 3 NetSuite credentials (TBA, M2M, OAuth 2.0) plus a bearer token for MCP clients`);

	if (headless) {
		for (const wf of workflows.filter(runsHeadless)) {
			const items = await n8n.execute(wf.id);
			const first = items[0] ?? { json: {} };
			const shown = { ...first.json };
			if (first.binary) shown.binary = Object.fromEntries(Object.entries(first.binary).map(([k, v]) => [k, `${v.fileName} (${v.mimeType})`]));
			console.log(`\n${wf.name}\n  ${items.length} item(s); first: ${JSON.stringify(shown).slice(0, 400)}`);
		}
		await emulator.stop();
		return;
	}

	const served = workflows.filter(servesWhenPublished);
	for (const wf of served) await n8n.cli(['publish:workflow', `--id=${wf.id}`]);
	const url = await n8n.start({ N8N_PORT: process.env.DEMO_N8N_PORT ?? '5678' });
	const setup = await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(owner) });
	console.log(`\nn8n editor: ${url}\n  log in as ${owner.email} / ${owner.password}${setup.ok ? '' : ' (owner set-up answered ' + setup.status + ')'}`);
	console.log('  open a "NetSuite demo" workflow and click Test workflow. Ctrl-C stops n8n and the emulator.');
	if (served.length) console.log(`  MCP server (Streamable HTTP): ${url}/mcp/netsuite with header "Authorization: Bearer ${DEMO_MCP_TOKEN}"`);
	const stop = async () => {
		await n8n.stop();
		await emulator.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
