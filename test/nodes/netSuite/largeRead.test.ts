import { startEmulator, type RunningEmulator } from '../../emulator';
import { runNetSuite } from './run';

describe('NetSuite node: a SuiteQL read larger than the offset cap', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0, seedCustomers: 130_000 })), 60_000);
	afterAll(async () => await emulator.stop());

	it('without Page by Key fails at the first page with an error that suggests it', async () => {
		emulator.clearLog();
		const { error } = await runNetSuite(emulator, { resource: 'suiteQl', operation: 'run', query: 'SELECT id FROM customer', returnAll: true });
		expect(error?.message).toBe('SuiteQL stops at 100,000 rows when paging by offset, and this query has more');
		expect(error?.description).toContain('Page by Key');
		expect(emulator.requestLog.filter((r) => r.path.endsWith('/suiteql'))).toHaveLength(1);
	}, 120_000);

	it('with Page by Key reads all 130,010 rows, each once, in 131 requests', async () => {
		emulator.clearLog();
		const { json, error } = await runNetSuite(emulator, { resource: 'suiteQl', operation: 'run', query: 'SELECT id FROM customer', returnAll: true, options: { pageByKey: true } });
		expect(error).toBeUndefined();
		expect(json).toHaveLength(130_010);
		expect(new Set(json.map((r) => r.id)).size).toBe(130_010);
		expect(emulator.requestLog.filter((r) => r.path.endsWith('/suiteql'))).toHaveLength(131);
	}, 120_000);
});
