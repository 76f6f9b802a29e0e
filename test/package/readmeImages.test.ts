/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// The README's pictures (taken by `npm run screenshots`, scripts/readme-images.ts): each one the
// README shows is there, is a PNG and is small; none lies in docs/images unused.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
const shown = [...readme.matchAll(/\]\((docs\/images\/[^)\s]+)\)/g)].map((m) => m[1]);

describe("the README's pictures", () => {
	it('shows the operations menu, a credential dialog, an example and each template', () => {
		expect([...shown].sort()).toEqual([
			'docs/images/credential-dialog.png',
			'docs/images/operations-menu.png',
			'docs/images/template-invoices-from-orders.png',
			'docs/images/template-shopify-order.png',
			'docs/images/workflow-canvas.png',
		]);
	});

	it.each(shown)('%s is a PNG under 150 KB', (image) => {
		const file = path.join(repo, image);
		expect(readFileSync(file).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
		expect(statSync(file).size).toBeLessThan(150 * 1024);
	});

	it('keeps no picture the README does not show', () => {
		expect(
			readdirSync(path.join(repo, 'docs/images'))
				.map((f) => `docs/images/${f}`)
				.sort(),
		).toEqual([...shown].sort());
	});
});
