/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests, emulator, scripts), never inside n8n */
// Randomized model test: creates and line adds under random faults (fixed seeds, printed on
// failure). The model: a create either succeeds with the id of the one record it made, or
// fails saying the record may exist; an Add Line never adds its lines twice.
import type { INodeParameters } from 'n8n-workflow';

import { NetSuite } from '../../nodes/NetSuite/NetSuite.node';
import { retryTiming } from '../../nodes/shared/api/retry';
import { transportTuning } from '../../nodes/shared/api/transport';
import { startEmulator, type RunningEmulator } from '../emulator';
import { runNode } from '../harness';
import { credentialsFor } from '../nodes/credentials';
import { startFaultProxy, type Fault, type FaultProxy } from './faultProxy';

const type = (value: string) => ({ __rl: true, mode: 'id', value });

function lcg(seed: number): () => number {
	let state = seed;
	return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function randomFault(random: () => number): Fault {
	const pick = Math.floor(random() * 5);
	if (pick === 0) return { kind: 'dropAnswer' };
	if (pick === 1) return { kind: 'reset' };
	if (pick === 2) return { kind: 'status', status: 503 };
	if (pick === 3) return { kind: 'status', status: 429 };
	return { kind: 'slow', delayMs: 400 };
}

describe('writes under random faults (model test)', () => {
	let emulator: RunningEmulator;
	let proxy: FaultProxy;
	const sleep = retryTiming.sleep;
	const timeout = transportTuning.timeoutMs;
	beforeAll(async () => {
		emulator = await startEmulator({ port: 0 });
		proxy = await startFaultProxy(emulator.baseUrl);
		retryTiming.sleep = async () => undefined;
		transportTuning.timeoutMs = 200;
	});
	afterAll(async () => {
		retryTiming.sleep = sleep;
		transportTuning.timeoutMs = timeout;
		await proxy.stop();
		await emulator.stop();
	});

	const run = async (parameters: INodeParameters) => {
		const credentials = credentialsFor(emulator);
		credentials.netSuiteTbaApi.data = { ...credentials.netSuiteTbaApi.data, baseUrlOverride: proxy.baseUrl };
		return await runNode({ nodeType: new NetSuite(), parameters: { authentication: 'tokenBasedAuth', ...parameters }, credentials });
	};
	const idsNamed = (name: string) => emulator.data.db.all('SELECT id FROM customer WHERE companyname = ?', [name]).map((r) => String(r.id));
	const lineCount = (orderId: number) =>
		Number(emulator.data.db.all('SELECT COUNT(*) AS n FROM transactionline WHERE "transaction" = ?', [orderId])[0].n);

	it.each([3, 17, 101, 4242])(
		'seed %i: every Exactly Once create ends as exactly one record with its id, and no line is added twice',
		async (seed) => {
			const random = lcg(seed);
			const problems: string[] = [];
			for (let step = 0; step < 6; step++) {
				const name = `Model ${seed}-${step}`;
				// Up to 3 faults on the create and 2 on the job reads: within the 6 retries, so every create must succeed.
				for (let i = Math.floor(random() * 4); i > 0; i--)
					proxy.inject(randomFault(random), 1, (m, p) => m === 'POST' && p.endsWith('/customer'));
				for (let i = Math.floor(random() * 3); i > 0; i--)
					proxy.inject(randomFault(random), 1, (m, p) => m === 'GET' && p.includes('/async/v1/job/'));
				const created = await run({
					resource: 'record',
					operation: 'create',
					recordType: type('customer'),
					bodyMode: 'json',
					bodyJson: JSON.stringify({ companyName: name, subsidiary: { id: '1' } }),
					options: { delivery: 'exactlyOnceAsyncJob' },
				});
				const ids = idsNamed(name);
				if (ids.length !== 1) problems.push(`${name}: ${ids.length} records`);
				if (created.error) problems.push(`${name}: failed: ${created.error.message}`);
				else if (created.items[0]?.json.id !== ids[0])
					problems.push(`${name}: answered id ${String(created.items[0]?.json.id)}, record is ${ids[0]}`);

				const before = lineCount(101);
				proxy.inject(randomFault(random), 1, (m, p) => m === 'PATCH' && p.endsWith('/salesOrder/101'));
				const added = await run({
					resource: 'sublist',
					operation: 'addLine',
					recordType: type('salesOrder'),
					recordId: '101',
					sublistId: 'item',
					lines: '[{"item": {"id": "5"}}]',
				});
				await new Promise((r) => setTimeout(r, 450)); // let a slow answer's write land before counting
				const delta = lineCount(101) - before;
				if (delta > 1) problems.push(`add line ${step}: ${delta} lines added for one`);
				if (!added.error && delta !== 1) problems.push(`add line ${step}: reported success, ${delta} lines added`);
				if (added.error && delta === 1 && !/may have applied/.test(String(added.error.description)))
					problems.push(`add line ${step}: line added but the error does not say so: ${added.error.message}`);
			}
			if (problems.length) throw new Error(`seed ${seed}:\n${problems.join('\n')}`);
		},
	);

	// One Request per Record: with an External ID a create ends as one record and its id, or (every
	// send's outcome unknown) fails saying where to look; without one it may fail, but only saying the
	// record may exist. Never two records, never a failure that hides a record.
	it.each([5, 23, 777, 9001])(
		'seed %i: every One Request per Record create leaves at most one record, and every item says what happened to it',
		async (seed) => {
			const random = lcg(seed);
			const problems: string[] = [];
			for (let step = 0; step < 8; step++) {
				const name = `Direct ${seed}-${step}`;
				const withExternalId = random() < 0.6;
				for (let i = Math.floor(random() * 4); i > 0; i--)
					proxy.inject(randomFault(random), 1, (m, p) => m === 'POST' && p.endsWith('/customer'));
				for (let i = Math.floor(random() * 3); i > 0; i--)
					proxy.inject(randomFault(random), 1, (m, p) => m === 'GET' && p.includes('/eid:'));
				const created = await run({
					resource: 'record',
					operation: 'create',
					recordType: type('customer'),
					bodyMode: 'json',
					bodyJson: JSON.stringify({
						companyName: name,
						subsidiary: { id: '1' },
						...(withExternalId ? { externalId: `direct-${seed}-${step}` } : {}),
					}),
				});
				await new Promise((r) => setTimeout(r, 450)); // let a slow create land before counting
				const ids = idsNamed(name);
				const said = `${created.error?.message ?? ''} ${created.error?.description ?? ''}`;
				if (ids.length > 1) problems.push(`${name}: ${ids.length} records`);
				if (/retry the request immediately|Gave up after/i.test(said)) problems.push(`${name}: invites a blind retry: ${said}`);
				if (!created.error && created.items[0]?.json.id !== ids[0])
					problems.push(`${name}: answered id ${String(created.items[0]?.json.id)}, record is ${ids[0]}`);
				if (created.error && ids.length === 1 && !/may exist|eid:/.test(said))
					problems.push(`${name}: record made but the error hides it: ${said}`);
				if (created.error && withExternalId && !/eid:direct-/.test(said) && !/429|concurrency/i.test(said))
					problems.push(`${name}: with an External ID the error should say where to look: ${said}`);
			}
			if (problems.length) throw new Error(`seed ${seed}:\n${problems.join('\n')}`);
		},
	);
});
