/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- runs in Node (tests, emulator, scripts), never inside n8n */
// `npm run bench:n8n`: 1,000 upserts through the NetSuite node inside a real n8n (`n8n execute`,
// credentials in n8n's database, decrypted by n8n's CredentialsHelper) against the emulator with
// NetSuite-like latency and limit. What the in-process bench cannot show: the cost of each
// credential read in n8n (a database query and a decryption). Prints figures; asserts nothing.
// Needs `npm run build` first, and the n8n install (scripts/n8n-install.sh; slow the first time).
import { startEmulator } from '../test/emulator';
import { demoCredentials } from '../test/e2e/fixtures';
import { installN8n, N8nInstance } from '../test/e2e/n8n';

const VERSION = process.env.BENCH_N8N ?? '2.40.7';
const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const LATENCY_MS = 20;
const LIMIT = 5;

const tba = { netSuiteTbaApi: { id: 'nsTba', name: 'NetSuite TBA (emulator)' } };

/** Start → make items (stamped with the start time) → upsert each → one item with the node's wall time. */
function upsertWorkflow(id: string): object {
	return {
		id,
		name: `bench: ${ITEMS} upserts`,
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'make',
				name: 'Make Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: {
					jsCode: `const t0 = Date.now();\nreturn Array.from({ length: ${ITEMS} }, (_, i) => ({ json: { key: 'N8N-' + t0 + '-' + i, t0 } }));`,
				},
			},
			{
				id: 'upsert',
				name: 'Upsert',
				type: 'CUSTOM.netSuite',
				typeVersion: 1,
				position: [400, 0],
				parameters: {
					authentication: 'tokenBasedAuth',
					resource: 'record',
					operation: 'upsert',
					recordType: { __rl: true, mode: 'id', value: 'customer' },
					externalId: '={{ $json.key }}',
					bodyMode: 'json',
					bodyJson: '={{ JSON.stringify({ companyName: $json.key, subsidiary: { id: "1" } }) }}',
				},
				credentials: tba,
			},
			{
				id: 'timing',
				name: 'Timing',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [600, 0],
				parameters: {
					jsCode:
						"return [{ json: { items: $input.all().length, failed: $input.all().filter((i) => !i.json.id).length, ms: Date.now() - $('Make Items').first().json.t0 } }];",
				},
			},
		],
		connections: {
			Start: { main: [[{ node: 'Make Items', type: 'main', index: 0 }]] },
			'Make Items': { main: [[{ node: 'Upsert', type: 'main', index: 0 }]] },
			Upsert: { main: [[{ node: 'Timing', type: 'main', index: 0 }]] },
		},
		active: false,
		settings: {},
	};
}

async function main(): Promise<void> {
	const emulator = await startEmulator({ port: 0, latencyMs: LATENCY_MS, concurrency: LIMIT });
	const n8n = new N8nInstance(installN8n(VERSION));
	try {
		await n8n.importCredentials(demoCredentials(emulator.credentials));
		await n8n.importWorkflow(upsertWorkflow('benchUpserts'));
		console.log(
			`n8n ${VERSION}: ${ITEMS} upserts (TBA), emulator ${LATENCY_MS} ms latency, limit ${LIMIT} (ideal ${((ITEMS * LATENCY_MS) / LIMIT / 1000).toFixed(2)} s)`,
		);
		for (let run = 1; run <= RUNS; run++) {
			const before = emulator.requestsReceived();
			const [timing] = await n8n.execute('benchUpserts');
			console.log(
				`   run ${run}: Make Items → Upsert done in ${(Number(timing.json.ms) / 1000).toFixed(2)} s, ${emulator.requestsReceived() - before} requests, ${String(timing.json.failed)} without an id`,
			);
		}
	} finally {
		await n8n.stop();
		await emulator.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
