// Record > List pages the collection through the shared pager (nodes/shared/api/recordPages.ts):
// pages of 1000 ids, offsets that are multiples of the page size, the last page trimmed to Limit.
import { startEmulator, type RunningEmulator } from '../../emulator';
import { runNetSuite, type } from './run';

describe('NetSuite node: Record > List over several pages', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => (emulator = await startEmulator({ port: 0, seedCustomers: 2_500 })), 60_000);
	afterAll(async () => await emulator.stop());

	const listQueries = () => emulator.requestLog.filter((r) => r.path.endsWith('/record/v1/customer')).map((r) => r.rawQuery);
	const list = async (parameters: Record<string, unknown>) =>
		await runNetSuite(emulator, { resource: 'record', operation: 'list', recordType: type('customer'), ...parameters });

	it('with a Limit of 1,500 reads two pages of 1,000 and returns the first 1,500 ids, each once', async () => {
		emulator.clearLog();
		const { json, error } = await list({ limit: 1500 });
		expect(error).toBeUndefined();
		expect(json).toHaveLength(1500);
		expect(new Set(json.map((r) => r.id)).size).toBe(1500);
		expect(listQueries()).toEqual(['limit=1000&offset=0', 'limit=1000&offset=1000']);
	});

	it('with a Limit of exactly one page reads that page only', async () => {
		emulator.clearLog();
		const { json } = await list({ limit: 1000 });
		expect(json).toHaveLength(1000);
		expect(listQueries()).toEqual(['limit=1000&offset=0']);
	});

	it('with Return All reads until NetSuite says there is no more: every id once, in its order', async () => {
		emulator.clearLog();
		const { json } = await list({ returnAll: true });
		const ids = json.map((r) => Number(r.id));
		expect(ids.length).toBeGreaterThan(2_500);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
		expect(new Set(ids).size).toBe(ids.length);
		expect(listQueries()).toEqual(['limit=1000&offset=0', 'limit=1000&offset=1000', 'limit=1000&offset=2000']);
	});
});
