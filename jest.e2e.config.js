/** Real-n8n end-to-end tests (slow: the first run installs n8n into a cache). */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: {
		'^.+\\.tsx?$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
		'^.+\\.m?js$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
	},
	transformIgnorePatterns: ['/node_modules/(?!jose/)'],
	testTimeout: 15 * 60_000,
	maxWorkers: 1,
};
