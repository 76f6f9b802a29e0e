/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// The install path users take: the packed tarball installed into n8n's nodes folder the way
// Settings > Community Nodes installs a package, and n8n started on it without the
// N8N_CUSTOM_EXTENSIONS path the other e2e files load the package from.
//
// What n8n 2.40.7 does (dist/modules/community-packages/community-packages.service.js,
// downloadPackage): `npm pack <name>@<version>` in <N8N_USER_FOLDER>/.n8n/nodes, untar it into
// nodes/node_modules/<name>, drop devDependencies, peerDependencies and optionalDependencies
// from its package.json, run `npm install --audit=false --fund=false --bin-links=false
// --install-strategy=shallow --ignore-scripts=true --package-lock=false` in that folder, and
// record the version in nodes/package.json. At start it loads every package under
// nodes/node_modules (community-packages.module.js, nodeLoaders). The package's own
// `n8n-workflow` peer is never installed: the nodes get n8n's. Here the tarball is the local
// `npm pack`, not the registry's, and npm is pointed at a registry that does not answer: the
// install must need nothing from the network (zero dependencies). Measured with npm 10: a plain
// `npm install <tarball>` would not do, as npm resolves the n8n-workflow peer from the registry
// (even with --omit=peer); --legacy-peer-deps skips it (the README's by-hand install).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startEmulator, type RunningEmulator } from '../emulator';
import { demoCredentials, workflow } from './fixtures';
import { installN8n, N8nInstance, repo } from './n8n';

const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { name: string; version: string };
const NODES = ['netSuite', 'netSuiteRawRequest', 'netSuiteTrigger', 'netSuiteWebhookTrigger'];
const owner = { email: 'e2e@example.com', firstName: 'E2E', lastName: 'Tester', password: 'E2e-password-1' };

/** npm as n8n runs it, with nothing of this project's npm configuration and no registry to reach. */
function npm(args: string[], cwd: string): string {
	const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
	return execFileSync('npm', [...args, '--registry=http://127.0.0.1:9/', '--offline'], {
		cwd,
		env: { ...env, npm_config_update_notifier: 'false' },
		stdio: ['ignore', 'pipe', 'pipe'],
	}).toString();
}

/** Settings > Community Nodes' steps for one package, from a tarball. */
function installLikeN8n(tarball: string, userFolder: string): string {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', pkg.name);
	mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const manifestPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<
		string,
		unknown
	>;
	void devDependencies;
	void optionalDependencies;
	expect(peerDependencies).toEqual({ 'n8n-workflow': '*' });
	expect(manifest.dependencies).toBeUndefined();
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	npm(
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		packageDir,
	);
	writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [pkg.name]: pkg.version } }),
	);
	return packageDir;
}

describe('n8n 2.40.7 with the packed tarball installed as a community package', () => {
	let emulator: RunningEmulator;
	let n8n: N8nInstance;
	let packageDir: string;
	let tarball: string;

	beforeAll(async () => {
		if (!existsSync(path.join(repo, 'dist/nodes/NetSuite/NetSuite.node.json'))) {
			execFileSync(process.execPath, [require.resolve('gulp/bin/gulp.js'), 'build'], { cwd: repo, stdio: 'ignore' });
		}
		const packDir = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-suitetalk-pack-'));
		const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', `--pack-destination=${packDir}`], repo)) as Array<{
			filename: string;
		}>;
		emulator = await startEmulator({ port: 0 });
		// No N8N_CUSTOM_EXTENSIONS: the package is only where a user's install puts it.
		n8n = new N8nInstance(installN8n('2.40.7'), undefined, { N8N_CUSTOM_EXTENSIONS: undefined });
		tarball = path.join(packDir, packed.filename);
		packageDir = installLikeN8n(tarball, n8n.userFolder);
		await n8n.importCredentials(demoCredentials(emulator.credentials));
		// Installed packages' nodes are typed <package>.<node>, not CUSTOM.<node>.
		const saved = JSON.stringify(workflow('tba-sales-order')).replaceAll('"CUSTOM.', `"${pkg.name}.`);
		await n8n.importWorkflow(JSON.parse(saved) as object);
	}, 20 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		await emulator?.stop();
	});

	it('the install took nothing but the tarball: no node_modules beside the package, no n8n-workflow of its own', () => {
		expect(existsSync(path.join(packageDir, 'node_modules'))).toBe(false);
		expect(existsSync(path.join(packageDir, 'dist/nodes/NetSuite/NetSuite.node.json'))).toBe(true);
	});

	it("the README's by-hand install (npm install --legacy-peer-deps in a nodes folder) needs no registry either", () => {
		const nodesDir = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-by-hand-'));
		writeFileSync(path.join(nodesDir, 'package.json'), '{}');
		npm(['install', tarball, '--legacy-peer-deps', '--no-audit', '--no-fund'], nodesDir);
		expect(readdirSync(path.join(nodesDir, 'node_modules')).filter((f) => !f.startsWith('.'))).toEqual([pkg.name]);
		// Without the flag npm asks the registry for the n8n-workflow peer.
		const plainDir = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-peer-'));
		writeFileSync(path.join(plainDir, 'package.json'), '{}');
		expect(() => npm(['install', tarball, '--no-audit', '--no-fund'], plainDir)).toThrow(/127\.0\.0\.1:9\/n8n-workflow/);
	});

	it('runs a workflow on the installed nodes against the emulator', async () => {
		const [order] = await n8n.execute(workflow('tba-sales-order').id);
		expect(order.json).toMatchObject({ memo: 'Created by n8n', entity: { id: '1' } });
		expect(
			emulator.requestLog.some((r) => r.method === 'POST' && r.path === '/services/rest/record/v1/salesOrder' && r.auth === 'tba'),
		).toBe(true);
	});

	let url: string;
	/** The signed-in owner's session, as the editor sends it. */
	const session: Record<string, string> = { 'browser-id': 'e2e-browser' };

	it('n8n start shows the four nodes with their codex categories, and logs no "No codex available" for them', async () => {
		url = await n8n.start({ N8N_LOG_LEVEL: 'debug' });
		expect(n8n.serverLog).toMatch(/\bdebug\b/);
		expect(n8n.serverLog).not.toMatch(/No codex available for: n8n-nodes-suitetalk/);
		const setup = await fetch(`${url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...session },
			body: JSON.stringify(owner),
		});
		expect(setup.ok).toBe(true);
		session.cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0];
		const cookie = session.cookie;
		// What the editor's node panel reads.
		const types = (await (await fetch(`${url}/types/nodes.json`, { headers: { cookie } })).json()) as Array<{
			name: string;
			codex?: { categories?: string[] };
		}>;
		const ours = types.filter((t) => t.name.startsWith(`${pkg.name}.`) && !t.name.endsWith('Tool'));
		expect(ours.map((t) => t.name.slice(pkg.name.length + 1)).sort()).toEqual(NODES);
		for (const type of ours) expect(type.codex?.categories).toEqual(expect.arrayContaining(['Finance & Accounting']));
	});

	it("the credential dialog's Test runs the package's own test in n8n: connected, then a sandbox id typed without _SB1 named", async () => {
		const test = async (accountId: string) => {
			const response = await fetch(`${url}/rest/credentials/test`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...session },
				body: JSON.stringify({
					credentials: {
						id: 'nsTba',
						name: 'NetSuite TBA (emulator)',
						type: 'netSuiteTbaApi',
						data: { ...emulator.credentials.tba, accountId, useTestServer: true, baseUrlOverride: emulator.baseUrl },
					},
				}),
			});
			expect(response.status).toBe(200);
			return ((await response.json()) as { data: { status: string; message: string } }).data;
		};
		expect(await test('1234567_SB1')).toEqual({ status: 'OK', message: 'Connected to NetSuite account 1234567_SB1' });
		expect(await test('1234567')).toEqual({
			status: 'Error',
			message: 'These keys are refused by account 1234567 but work for its sandbox 1234567_SB1: set Account ID to 1234567_SB1',
		});
	});
});
