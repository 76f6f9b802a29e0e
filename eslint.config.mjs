// Lint = n8n's community-node rules (the ones n8n's package scanner applies) plus the
// community, credential and node rules of eslint-plugin-n8n-nodes-base, for what is published
// (nodes/, credentials/, package.json); typescript-eslint's recommended rules for the tests,
// the emulator and the scripts, which run in Node and are never published.
import tseslint from 'typescript-eslint';
import * as jsoncParser from 'jsonc-eslint-parser';
import { configs as communityConfigs } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import js from '@eslint/js';

const n8nBase = (name) => n8nNodesBase.configs[name].rules;

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
const published = ['nodes/**/*.ts', 'credentials/**/*.ts'];

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**'] },
	// The SuiteScript files run in NetSuite, not in n8n, and are not published (files: dist):
	// plain ES2019 AMD scripts (SuiteScript 2.1), `define` from NetSuite, no Node globals.
	{
		files: ['suitescript/**/*.js', 'test/emulator/fixtures/**/*.js'],
		languageOptions: { ecmaVersion: 2019, sourceType: 'script', globals: { define: 'readonly' } },
		rules: { ...js.configs.recommended.rules, 'no-console': 'error', 'no-unused-vars': ['error', { caughtErrors: 'none' }] },
	},
	// Build and test tooling in plain Node (CommonJS), and this file.
	{
		files: ['gulpfile.js', 'index.js', 'jest.config.js', 'jest.e2e.config.js', 'test/**/*.js'],
		ignores: ['test/emulator/fixtures/**'],
		languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: nodeGlobals },
		rules: js.configs.recommended.rules,
	},
	{ files: ['eslint.config.mjs'], languageOptions: { ecmaVersion: 2022, sourceType: 'module' }, rules: js.configs.recommended.rules },
	// Tests, the emulator and the scripts: TypeScript's recommended rules (no community rules,
	// which are about what n8n loads).
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['test/**/*.ts', 'scripts/**/*.ts'] })),
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
		plugins: { '@typescript-eslint': tseslint.plugin },
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
	{ ...communityConfigs.recommended, files: [...published, 'package.json'] },
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nBase('community'),
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nBase('credentials'),
			// Applies to n8n's own repository only (it wants a doc slug); community
			// credentials must link a full URL (@n8n/community-nodes/credential-documentation-url).
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nBase('nodes'),
			// These two want the string 'main'; current n8n (and the community rule
			// node-connection-type-literal) uses NodeConnectionTypes.Main.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
];
