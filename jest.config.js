/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: {
		'^.+\\.tsx?$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
		'^.+\\.m?js$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
	},
	// jose ships ESM only; let ts-jest turn it into CommonJS for the tests.
	transformIgnorePatterns: ['/node_modules/(?!jose/)'],
	testTimeout: 30000,
};
