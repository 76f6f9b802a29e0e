/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- runs in Node (tests, emulator, scripts), never inside n8n */
// `npm run screenshots`: the README's pictures, taken from a real n8n 2.40.7 in Debian's chromium
// (the e2e suite's editor set-up) against the emulator, cropped, into docs/images/. Only this
// command writes them: CI and the e2e suite never touch tracked files. Needs `npm run build` first.
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Locator, type Page } from 'playwright-core';

import { startEmulator } from '../test/emulator';
import { CHROMIUM, openEditor, signIn } from '../test/e2e/editorSession';
import { demoCredentials, workflow } from '../test/e2e/fixtures';
import { installN8n, N8nInstance, repo } from '../test/e2e/n8n';

const out = path.join(repo, 'docs/images');
const MAX_BYTES = 150 * 1024;

/** The union of the boxes, with a margin, clipped to the page. */
async function around(page: Page, parts: Locator[], margin = 12) {
	const boxes = (await Promise.all(parts.map(async (p) => await p.boundingBox()))).filter((b) => b !== null);
	if (!boxes.length) throw new Error('nothing to crop to');
	const view = page.viewportSize()!;
	const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
	const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
	const right = Math.min(view.width, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
	const bottom = Math.min(view.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
	return { x, y, width: right - x, height: bottom - y };
}

async function shoot(page: Page, name: string, parts: Locator[], margin?: number): Promise<void> {
	const file = path.join(out, name);
	await page.screenshot({ path: file, clip: await around(page, parts, margin) });
	const bytes = statSync(file).size;
	console.log(`${path.relative(repo, file)}: ${Math.round(bytes / 1024)} KB`);
	if (bytes > MAX_BYTES) throw new Error(`${name} is ${bytes} bytes, over ${MAX_BYTES}: crop it smaller`);
}

/** The templates of the README's Templates section, and their pictures. */
const TEMPLATES: Array<[string, string]> = [
	['template-shopify-order', 'template-shopify-order.png'],
	['template-invoices-from-orders', 'template-invoices-from-orders.png'],
];

/** A workflow on the canvas, zoomed to fit and one step out (room for the labels under the nodes). */
async function canvas(page: Page, url: string, file: string, png: string): Promise<void> {
	await page.goto(`${url}/workflow/${workflow(file).id}`);
	const nodes = page.locator('[data-test-id="canvas-node"]');
	await nodes.first().waitFor({ timeout: 60_000 });
	await page.keyboard.press('Shift+1');
	await page.keyboard.press('-');
	await page.waitForTimeout(1000);
	await shoot(page, png, await nodes.all(), 56);
}

async function main(): Promise<void> {
	if (!CHROMIUM) throw new Error('chromium is not installed (apt-get install chromium)');
	mkdirSync(out, { recursive: true });
	const emulator = await startEmulator({ port: 0 });
	const n8n = new N8nInstance(installN8n('2.40.7'));
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
	try {
		await n8n.importCredentials(demoCredentials(emulator.credentials));
		for (const file of ['tba-sales-order', ...TEMPLATES.map(([f]) => f)]) await n8n.importWorkflow(workflow(file));
		const url = await n8n.start();
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await signIn(page, url);

		// The canvases: one example, and each template with its notes.
		for (const [file, png] of TEMPLATES) await canvas(page, url, file, png);
		// Last: the operations menu below opens a node of this one.
		await canvas(page, url, 'tba-sales-order', 'workflow-canvas.png');

		// The NetSuite node's operations menu.
		const ndv = await openEditor(page, 'List Customers');
		const inputs = ndv.locator('input');
		const values = await inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
		await inputs.nth(values.indexOf('Get Many')).click();
		await page.waitForTimeout(800);
		const menu = page.locator('.el-select-dropdown:visible, .el-popper:visible, [role="listbox"]:visible').last();
		const parameters = ndv.locator('[data-test-id="node-parameters"]').first();
		await shoot(page, 'operations-menu.png', [parameters, menu]);
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');

		// A credential dialog: the Client Credentials (M2M) one, as a user fills it in.
		await page.goto(`${url}/home/credentials/nsM2m`);
		const dialog = page.locator('[data-test-id="editCredential-modal"] .el-dialog, .el-dialog:visible').first();
		await dialog.waitFor({ timeout: 60_000 });
		await page.waitForTimeout(1000);
		await shoot(page, 'credential-dialog.png', [dialog]);
	} finally {
		await browser.close();
		await n8n.stop();
		await emulator.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
