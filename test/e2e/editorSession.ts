/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// The n8n editor in Debian's chromium (playwright-core downloads no browser): the owner set up,
// signed in, a node opened. Shared by the editor e2e and `npm run screenshots`.
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

const owner = { email: 'e2e@example.com', firstName: 'E2E', lastName: 'Tester', password: 'E2e-password-1' };

/** Sets up the instance owner (a fresh n8n has none) and signs the page in. */
export async function signIn(page: Page, url: string): Promise<void> {
	const setup = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (!setup.ok) throw new Error(`owner setup answered ${setup.status}`);
	await page.goto(`${url}/signin`);
	await page.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(owner.email);
	await page.locator('input[type="password"]').first().fill(owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((u) => !u.pathname.includes('signin'), { timeout: 60_000 });
}

/** Opens a node of the workflow on screen in the node details view. */
export async function openEditor(page: Page, nodeName: string): Promise<Locator> {
	const node = page.locator('[data-test-id="canvas-node"]', { hasText: nodeName }).first();
	await node.waitFor({ timeout: 60_000 });
	await node.dblclick();
	const ndv = page.locator('[data-test-id="ndv"], .ndv-wrapper, [data-test-id="node-parameters"]').first();
	await ndv.waitFor({ timeout: 30_000 });
	return ndv;
}
