/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- runs in Node (tests, emulator, scripts), never inside n8n */
// Bench case 6: a backfill through the NetSuite Trigger as n8n runs it (one activation, one
// poll per tick, Max Items per Poll), against the emulator over HTTP. Counts every change once
// (a bitmap by id: the count takes 1 byte per record, not the items) and prints items per poll,
// peak RSS and time per 100,000 changes. The emulator runs in this process: its store is in the
// baseline RSS printed first.
import { NetSuiteTrigger } from '../nodes/NetSuiteTrigger/NetSuiteTrigger.node';
import { startEmulator } from '../test/emulator';
import { ActivePoller } from '../test/harness';
import { credentialsFor } from '../test/nodes/credentials';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function benchBackfill(records: number, maxItems: number): Promise<void> {
	const emulator = await startEmulator({ port: 0, seedCustomers: 0 });
	try {
		// Records created at one instant and saved again later, 50 per second: `records` updates.
		const first = Number(emulator.data.db.all('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM customer')[0].n);
		const insert = emulator.data.db.sql.prepare(
			'INSERT INTO customer (id, companyname, subsidiary, datecreated, lastmodifieddate) VALUES (?, ?, 1, ?, ?)',
		);
		const base = Date.UTC(2030, 0, 1);
		const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
		emulator.data.db.sql.run('BEGIN');
		for (let n = 0; n < records; n++) insert.run([first + n, `Backfill ${n}`, stamp(base), stamp(base + 1000 + Math.floor(n / 50) * 1000)]);
		emulator.data.db.sql.run('COMMIT');
		insert.free();
		emulator.clock.freeze(new Date(base + 1000 * (records / 50 + 3600)));
		global.gc?.();
		const baseline = process.memoryUsage().rss;
		console.log(
			`6. Trigger backfill of ${records.toLocaleString('en-US')} updates, Max Items per Poll ${maxItems.toLocaleString('en-US')}, no latency`,
		);
		console.log(`   RSS with the emulator's store loaded: ${mb(baseline)}`);

		const trigger = new ActivePoller({
			nodeType: new NetSuiteTrigger(),
			parameters: {
				authentication: 'tokenBasedAuth',
				recordType: { __rl: true, mode: 'id', value: 'customer' },
				showNew: false,
				startFrom: 'time',
				startTime: stamp(base + 1000).replace(' ', 'T'),
				maxItems,
			},
			credentials: credentialsFor(emulator),
		});
		const seen = new Uint8Array(records);
		let total = 0;
		let repeated = 0;
		let polls = 0;
		let biggest = 0;
		let peak = baseline;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
		const started = performance.now();
		for (let quiet = 0; quiet < 2; polls++) {
			const items = (await trigger.poll()) ?? [];
			for (const item of items) {
				const n = Number(item.json.id) - first;
				if (seen[n]) repeated++;
				seen[n] = 1;
			}
			total += items.length;
			biggest = Math.max(biggest, items.length);
			quiet = items.length ? 0 : quiet + 1;
			emulator.clock.advance(60_000); // n8n's shortest interval
		}
		const ms = performance.now() - started;
		clearInterval(sampler);
		peak = Math.max(peak, process.memoryUsage().rss);
		const missing = seen.reduce((count, v) => count + (v ? 0 : 1), 0);
		console.log(
			`   ${polls} polls, at most ${biggest.toLocaleString('en-US')} items each; ${total.toLocaleString('en-US')} emitted, ${repeated} repeated, ${missing} missing`,
		);
		console.log(
			`   peak RSS ${mb(peak)} (+${mb(peak - baseline)} over the baseline); ${(ms / 1000).toFixed(1)} s in all, ${((ms / total) * 100).toFixed(1)} s per 100,000 changes`,
		);
	} finally {
		await emulator.stop();
	}
}
