/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// The GitHub workflows are what makes a release verifiable (npm provenance from a tag, checks first):
// their shape is checked here so that an edit cannot silently drop a step or a permission.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string> };
type Job = { permissions?: Record<string, string>; steps: Step[] };
type Workflow = { on: Record<string, { tags?: string[]; branches?: string[] } | null>; permissions?: object; jobs: Record<string, Job> };

const repo = path.resolve(__dirname, '../..');
const read = (name: string) => parse(readFileSync(path.join(repo, '.github/workflows', name), 'utf8')) as Workflow;
const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n');
const indexOfRun = (job: Job, pattern: RegExp) => job.steps.findIndex((step) => pattern.test(step.run ?? ''));
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
	version: string;
	scripts: Record<string, string>;
	publishConfig?: { provenance?: boolean };
};

describe('publish.yml', () => {
	const workflow = read('publish.yml');
	const job = workflow.jobs.publish;

	it('runs on version tags only', () => {
		expect(Object.keys(workflow.on)).toEqual(['push']);
		expect(workflow.on.push).toEqual({ tags: ['*.*.*'] });
	});

	it('may mint the OIDC token npm provenance needs, and nothing more than read the code', () => {
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		expect(workflow.permissions).toEqual({ contents: 'read' });
	});

	it('lints, builds and tests before it publishes, with provenance', () => {
		const publish = indexOfRun(job, /npm run release/);
		expect(publish).toBe(job.steps.length - 1);
		for (const check of [/npm ci\b/, /npm run lint/, /npm run build/, /npm test/]) {
			const at = indexOfRun(job, check);
			expect(at).toBeGreaterThanOrEqual(0);
			expect(at).toBeLessThan(publish);
		}
		expect(pkg.scripts.release).toBe('n8n-node release');
		expect(pkg.publishConfig?.provenance).toBe(true);
		// The project's .npmrc ignores scripts; the publish step must run prepublishOnly's guard.
		expect(job.steps[publish].env?.npm_config_ignore_scripts).toBe('false');
	});

	it('refuses a tag that is not the version, a version not in the CHANGELOG, a foreign repository', () => {
		const guard = indexOfRun(job, /CHANGELOG\.md/);
		expect(guard).toBeGreaterThanOrEqual(0);
		expect(guard).toBeLessThan(indexOfRun(job, /npm run release/));
		const script = job.steps[guard].run ?? '';
		expect(script).toContain('"$GITHUB_REF_NAME" = "$version"');
		expect(script).toContain('GITHUB_REPOSITORY');
	});

	it("finds this version's section in the CHANGELOG the way the guard does", () => {
		const changelog = readFileSync(path.join(repo, 'CHANGELOG.md'), 'utf8');
		expect(changelog).toMatch(new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\]`, 'm'));
	});
});

describe('ci.yml', () => {
	const workflow = read('ci.yml');
	const job = workflow.jobs.check;

	it('runs on pull requests and on main', () => {
		expect(workflow.on).toEqual({ pull_request: null, push: { branches: ['main'] } });
	});

	it('installs, builds, lints, checks the format, tests and asks n8n-node for cloud support', () => {
		const order = [/npm ci\b/, /npm run build/, /npm run lint/, /npm run format:check/, /npm test/, /cloud-support/];
		const at = order.map((check) => indexOfRun(job, check));
		expect(at.every((i) => i >= 0)).toBe(true);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
		expect(runs(job)).not.toMatch(/publish/);
	});
});

describe('a bare npm publish', () => {
	it('is stopped by n8n-node prerelease outside the release workflow', () => {
		expect(pkg.scripts.prepublishOnly).toBe('n8n-node prerelease');
	});
});
