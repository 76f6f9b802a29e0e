// The change streams page by (time, id) key through the shared pager. A reader that ignores
// the key it is given (a query built wrong, a server that answers the same page) used to make
// a poll read the same rows forever; now the poll fails, naming the table.
import type { IDataObject } from 'n8n-workflow';

import { readWindow, startCursor, type PageReader } from '../../../nodes/NetSuiteTrigger/changeStream';
import { recordStream } from '../../../nodes/NetSuiteTrigger/pollQuery';
import { knownPollTable } from '../../../nodes/NetSuiteTrigger/recordTables';

const stream = recordStream(knownPollTable('customer')!, '');
const change = (id: number, time = '2031-01-01 10:00:00'): IDataObject => ({
	id: String(id),
	ns_time: time,
	ns_created: '2031-01-01 09:00:00',
});

/**
 * A reader that answers the stream's newest time, and to every page query the same rows with
 * more to come. Gives up after `runaway` pages so a loop fails the test instead of hanging it.
 */
function sameAnswerEveryTime(rows: IDataObject[], runaway = 20) {
	const pages: IDataObject[][] = [];
	const read: PageReader = async (query) => {
		if (query.q.startsWith('SELECT TO_CHAR(MAX('))
			return await Promise.resolve({ items: [{ ns_time: '2031-01-01 10:00:00' }], hasMore: false });
		if (pages.length >= runaway) throw new Error(`runaway: ${pages.length} pages`);
		pages.push(rows);
		return { items: rows, hasMore: true };
	};
	return { pages, read };
}

describe('NetSuite Trigger change streams on the shared pager', () => {
	it('a poll window whose reader answers the same page again fails, naming the table, after reading it once', async () => {
		const reader = sameAnswerEveryTime([change(1), change(2)]);
		const cursor = { after: { time: '2031-01-01 09:00:00', id: '0' }, seenNewest: '2031-01-01 10:00:00' };
		await expect(readWindow(reader.read, stream, cursor, 2)).rejects.toThrow(
			'Reading customer stopped: the rows after {"time":"2031-01-01 10:00:00","id":"2"} were asked for again (NetSuite answered a page that was already read)',
		);
		expect(reader.pages).toHaveLength(2);
	});

	it("a first activation whose reader answers the newest second's same page again fails the same way", async () => {
		const reader = sameAnswerEveryTime([change(7), change(8)]);
		await expect(startCursor(reader.read, stream, { mode: 'now' }, 2)).rejects.toThrow(
			'Reading customer stopped: the rows after "8" were asked for again',
		);
		expect(reader.pages).toHaveLength(2);
	});
});
