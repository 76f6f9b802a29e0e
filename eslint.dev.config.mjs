// The rest of the lint. eslint.config.mjs is n8n's default one-liner (n8n's strict mode and
// `n8n-node cloud-support` accept nothing else): it lints every *.ts, nodes and credentials with
// n8n's community rules, and tests, the emulator and the scripts with the same TypeScript rules,
// each of those files exempt, by its first line, from the n8n-runtime rules it breaks
// (scripts/lint-node-only.mjs writes those lines). This file lints the JavaScript, which n8n's
// config parses but checks with no rule. `npm run lint` runs both.
import js from '@eslint/js';

// The Node globals the CommonJS files use (listed here rather than adding a dependency).
const nodeGlobals = Object.fromEntries(
	[
		'require',
		'module',
		'exports',
		'__dirname',
		'__filename',
		'process',
		'console',
		'Buffer',
		'setTimeout',
		'clearTimeout',
		'setInterval',
		'clearInterval',
		'Atomics',
		'SharedArrayBuffer',
		'URL',
		'URLSearchParams',
	].map((name) => [name, 'readonly']),
);

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', '**/*.ts', 'package.json'] },
	// The SuiteScript files run in NetSuite, not in n8n, and are not published (files: dist):
	// plain ES2019 AMD scripts (SuiteScript 2.1), `define` from NetSuite, no Node globals.
	{
		files: ['suitescript/**/*.js', 'test/emulator/fixtures/**/*.js'],
		languageOptions: { ecmaVersion: 2019, sourceType: 'script', globals: { define: 'readonly' } },
		rules: {
			...js.configs.recommended.rules,
			'no-console': 'error',
			'no-unused-vars': ['error', { caughtErrors: 'none' }],
		},
	},
	// Build and test tooling in plain Node (CommonJS).
	{
		files: ['gulpfile.js', 'jest.config.js', 'jest.e2e.config.js', 'test/**/*.js'],
		ignores: ['test/emulator/fixtures/**'],
		languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: nodeGlobals },
		rules: js.configs.recommended.rules,
	},
	// The ESLint configs and the Node scripts written as ES modules.
	{
		files: ['**/*.mjs'],
		languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: nodeGlobals },
		rules: js.configs.recommended.rules,
	},
];
