/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- runs in Node (tests, emulator, scripts), never inside n8n */
// See demo.sh. Everything points at the local emulator: no real NetSuite account is touched.
import { mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

import { startEmulator } from '../test/emulator';
import {
	authorizationCodeTokens,
	DEMO_MCP_TOKEN,
	demoCredentials,
	exampleWorkflows,
	runsHeadless,
	servesWhenPublished,
} from '../test/e2e/fixtures';
import { installN8n, N8nInstance } from '../test/e2e/n8n';

const headless = process.argv.includes('--headless');
const version = process.env.DEMO_N8N_VERSION ?? '2.40.7';
const owner = { email: 'demo@example.com', firstName: 'Demo', lastName: 'User', password: 'Demo-password-1' };

async function main(): Promise<void> {
	const emulator = await startEmulator({ port: Number(process.env.DEMO_EMULATOR_PORT ?? 0), seedCustomers: 2500 });
	console.log(`NetSuite emulator: ${emulator.baseUrl} (account ${emulator.accountId})`);
	const userFolder = path.join(process.env.N8N_E2E_CACHE ?? path.join(homedir(), '.cache/n8n-nodes-suitetalk'), 'demo-user');
	// A fresh user folder on every run: no state is carried from an earlier demo.
	rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	const n8n = new N8nInstance(installN8n(version), userFolder);
	await n8n.importCredentials(demoCredentials(emulator.credentials, await authorizationCodeTokens(emulator.credentials)));
	const workflows = exampleWorkflows();
	for (const wf of workflows) await n8n.importWorkflow(wf);
	console.log(
		`n8n ${version}: imported ${workflows.length} example workflows and 3 NetSuite credentials (TBA, M2M, OAuth 2.0) plus a bearer token for MCP clients`,
	);

	if (headless) {
		const failed = await runExamples(n8n, workflows);
		await emulator.stop();
		if (failed.length > 0) {
			console.error(`\n${failed.length} example workflow(s) failed: ${failed.join(', ')}`);
			process.exit(1);
		}
		console.log('\nEvery example workflow ran and returned items.');
		return;
	}

	// Stop handlers first: a Ctrl-C while n8n is still starting must not leave it running.
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		console.log('\nstopping n8n and the emulator…');
		await n8n.stop();
		await emulator.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));
	process.on('SIGHUP', () => void stop(0));
	const served = workflows.filter(servesWhenPublished);
	for (const wf of served) await n8n.cli(['publish:workflow', `--id=${wf.id}`]);
	const url = await n8n.start({ N8N_PORT: process.env.DEMO_N8N_PORT ?? '5678' }).catch(async (error: unknown) => {
		console.error(error);
		await stop(1);
		throw error;
	});
	const setup = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	console.log(
		`\nn8n editor: ${url}\n  log in as ${owner.email} / ${owner.password}${setup.ok ? '' : ' (owner set-up answered ' + setup.status + ')'}`,
	);
	console.log('  open a "NetSuite demo" workflow and click Test workflow. Ctrl-C stops n8n and the emulator.');
	if (served.length)
		console.log(`  MCP server (Streamable HTTP): ${url}/mcp/netsuite with header "Authorization: Bearer ${DEMO_MCP_TOKEN}"`);
}

/** Runs each example that `n8n execute` can start (a Manual Trigger) and prints its result. */
async function runExamples(n8n: N8nInstance, workflows: ReturnType<typeof exampleWorkflows>): Promise<string[]> {
	const failed: string[] = [];
	for (const wf of workflows) {
		if (!runsHeadless(wf)) {
			console.log(`\n${wf.name}\n  not run here: it starts from a trigger (open it in the editor with \`npm run demo\`)`);
			continue;
		}
		try {
			const items = await n8n.execute(wf.id);
			if (items.length === 0) throw new Error('the workflow returned no items');
			const first = items[0];
			const shown: Record<string, unknown> = { ...first.json };
			if (first.binary)
				shown.binary = Object.fromEntries(Object.entries(first.binary).map(([k, v]) => [k, `${v.fileName} (${v.mimeType})`]));
			console.log(`\n${wf.name}\n  ${items.length} item(s); first: ${JSON.stringify(shown).slice(0, 400)}`);
		} catch (error) {
			failed.push(wf.name);
			const message = (error as Error).message;
			// The first line says what happened; the end of n8n's output says why.
			console.log(`\n${wf.name}\n  FAILED: ${message.split('\n')[0]}\n${message.split('\n').slice(1).join('\n').slice(-1500)}`);
		}
	}
	return failed;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
