// Randomized model test: saves, outages, lost posts, catch-up runs and restarts in random
// order (fixed seeds). Whatever the interleaving, every change (deletes included) is emitted at
// most once, every delete is emitted, and the newest version of every remaining record is
// emitted, by push or by catch-up. A failure names the seed
// and the steps.
import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type RunningEmulator } from '../../emulator';
import { tbaFetch } from '../../emulator/testClient';
import { PushRig } from './pushRig';

const SEEDS = [7, 1125, 90210, 4242, 31337];
const STEPS = 45;

function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

describe('push and catch-up together: exactly once (randomized model)', () => {
	let emulator: RunningEmulator;
	let rig: PushRig | undefined;
	afterEach(async () => {
		await rig?.stop();
		await emulator.stop();
	});

	it.each(SEEDS)(
		'seed %i',
		async (seed) => {
			emulator = await startEmulator();
			emulator.clock.freeze(new Date(Date.UTC(2032, 0, 1)));
			const next = random(seed);
			rig = new PushRig(emulator);
			await rig.start();
			rig.deployScript();
			let up = true;
			const records: string[] = [];
			const deleted: string[] = [];
			const history: string[] = [];
			for (let step = 0; step < STEPS; step++) {
				const roll = next();
				// Changes may share a second: NetSuite stamps whole seconds.
				if (next() < 0.7) emulator.clock.advance(1000);
				if (roll < 0.35 || records.length === 0) {
					const res = await tbaFetch(emulator, 'POST', '/services/rest/record/v1/customer', {
						body: JSON.stringify({ companyName: `Model ${seed}-${step}`, subsidiary: { id: '1' } }),
					});
					records.push(res.headers.get('location')!.split('/').pop()!);
					history.push(`create ${records[records.length - 1]}`);
				} else if (roll < 0.7) {
					const id = records[Math.floor(next() * records.length)];
					await tbaFetch(emulator, 'PATCH', `/services/rest/record/v1/customer/${id}`, { body: JSON.stringify({ phone: String(step) }) });
					history.push(`edit ${id}`);
				} else if (roll < 0.76 && records.length > 1) {
					const [id] = records.splice(Math.floor(next() * records.length), 1);
					await tbaFetch(emulator, 'DELETE', `/services/rest/record/v1/customer/${id}`);
					deleted.push(id);
					history.push(`delete ${id}`);
				} else if (roll < 0.8 && up) {
					await rig.tick();
					history.push('catch-up');
				} else if (roll < 0.88) {
					if (up) await rig.stop();
					else {
						await rig.start();
						rig.deployScript();
					}
					up = !up;
					history.push(up ? 'n8n up' : 'n8n down');
				} else if (up) {
					// A post lost on the way while n8n is up (network, proxy): only the catch-up can find it.
					emulator.scripts.undeployAll();
					emulator.clock.advance(1000);
					const id = records[Math.floor(next() * records.length)];
					await tbaFetch(emulator, 'PATCH', `/services/rest/record/v1/customer/${id}`, { body: JSON.stringify({ phone: `lost ${step}` }) });
					rig.deployScript();
					history.push(`edit ${id} (post lost)`);
				}
			}
			if (!up) {
				await rig.start();
				rig.deployScript();
			}
			// Two settling runs: the catch-up reads NetSuite's newest second only once a later run sees
			// it still newest (the NetSuite Trigger's cursor), so a lost post in the last second waits one run.
			await rig.tick();
			await rig.tick();

			const context = `seed ${seed}; steps: ${history.join(', ')}`;
			const emitted = rig.executions.map((i) => i.json as IDataObject);
			// A change is a record's creation (its created second) or a later save (its last-modified second).
			const keys = emitted.map((e) => `${e.id}@${e.event === 'delete' ? 'deleted' : e.event === 'create' ? e.created : e.lastModified}`);
			const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
			if (duplicates.length) throw new Error(`${context}\nemitted twice: ${duplicates.join(', ')}`);
			const rows = (await (
				await tbaFetch(emulator, 'POST', '/services/rest/query/v1/suiteql', {
					body: JSON.stringify({
						q: `SELECT id, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS m FROM customer WHERE id IN (${records.join(',')})`,
					}),
					headers: { prefer: 'transient' },
				})
			).json()) as { items: Array<{ id: string; m: string }> };
			const missing = rows.items.filter((r) => !keys.includes(`${r.id}@${r.m.replace(' ', 'T')}.000Z`)).map((r) => `${r.id}@${r.m}`);
			if (missing.length) throw new Error(`${context}\nnewest version never emitted: ${missing.join(', ')}`);
			expect(rows.items).toHaveLength(records.length);
			const deletesMissing = deleted.filter((id) => !keys.includes(`${id}@deleted`));
			if (deletesMissing.length) throw new Error(`${context}\ndelete never emitted: ${deletesMissing.join(', ')}`);
		},
		120_000,
	);
});
