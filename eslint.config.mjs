// Lint = n8n's community-node rules (the ones n8n's package scanner applies) plus the
// community, credential and node rules of eslint-plugin-n8n-nodes-base.
import tseslint from 'typescript-eslint';
import * as jsoncParser from 'jsonc-eslint-parser';
import { configs as communityConfigs } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import js from '@eslint/js';

const n8nBase = (name) => n8nNodesBase.configs[name].rules;

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/**', 'gulpfile.js', 'index.js', 'jest.config.js', 'scripts/**', 'eslint.config.mjs'] },
	// The SuiteScript files run in NetSuite, not in n8n, and are not published (files: dist):
	// plain ES2019 AMD scripts (SuiteScript 2.1), `define` from NetSuite, no Node globals.
	{
		files: ['suitescript/**/*.js'],
		languageOptions: { ecmaVersion: 2019, sourceType: 'script', globals: { define: 'readonly' } },
		rules: { ...js.configs.recommended.rules, 'no-console': 'error', 'no-unused-vars': ['error', { caughtErrors: 'none' }] },
	},
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
		plugins: { '@typescript-eslint': tseslint.plugin },
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
	{ ...communityConfigs.recommended, files: ['**/*.ts', 'package.json'] },
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
