/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// The n8n editor in a real browser (Debian's chromium driven by playwright-core): the
// NetSuite node's icon, names, Resource/Operation menus and credential picker render.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

import { startEmulator, type RunningEmulator } from '../emulator';
import { CHROMIUM, openEditor, signIn } from './editorSession';
import { demoCredentials, workflow } from './fixtures';
import { installN8n, N8nInstance, repo } from './n8n';

const artifacts = path.join(repo, 'test-artifacts');
// Offline machine: n8n's calls home fail; those are not ours.
const NOISE =
	/api\.n8n\.io|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|Failed to load resource|telemetry|posthog|rudderstack|sentry|favicon/i;

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
		// Debug level: n8n's loader says "No codex available for: <node>" only there.
		url = await n8n.start({ N8N_LOG_LEVEL: 'debug' });
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
		page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
		page.on('console', (msg) => {
			if (msg.type() === 'error' && !NOISE.test(msg.text())) consoleErrors.push(msg.text());
		});
		page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
		await signIn(page, url);
	}, 20 * 60_000);

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
		await emulator?.stop();
	});

	it('finds the NetSuite nodes, with their icon, in the node panel', async () => {
		await page.goto(`${url}/workflow/new`);
		const addFirstStep = page
			.locator('[data-test-id="canvas-add-button"], button:has-text("Add first step"), :text("Add first step")')
			.first();
		await addFirstStep.waitFor({ timeout: 60_000 });
		await addFirstStep.click();
		const search = page.getByPlaceholder(/search/i).first();
		await search.waitFor({ timeout: 30_000 });
		await search.fill('NetSuite');
		await page.waitForTimeout(1500);
		await page.screenshot({ path: path.join(artifacts, 'editor-node-panel.png') });
		const panel = await page.locator('body').innerText();
		// n8n lists the trigger under the app's name, with the trigger's description.
		expect(panel).toContain('Starts the workflow when NetSuite records are created, changed or deleted');
		expect(panel).toContain('NetSuite Raw Request');
		expect(panel).toContain('Starts the workflow the moment NetSuite saves a record');
		const icons = await page.locator('img[src*="netsuite"]').count();
		expect(icons).toBeGreaterThanOrEqual(2);
		await page.keyboard.press('Escape');
	});

	it('loads every node with its codex: categories and documentation links, no "No codex available"', async () => {
		writeFileSync(path.join(artifacts, 'editor-n8n.log'), n8n.serverLog);
		expect(n8n.serverLog).toMatch(/\bdebug\b/);
		expect(n8n.serverLog).not.toMatch(/No codex available for: (CUSTOM\.)?netSuite/);
		// The editor reads the node types from /types/nodes.json with the signed-in session.
		const types = (await page.evaluate(async () => (await fetch('/types/nodes.json')).json())) as Array<{
			name: string;
			codex?: { categories?: string[]; resources?: { primaryDocumentation?: Array<{ url: string }> } };
		}>;
		// The tool variants (netSuiteTool...) are n8n's own, filed under AI.
		const ours = types.filter((t) => /netSuite/.test(t.name) && !t.name.endsWith('Tool'));
		expect(ours.map((t) => t.name.replace(/^.*\./, '')).sort()).toEqual(
			expect.arrayContaining(['netSuite', 'netSuiteRawRequest', 'netSuiteTrigger', 'netSuiteWebhookTrigger']),
		);
		for (const type of ours) {
			expect(type.codex?.categories).toEqual(expect.arrayContaining(['Finance & Accounting']));
			expect(type.codex?.resources?.primaryDocumentation?.[0]?.url).toMatch(/^https:\/\//);
		}
	});

	it('opens the NetSuite node with its credential picker and Resource and Operation menus', async () => {
		await page.goto(`${url}/workflow/${workflow('tba-sales-order').id}`);
		const node = page.locator('[data-test-id="canvas-node"]', { hasText: 'List Customers' }).first();
		await node.waitFor({ timeout: 60_000 });
		const icon = node.locator('img').first();
		expect(await icon.getAttribute('src')).toMatch(/netsuite/i);
		const ndv = await openEditor(page, 'List Customers');
		const text = await ndv.innerText();
		expect(text).toMatch(/Credential/);
		expect(text).toMatch(/Resource/);
		expect(text).toMatch(/Operation/);
		const inputs = ndv.locator('input');
		const values = await inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
		expect(values).toEqual(expect.arrayContaining(['NetSuite TBA (emulator)', 'Customer', 'Get Many']));
		await page.screenshot({ path: path.join(artifacts, 'editor-node.png') });
		const openMenu = async (value: string) => {
			await inputs.nth(values.indexOf(value)).click();
			await page.waitForTimeout(800);
			return await page.locator('.el-select-dropdown:visible, .el-popper:visible, [role="listbox"]:visible').last().innerText();
		};
		const resources = await openMenu('Customer');
		expect(resources).toContain('Sales Order');
		expect(resources).toContain('SuiteQL');
		await page.screenshot({ path: path.join(artifacts, 'editor-resource-menu.png') });
		await page.keyboard.press('Escape');
		const operations = await openMenu('Get Many');
		expect(operations).toMatch(/Create[\s\S]*Get[\s\S]*Get Many[\s\S]*Update/);
		await page.screenshot({ path: path.join(artifacts, 'editor-operation-menu.png') });
		await page.keyboard.press('Escape');
		const credentials = await openMenu('NetSuite TBA (emulator)');
		expect(credentials).toContain('NetSuite TBA (emulator)');
		await page.screenshot({ path: path.join(artifacts, 'editor-credential-picker.png') });
		await page.keyboard.press('Escape');
		expect(consoleErrors).toEqual([]);
	});
	it('shows the credential form with its Use a Test Server switch and Test Server URL (the emulator, from the editor)', async () => {
		await page.goto(`${url}/home/credentials/nsTba`);
		const dialog = page.locator('[data-test-id="editCredential-modal"] .el-dialog, .el-dialog:visible').first();
		await dialog.waitFor({ timeout: 60_000 });
		await page.waitForTimeout(1000);
		const text = await dialog.innerText();
		expect(text).toContain('Use a Test Server');
		expect(text).toContain('Test Server URL');
		// The imported demo credential has the switch on, so its URL is shown and filled.
		const values = await dialog.locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
		expect(values).toContain(emulator.baseUrl);
		await page.screenshot({ path: path.join(artifacts, 'editor-credential-test-server.png') });
		await page.keyboard.press('Escape');
	});
});
