// Parallel Requests on the reads that page by offset (Run SuiteQL, Record › Get Many and its
// shortcuts, Item › Get Many), read from the emulator's request log: a workflow saved without the
// option and Parallel Requests 1 send exactly the requests a read always sent, one at a time; a
// width of N never has more than N of the run's requests in flight, items of one run included, and
// returns row for row the sequential read's.
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startEmulator, type RunningEmulator } from '../../emulator';
import type { LoggedRequest } from '../../emulator/types';
import { runNetSuite, type } from './run';

const SUITEQL = '/services/rest/query/v1/suiteql';
const CUSTOMERS = '/services/rest/record/v1/customer';
const GOVERNANCE = '/services/rest/system/v1/governanceLimits';

/** The most requests of `log` that were in flight at one moment. */
function peakInFlight(log: LoggedRequest[]): number {
	const edges = log.flatMap((r) => [
		{ at: r.receivedMs, step: 1 },
		{ at: r.answeredMs, step: -1 },
	]);
	// An answer at the same moment as a new request frees its slot first.
	edges.sort((a, b) => a.at - b.at || a.step - b.step);
	let now = 0;
	let peak = 0;
	for (const edge of edges) peak = Math.max(peak, (now += edge.step));
	return peak;
}

/** What a request asks, without its signature: the same for two reads that send the same requests. */
const asked = (r: LoggedRequest) => `${r.method} ${r.path}?${r.rawQuery} ${r.body}`;

describe('NetSuite node: Parallel Requests on reads that page', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => {
		emulator = await startEmulator({ port: 0, seedCustomers: 4_500, latencyMs: 25, concurrency: 5 });
		for (let id = 1000; id < 5000; id++)
			emulator.data.db.run('INSERT INTO item (id, itemid, displayname, itemtype) VALUES (?, ?, ?, ?)', [
				id,
				`B-${id}`,
				`Bulk ${id}`,
				'InvtPart',
			]);
	}, 60_000);
	afterAll(async () => await emulator.stop());

	const read = async (parameters: INodeParameters, items?: INodeExecutionData[]) => {
		emulator.clearLog();
		const result = await runNetSuite(emulator, parameters, { items });
		expect(result.error).toBeUndefined();
		const log = [...emulator.requestLog];
		return {
			rows: result.json,
			log,
			pages: log.filter((r) => r.path !== GOVERNANCE),
			governance: log.filter((r) => r.path === GOVERNANCE),
		};
	};

	const suiteQl = (options?: INodeParameters): INodeParameters => ({
		resource: 'suiteQl',
		operation: 'run',
		query: 'SELECT id, companyname FROM customer ORDER BY id',
		returnAll: true,
		...(options && { options }),
	});
	const recordList = (options?: INodeParameters): INodeParameters => ({
		resource: 'record',
		operation: 'list',
		recordType: type('customer'),
		returnAll: true,
		...(options && { options }),
	});
	const itemList = (options?: INodeParameters): INodeParameters => ({
		resource: 'item',
		operation: 'list',
		returnAll: true,
		...(options && { options }),
	});

	describe.each([
		['Run SuiteQL (Return All)', suiteQl, SUITEQL],
		['Record › Get Many (Return All)', recordList, CUSTOMERS],
		['Item › Get Many (Return All)', itemList, SUITEQL],
	])('%s', (_name, parameters, path) => {
		it('saved without the option: one page at a time, offset after offset, no governance lookup', async () => {
			const saved = await read(parameters());
			expect(saved.governance).toHaveLength(0);
			expect(saved.pages.every((r) => r.path === path)).toBe(true);
			expect(saved.pages.map((r) => r.rawQuery)).toEqual(saved.pages.map((_, i) => `limit=1000&offset=${i * 1000}`));
			expect(saved.pages.length).toBeGreaterThanOrEqual(3);
			expect(peakInFlight(saved.pages)).toBe(1);
			// Each page is asked only after the one before it has answered.
			for (let i = 1; i < saved.pages.length; i++) expect(saved.pages[i].receivedMs).toBeGreaterThanOrEqual(saved.pages[i - 1].answeredMs);

			const one = await read(parameters({ batchSize: 1 }));
			expect(one.log.map(asked)).toEqual(saved.log.map(asked));
			expect(peakInFlight(one.log)).toBe(1);
			expect(one.rows).toEqual(saved.rows);
		}, 60_000);

		it('Parallel Requests 3: at most 3 in flight, the same requests and rows as the sequential read', async () => {
			const sequential = await read(parameters());
			const parallel = await read(parameters({ batchSize: 3 }));
			expect(parallel.governance).toHaveLength(0);
			expect(peakInFlight(parallel.log)).toBe(3);
			expect(parallel.log.map(asked).sort()).toEqual(sequential.log.map(asked).sort());
			expect(parallel.rows).toEqual(sequential.rows);
		}, 60_000);

		it("Auto: the account's limit from governanceLimits (5), asked once, never past it", async () => {
			const sequential = await read(parameters());
			const auto = await read(parameters({ batchSize: 0 }));
			expect(auto.governance).toHaveLength(1);
			expect(peakInFlight(auto.log)).toBeLessThanOrEqual(5);
			expect(peakInFlight(auto.pages)).toBeGreaterThan(1);
			expect(auto.log.filter((r) => r.status === 429)).toHaveLength(0);
			expect(auto.pages.map(asked).sort()).toEqual(sequential.pages.map(asked).sort());
			expect(auto.rows).toEqual(sequential.rows);
		}, 60_000);

		it('a Limit that fits the first page sends one request, with or without the option', async () => {
			const limited = { ...parameters({ batchSize: 0 }), returnAll: false, limit: 20 };
			const { log, rows } = await read(limited);
			expect(rows).toHaveLength(20);
			expect(log.map((r) => r.rawQuery)).toEqual(['limit=20&offset=0']);
		}, 60_000);
	});

	it('three input items of one Record › Get Many at Parallel Requests 2 hold 2 slots together, not 2 each', async () => {
		const items = [{ json: {} }, { json: {} }, { json: {} }];
		const sequential = await read(recordList(), items);
		const parallel = await read(recordList({ batchSize: 2 }), items);
		expect(peakInFlight(parallel.log)).toBe(2);
		expect(parallel.log.map(asked).sort()).toEqual(sequential.log.map(asked).sort());
		expect(parallel.rows).toEqual(sequential.rows);
	}, 60_000);

	it('with Fetch Full Records the GETs of three items share the same 2 slots as their pages, and return what the saved read returns', async () => {
		const items = [{ json: {} }, { json: {} }, { json: {} }];
		const full = (options: INodeParameters) => ({ ...recordList(options), returnAll: false, limit: 30 });
		const saved = await read(full({ fullRecords: true, fields: 'companyName' }), items);
		const parallel = await read(full({ fullRecords: true, fields: 'companyName', batchSize: 2 }), items);
		expect(parallel.rows).toEqual(saved.rows);
		expect(parallel.rows).toHaveLength(90);
		expect(peakInFlight(parallel.log)).toBe(2);
		// The saved read runs Auto (5) GETs per item, three items at once: past the account's 5 it
		// meets 429s and sends those again. Sharing the slots, the run never does.
		const answered = (log: LoggedRequest[]) =>
			log
				.filter((r) => r.path !== GOVERNANCE && r.status !== 429)
				.map(asked)
				.sort();
		expect(parallel.log.filter((r) => r.status === 429)).toHaveLength(0);
		expect(answered(parallel.log)).toEqual(answered(saved.log));
	}, 60_000);

	it('Page by Key at Parallel Requests 5: key ranges read at once, row for row the sequential read, at most 5 + 1 more requests', async () => {
		const sequential = await read(suiteQl({ pageByKey: true }));
		const parallel = await read(suiteQl({ pageByKey: true, batchSize: 5 }));
		expect(sequential.rows).toHaveLength(4_510);
		expect(peakInFlight(sequential.log)).toBe(1);
		expect(parallel.rows).toEqual(sequential.rows);
		expect(peakInFlight(parallel.log)).toBeGreaterThan(1);
		expect(peakInFlight(parallel.log)).toBeLessThanOrEqual(5);
		expect(parallel.log.length).toBeLessThanOrEqual(sequential.log.length + 5 + 1);
		// The first page is the one a sequential read sends first.
		expect(asked(parallel.log[0])).toBe(asked(sequential.log[0]));
	}, 60_000);

	it('Page by Key with a Limit, or without the option, sends the sequential requests', async () => {
		const saved = await read(suiteQl({ pageByKey: true }));
		const one = await read(suiteQl({ pageByKey: true, batchSize: 1 }));
		expect(one.log.map(asked)).toEqual(saved.log.map(asked));
		const limited = { ...suiteQl({ pageByKey: true }), returnAll: false, limit: 2_500 };
		const limitedSaved = await read(limited);
		const limitedWide = await read({ ...limited, options: { pageByKey: true, batchSize: 5 } });
		expect(limitedWide.log.map(asked)).toEqual(limitedSaved.log.map(asked));
		expect(limitedWide.rows).toEqual(limitedSaved.rows);
	}, 60_000);
});
