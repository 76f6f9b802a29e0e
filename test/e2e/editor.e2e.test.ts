// The n8n editor in a real browser (Debian's chromium driven by playwright-core): the
// NetSuite node's icon, names, Resource/Operation menus and credential picker render.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

import { startEmulator, type RunningEmulator } from '../emulator';
import { demoCredentials, workflow } from './fixtures';
import { installN8n, N8nInstance, repo } from './n8n';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const artifacts = path.join(repo, 'test-artifacts');
const owner = { email: 'e2e@example.com', firstName: 'E2E', lastName: 'Tester', password: 'E2e-password-1' };
// Offline machine: n8n's calls home fail; those are not ours.
const NOISE = /api\.n8n\.io|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|Failed to load resource|telemetry|posthog|rudderstack|sentry|favicon/i;

(CHROMIUM ? describe : describe.skip)('the NetSuite node in the n8n editor', () => {
	let emulator: RunningEmulator;
	let n8n: N8nInstance;
	let browser: Browser;
	let page: Page;
	let url: string;
	const consoleErrors: string[] = [];

	beforeAll(async () => {
		mkdirSync(artifacts, { recursive: true });
		emulator = await startEmulator({ port: 0 });
		n8n = new N8nInstance(installN8n('2.40.7'));
		await n8n.importCredentials(demoCredentials(emulator.credentials));
		await n8n.importWorkflow(workflow('tba-sales-order'));
		url = await n8n.start();
		const setup = await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(owner) });
		expect(setup.ok).toBe(true);
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
		page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
		page.on('console', (msg) => {
			if (msg.type() === 'error' && !NOISE.test(msg.text())) consoleErrors.push(msg.text());
		});
		page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
		await page.goto(`${url}/signin`);
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(owner.email);
		await page.locator('input[type="password"]').first().fill(owner.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((u) => !u.pathname.includes('signin'), { timeout: 60_000 });
	}, 20 * 60_000);

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
		await emulator?.stop();
	});

	it('finds the three NetSuite nodes in the node panel', async () => {
		await page.goto(`${url}/workflow/new`);
		await page.waitForTimeout(3000);
		await page.keyboard.press('Tab');
		const search = page.locator('[data-test-id="node-creator-search-bar"] input, input[placeholder*="Search"]').first();
		await search.waitFor({ timeout: 30_000 });
		await search.fill('NetSuite');
		await page.waitForTimeout(1500);
		await page.screenshot({ path: path.join(artifacts, 'editor-node-panel.png') });
		const panel = await page.locator('[data-test-id="node-creator"], aside, body').first().innerText();
		expect(panel).toContain('NetSuite');
	});

	it('opens the NetSuite node with its credential picker and Resource and Operation menus', async () => {
		await page.goto(`${url}/workflow/${workflow('tba-sales-order').id}`);
		const node = page.locator('[data-test-id="canvas-node"]', { hasText: 'List Customers' }).first();
		await node.waitFor({ timeout: 60_000 });
		const icon = node.locator('img').first();
		expect(await icon.getAttribute('src')).toMatch(/netsuite/i);
		await node.dblclick();
		const ndv = page.locator('[data-test-id="ndv"], .ndv-wrapper, [data-test-id="node-parameters"]').first();
		await ndv.waitFor({ timeout: 30_000 });
		const text = await ndv.innerText();
		expect(text).toMatch(/Credential to connect with/i);
		expect(text).toContain('NetSuite TBA (emulator)');
		expect(text).toMatch(/Resource/);
		expect(text).toMatch(/Operation/);
		await page.locator('[data-test-id="parameter-input-resource"]').first().click();
		await page.waitForTimeout(800);
		const resources = await page.locator('.el-select-dropdown:visible, [role="listbox"]:visible').last().innerText();
		expect(resources).toContain('Sales Order');
		expect(resources).toContain('SuiteQL');
		await page.screenshot({ path: path.join(artifacts, 'editor-resource-menu.png') });
		await page.keyboard.press('Escape');
		await page.locator('[data-test-id="parameter-input-operation"]').first().click();
		await page.waitForTimeout(800);
		const operations = await page.locator('.el-select-dropdown:visible, [role="listbox"]:visible').last().innerText();
		expect(operations).toContain('List');
		await page.screenshot({ path: path.join(artifacts, 'editor-operation-menu.png') });
		expect(consoleErrors).toEqual([]);
	});
});
