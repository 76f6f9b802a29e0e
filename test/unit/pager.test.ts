import { allRows, pages, type Page } from '../../nodes/shared/api/pager';

/** A server that answers these pages in turn, whatever it is asked, and notes each cursor it was asked for. */
function answering(...answers: Array<Page<number>>) {
	const asked: number[] = [];
	const fetch = async (cursor: number): Promise<Page<number>> => {
		asked.push(cursor);
		const answer = answers[asked.length - 1];
		if (!answer) throw new Error(`asked for page ${asked.length}, only ${answers.length} exist`);
		return await Promise.resolve(answer);
	};
	return { asked, fetch };
}

const page = (rows: number[], hasMore: boolean): Page<number> => ({ rows, hasMore });
const byLastRow = (p: Page<number>): number => p.rows[p.rows.length - 1];

async function collect(paged: AsyncIterable<number[]>): Promise<number[][]> {
	const out: number[][] = [];
	for await (const rows of paged) out.push(rows);
	return out;
}

describe('the shared pager', () => {
	it('reads until the server says there is no more, each page from the cursor the previous one gave', async () => {
		const server = answering(page([1, 2], true), page([3, 4], true), page([5], false));
		expect(await collect(pages({ first: 0, fetch: server.fetch, after: byLastRow }))).toEqual([[1, 2], [3, 4], [5]]);
		expect(server.asked).toEqual([0, 2, 4]);
	});

	it('carries on after a short page that says there is more', async () => {
		const server = answering(page([1], true), page([2, 3, 4], false));
		expect(await allRows(pages({ first: 0, fetch: server.fetch, after: byLastRow }))).toEqual([1, 2, 3, 4]);
	});

	it('stops at an empty page even when it says there is more (asking again would loop)', async () => {
		const server = answering(page([1, 2], true), page([], true), page([3], false));
		expect(await collect(pages({ first: 0, fetch: server.fetch, after: (p, cursor) => byLastRow(p) ?? cursor }))).toEqual([[1, 2]]);
		expect(server.asked).toEqual([0, 2]);
	});

	it('trims the page that reaches maxRows and fetches nothing after it', async () => {
		const server = answering(page([1, 2, 3], true), page([4, 5, 6], true), page([7], false));
		expect(await collect(pages({ first: 0, fetch: server.fetch, after: byLastRow, maxRows: 5 }))).toEqual([
			[1, 2, 3],
			[4, 5],
		]);
		expect(server.asked).toEqual([0, 3]);
	});

	it('stops without another request when a page ends exactly at maxRows', async () => {
		const server = answering(page([1, 2], true), page([3, 4], true));
		expect(await allRows(pages({ first: 0, fetch: server.fetch, after: byLastRow, maxRows: 2 }))).toEqual([1, 2]);
		expect(server.asked).toEqual([0]);
	});

	it('fetches nothing for maxRows 0', async () => {
		const server = answering();
		expect(await allRows(pages({ first: 0, fetch: server.fetch, after: byLastRow, maxRows: 0 }))).toEqual([]);
		expect(server.asked).toEqual([]);
	});

	it.each([-1, 1.5, Number.NaN])('refuses maxRows %p before any request', async (maxRows) => {
		const server = answering(page([1], false));
		await expect(allRows(pages({ first: 0, fetch: server.fetch, after: byLastRow, maxRows }))).rejects.toThrow(
			`maxRows must be a whole number of 0 or more (it is ${maxRows})`,
		);
		expect(server.asked).toEqual([]);
	});

	it('fails with a clear error, after the rows it read, when the next page would start where the last one did', async () => {
		const server = answering(page([1, 2], true), page([1, 2], true), page([1, 2], true));
		const out: number[][] = [];
		const read = async () => {
			for await (const rows of pages({ first: 0, fetch: server.fetch, after: () => 7 })) out.push(rows);
		};
		await expect(read()).rejects.toThrow('Paging stopped: the next page would start at 7 again, where a page was already read');
		expect(out).toEqual([
			[1, 2],
			[1, 2],
		]);
		expect(server.asked).toEqual([0, 7]);
	});

	it('fails when the cursor comes back to an earlier one (a loop of two pages), with the caller’s own error', async () => {
		const server = answering(page([1], true), page([2], true), page([1], true));
		const cursors = [
			{ time: '10:00', id: '5' },
			{ time: '09:00', id: '1' },
		];
		const stuck = (cursor: { time: string; id: string }) => new Error(`went back to ${cursor.time}/${cursor.id}`);
		const paged = pages({
			first: { time: '09:00', id: '1' },
			fetch: async () => await server.fetch(0),
			after: () => cursors.shift()!,
			stuck,
		});
		await expect(allRows(paged)).rejects.toThrow('went back to 09:00/1');
		expect(server.asked).toHaveLength(2);
	});

	it('fetches no further page once the consumer stops', async () => {
		const server = answering(page([1], true), page([2], true), page([3], false));
		for await (const rows of pages({ first: 0, fetch: server.fetch, after: byLastRow })) if (rows.includes(2)) break;
		expect(server.asked).toEqual([0, 1]);
	});

	it('asks for the next cursor only when it reads another page, so a last page without a usable key still ends the read', async () => {
		const server = answering(page([1, 2], true));
		const after = () => {
			throw new Error('no key on this page');
		};
		expect(await allRows(pages({ first: 0, fetch: server.fetch, after, maxRows: 2 }))).toEqual([1, 2]);
	});
});
