// The webhook trigger's ledger: claimed change keys, catch-up cursors and used signatures, kept
// in static data that n8n holds in two copies (webhook calls vs the activation) plus memory.
import type { IDataObject } from 'n8n-workflow';

import { forgetMemory, Ledger } from '../../nodes/NetSuiteWebhookTrigger/ledger';

const DAY = 24 * 3600 * 1000;
const START = Date.UTC(2031, 5, 1);

function clock(at = START) {
	let now = at;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

const copy = (staticData: IDataObject) => JSON.parse(JSON.stringify(staticData)) as IDataObject;

describe('webhook trigger ledger', () => {
	beforeEach(() => forgetMemory());

	it('a key is claimed once, also by a second ledger opened on an older copy of the static data', () => {
		const db: IDataObject = {};
		const webhookCopy = copy(db);
		const activationCopy = copy(db);
		const push = new Ledger('wf:node', webhookCopy);
		const catchUp = new Ledger('wf:node', activationCopy);
		expect(push.claim('customer:1:2031-06-01 00:00:00')).toBe(true);
		expect(catchUp.claim('customer:1:2031-06-01 00:00:00')).toBe(false);
	});

	it("neither copy's save erases the other's keys (each save writes the union)", () => {
		const webhookCopy: IDataObject = {};
		const activationCopy: IDataObject = {};
		const push = new Ledger('wf:node', webhookCopy);
		push.claim('customer:1:2031-06-01 00:00:00');
		push.save(300);
		const catchUp = new Ledger('wf:node', activationCopy);
		catchUp.claim('customer:2:2031-06-01 00:00:01');
		catchUp.save(300);
		// The activation copy saved last: after a restart it alone must know both keys.
		forgetMemory();
		const afterRestart = new Ledger('wf:node', copy(activationCopy));
		expect(afterRestart.has('customer:1:2031-06-01 00:00:00')).toBe(true);
		expect(afterRestart.has('customer:2:2031-06-01 00:00:01')).toBe(true);
	});

	it('a replayed signature is refused inside the window and forgotten well after it', () => {
		const time = clock();
		const staticData: IDataObject = {};
		const ledger = new Ledger('wf:node', staticData, time.now);
		const ts = START / 1000;
		expect(ledger.claimSignature('sha256=aa', ts)).toBe(true);
		expect(ledger.claimSignature('sha256=aa', ts)).toBe(false);
		ledger.save(300);
		time.advance(601_000);
		const later = new Ledger('wf:node', staticData, time.now);
		later.save(300);
		expect(Object.keys((staticData.ledger as { signatures: object }).signatures)).toEqual([]);
	});

	it('keys are dropped after three days once a catch-up has run since', () => {
		const time = clock();
		const staticData: IDataObject = {};
		const ledger = new Ledger('wf:node', staticData, time.now);
		ledger.claim('customer:1:old');
		time.advance(4 * DAY);
		ledger.caughtUp(time.now() - 60_000);
		ledger.save(300);
		expect(ledger.has('customer:1:old')).toBe(false);
	});

	it('however long n8n was down, keys the next catch-up may read again are kept', () => {
		const time = clock();
		const staticData: IDataObject = {};
		const before = new Ledger('wf:node', staticData, time.now);
		before.caughtUp(time.now());
		before.claim('customer:1:pushed-just-before-the-outage');
		before.save(300);
		forgetMemory();
		time.advance(10 * DAY);
		const afterOutage = new Ledger('wf:node', copy(staticData), time.now);
		afterOutage.save(300);
		expect(afterOutage.has('customer:1:pushed-just-before-the-outage')).toBe(true);
	});

	it("the process memory's cursor wins over an older static copy", () => {
		const older = {
			ledger: {
				seen: {},
				signatures: {},
				cursors: { customer: { recordType: 'customer', records: { after: { time: '2031-06-01 00:00:00', id: '1' } } } },
			},
		};
		const ledger = new Ledger('wf:node', copy(older));
		const newer = { recordType: 'customer', records: { after: { time: '2031-06-01 00:05:00', id: '9' } } };
		ledger.setCursor('Customer', newer);
		expect(new Ledger('wf:node', copy(older)).cursor('customer')).toEqual(newer);
	});
});
