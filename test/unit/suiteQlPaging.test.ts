// SuiteQL's two paging loops on the shared pager, with each page sent through an injected
// sender (TransportOptions.send, as the routing engine's hook sends them): a fake NetSuite
// here can answer what the emulator never would (a page that ignores the key bound, a result
// without totalResults), so the guards are tested where they matter.
import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse, INode } from 'n8n-workflow';

import { suiteQlPages, suiteQlPagesByKey } from '../../nodes/shared/api/suiteQl';
import type { NetSuiteContext, TransportOptions } from '../../nodes/shared/api/transport';

const node: INode = { id: 'suiteql-paging', name: 'NetSuite', type: 'CUSTOM.netSuite', typeVersion: 1, position: [0, 0], parameters: {} };

/** Just what the transport reads of an n8n context; the sender never reaches the network. */
const context = {
	getNode: () => node,
	getNodeParameter: (name: string, _itemIndex: number, fallback: unknown) => (name === 'authentication' ? 'tokenBasedAuth' : fallback),
	getCredentials: async () => await Promise.resolve({ accountId: '1234567', useTestServer: true, baseUrlOverride: 'http://127.0.0.1:9' }),
} as unknown as NetSuiteContext;

interface Asked {
	limit: number;
	offset: number;
	q: string;
	params: string[];
}

/**
 * A SuiteQL endpoint over `rows`: by offset (the rows from it), or by the key bound in the last
 * parameter when the query has `WHERE id > ?`, unless it ignores that bound. Gives up after
 * `runaway` requests so a pager that loops fails the test instead of hanging it.
 */
function fakeSuiteQl(rows: IDataObject[], behaviour: { totalResults?: boolean; ignoresKey?: boolean; runaway?: number } = {}) {
	const asked: Asked[] = [];
	const send = async (request: IHttpRequestOptions): Promise<IN8nHttpFullResponse> => {
		const qs = request.qs as { limit: number; offset: number };
		const body = request.body as { q: string; params?: string[] };
		const params = body.params ?? [];
		asked.push({ limit: qs.limit, offset: qs.offset, q: body.q, params });
		if (asked.length > (behaviour.runaway ?? 200)) throw new Error(`runaway: ${asked.length} requests`);
		const keyed = body.q.includes('> ?') && !behaviour.ignoresKey;
		const after = keyed ? rows.filter((row) => Number(row.id) > Number(params[params.length - 1])) : rows;
		const items = after.slice(qs.offset, qs.offset + qs.limit);
		const envelope: IDataObject = { items, hasMore: qs.offset + items.length < after.length, count: items.length, offset: qs.offset };
		if (behaviour.totalResults !== false) envelope.totalResults = after.length;
		return await Promise.resolve({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: envelope });
	};
	return { asked, transport: { send } satisfies TransportOptions };
}

const rowsWithIds = (count: number) => Array.from({ length: count }, (_, i) => ({ id: String(i + 1) }));

async function readAll(paged: AsyncIterable<IDataObject[]>): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	for await (const rows of paged) out.push(...rows);
	return out;
}

describe('SuiteQL paging on the shared pager', () => {
	it('with parallel 4 reads the same rows with the same requests as one page at a time, and the Limit still bounds them', async () => {
		for (const maxRows of [undefined, 2500]) {
			const sequential = fakeSuiteQl(rowsWithIds(4321));
			const parallel = fakeSuiteQl(rowsWithIds(4321));
			const one = await readAll(suiteQlPages.call(context, { q: 'SELECT id FROM t' }, { maxRows, transport: sequential.transport }));
			const four = await readAll(
				suiteQlPages.call(context, { q: 'SELECT id FROM t' }, { maxRows, transport: parallel.transport, parallel: 4 }),
			);
			expect(four).toEqual(one);
			expect(parallel.asked.map((a) => a.offset)).toEqual(sequential.asked.map((a) => a.offset));
		}
	});

	it('pages by offset in multiples of the page size through the injected sender, and trims the last page to the Limit', async () => {
		const server = fakeSuiteQl(rowsWithIds(5000));
		const rows = await readAll(
			suiteQlPages.call(context, { q: 'SELECT id FROM customer' }, { maxRows: 2500, transport: server.transport }),
		);
		expect(rows.map((r) => r.id)).toEqual(rowsWithIds(2500).map((r) => r.id));
		expect(server.asked.map(({ limit, offset }) => [limit, offset])).toEqual([
			[1000, 0],
			[1000, 1000],
			[1000, 2000],
		]);
	});

	it('stops at the offset cap before the 101st page when NetSuite gives no total up front', async () => {
		const server = fakeSuiteQl(rowsWithIds(100_500), { totalResults: false });
		await expect(readAll(suiteQlPages.call(context, { q: 'SELECT id FROM customer' }, { transport: server.transport }))).rejects.toThrow(
			'SuiteQL stops at 100,000 rows when paging by offset, and this query has more',
		);
		expect(server.asked).toHaveLength(100);
	});

	it("pages by key with the last key of each page as the bound parameter, after the query's own", async () => {
		const server = fakeSuiteQl(rowsWithIds(5));
		const rows = await readAll(
			suiteQlPagesByKey.call(context, { q: 'SELECT id FROM customer WHERE x = ?', params: ['a'] }, 'id', {
				pageSize: 2,
				transport: server.transport,
			}),
		);
		expect(rows.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5']);
		expect(server.asked.map((a) => a.params)).toEqual([['a'], ['a', '2'], ['a', '4']]);
		expect(server.asked[1].q).toBe('SELECT * FROM (SELECT id FROM customer WHERE x = ?) WHERE id > ? ORDER BY id');
	});

	it('fails naming the Key Column when NetSuite answers the same page again, instead of paging forever', async () => {
		// Four rows and pages of three: every answer is rows 1-3 with more to come, whatever the bound.
		const server = fakeSuiteQl(rowsWithIds(4), { ignoresKey: true, runaway: 20 });
		const paged = suiteQlPagesByKey.call(context, { q: 'SELECT id FROM customer' }, 'id', { pageSize: 3, transport: server.transport });
		await expect(readAll(paged)).rejects.toThrow('Page by Key stopped: Key Column "id" came back to "3", a value already paged past');
		expect(server.asked).toHaveLength(2);
	});

	it('fails on a page that promises more but lacks the Key Column, even when the Limit ends the read on that page', async () => {
		const server = fakeSuiteQl(Array.from({ length: 10 }, (_, i) => ({ name: `c${i}` })));
		const paged = suiteQlPagesByKey.call(context, { q: 'SELECT name FROM customer' }, 'id', {
			maxRows: 2,
			pageSize: 5,
			transport: server.transport,
		});
		await expect(readAll(paged)).rejects.toThrow('Key Column "id" is missing from the query\'s results: select it');
	});
});
