/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// The published package has zero runtime dependencies: dist/ must load and sign on its own.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jwtVerify } from 'jose';

import { testKeyPair } from '../unit/keys';

const repo = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
	n8n: { credentials: string[]; nodes: string[] };
	dependencies?: object;
};

describe('the built package', () => {
	let dir: string;

	beforeAll(() => {
		if (!existsSync(path.join(repo, 'dist/nodes/NetSuite/NetSuite.node.js'))) {
			execFileSync(process.execPath, [require.resolve('gulp/bin/gulp.js'), 'build'], { cwd: repo, stdio: 'ignore' });
		}
		dir = mkdtempSync(path.join(tmpdir(), 'suitetalk-dist-'));
		cpSync(path.join(repo, 'dist'), path.join(dir, 'dist'), { recursive: true });
		cpSync(path.join(repo, 'package.json'), path.join(dir, 'package.json'));
	}, 120_000);

	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('declares no runtime dependencies', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
	});

	it('loads every credential and node with no node_modules beside it, and still signs TBA and M2M', async () => {
		const ec = testKeyPair('ec-p256');
		const out = execFileSync(process.execPath, [path.join(__dirname, 'loadIsolated.js'), dir, repo], {
			env: { ...process.env, TEST_EC_KEY: ec.privateKeyPem },
		}).toString();
		const result = JSON.parse(out) as {
			loaded: Record<string, string>;
			refused: string[];
			url: string;
			authorization: string;
			assertion: string;
			token: object;
			error?: string;
		};
		expect(result.error).toBeUndefined();
		expect(result.refused).toEqual([]);
		expect(Object.keys(result.loaded).sort()).toEqual([...pkg.n8n.credentials, ...pkg.n8n.nodes].sort());
		expect(result.url).toBe('https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/customer?limit=1');
		expect(result.authorization).toMatch(/^OAuth realm="1234567",.*oauth_signature_method="HMAC-SHA256"/);
		await expect(
			jwtVerify(result.assertion, ec.publicKey, {
				audience: 'https://1234567.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token',
			}),
		).resolves.toBeDefined();
		expect(result.token).toEqual({ accessToken: 'at' });
	});
});
