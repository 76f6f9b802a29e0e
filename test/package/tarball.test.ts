/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// What a user installs from npm (Settings > Community Nodes runs npm install of the tarball): exactly
// dist/, package.json, README, LICENSE and CHANGELOG, and a codex file beside every node, which n8n's
// loader reads as <Node>.node.js + "on" (n8n-core DirectoryLoader.getCodex) for the node's
// categories and documentation links.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};
// The categories n8n's own nodes use (n8n-nodes-base 2.40.7's codex files).
const N8N_CATEGORIES = [
	'AI',
	'Analytics',
	'Communication',
	'Core Nodes',
	'Data & Storage',
	'Development',
	'Finance & Accounting',
	'Marketing',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
];

type Codex = {
	node: string;
	categories: string[];
	resources: { primaryDocumentation: Array<{ url: string }>; credentialDocumentation: Array<{ url: string }> };
};

describe('the packed tarball', () => {
	let files: string[];

	beforeAll(() => {
		if (!existsSync(path.join(repo, 'dist/nodes/NetSuite/NetSuite.node.json'))) {
			execFileSync(process.execPath, [require.resolve('gulp/bin/gulp.js'), 'build'], { cwd: repo, stdio: 'ignore' });
		}
		const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repo }).toString();
		files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
	}, 120_000);

	it('holds exactly dist/, package.json, README, LICENSE and CHANGELOG', () => {
		const top = [...new Set(files.map((f) => (f.includes('/') ? f.split('/')[0] + '/' : f)))].sort();
		expect(top).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/', 'package.json']);
	});

	it('ships every node and credential n8n is told about, each icon they name, and nothing else in dist/', () => {
		const expected = new Set([...pkg.n8n.nodes, ...pkg.n8n.credentials]);
		for (const node of pkg.n8n.nodes) expected.add(node.replace(/\.js$/, '.json'));
		for (const icon of ['dist/icons/netsuite.svg', 'dist/icons/netsuite.dark.svg']) expected.add(icon);
		expect(files.filter((f) => f.startsWith('dist/')).sort()).toEqual([...expected].sort());
	});

	it.each(pkg.n8n.nodes)('has a codex file beside %s naming the node, n8n categories and doc links', (node) => {
		const codex = JSON.parse(readFileSync(path.join(repo, node.replace(/\.js$/, '.json')), 'utf8')) as Codex;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(path.join(repo, node)) as Record<string, new () => { description: { name: string } }>;
		const className = path.basename(node, '.node.js');
		expect(codex.node).toBe(`${pkg.name}.${new exported[className]().description.name}`);
		expect(codex.categories.length).toBeGreaterThan(0);
		for (const category of codex.categories) expect(N8N_CATEGORIES).toContain(category);
		for (const link of [...codex.resources.primaryDocumentation, ...codex.resources.credentialDocumentation]) {
			expect(link.url).toMatch(/^https:\/\//);
		}
	});
});
