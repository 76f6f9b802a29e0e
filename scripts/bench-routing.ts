/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- runs in Node (tests, emulator, scripts), never inside n8n */
// `npm run bench:routing`: what n8n's declarative engine costs per item for the NetSuite node's
// description, against n8n's floor node, with no NetSuite latency in the way. Prints figures;
// asserts nothing. Process CPU per item, best of ROUNDS (the machine is shared: the best run is
// the one least disturbed).
//
// n8n-core 2.40's RoutingNode.runNode evaluates every property of the description for every
// item, twice (resolveBaseUrl, then the request options), before any request is sent: an unset
// property is read as `[]` and still goes through the expression engine and displayParameter.
// So a property costs CPU on every item whether or not it is shown. The "only the properties
// shown for Record" line is the NetSuite node with the other resources' properties left out:
// what a description with fewer (shared, not per-resource) properties would save.
import { createServer, type Server } from 'node:http';
import { RoutingNode } from 'n8n-core';
import type { INodeParameters, INodeType } from 'n8n-workflow';

import { NetSuiteTbaApi } from '../credentials/NetSuiteTbaApi.credentials';
import { NetSuite } from '../nodes/NetSuite/NetSuite.node';
import { runNode } from '../test/harness';
import { FloorNode } from './floorNode';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const body = '={{ JSON.stringify({ companyName: $json.key, subsidiary: { id: "1" } }) }}';
const upsert: INodeParameters = { authentication: 'tokenBasedAuth', operation: 'upsert', externalId: '={{ $json.key }}', bodyJson: body };
const recordUpsert: INodeParameters = {
	...upsert,
	resource: 'record',
	recordType: { __rl: true, mode: 'id', value: 'customer' },
	bodyMode: 'json',
};

/** Answers every write at once (204 + Location), and Batch Size Auto's governance lookup. */
async function trivialServer(): Promise<{ server: Server; origin: string }> {
	const server = createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			if (req.url?.includes('governanceLimits'))
				res.writeHead(200, { 'content-type': 'application/json' }).end('{"accountConcurrencyLimit":5}');
			else res.writeHead(204, { Location: 'http://127.0.0.1/services/rest/record/v1/customer/42', Connection: 'close' }).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

function onlyShownFor(resource: string): NetSuite {
	const node = new NetSuite();
	const properties = node.description.properties.filter((p) => {
		const shownFor = p.displayOptions?.show?.resource as string[] | undefined;
		return !shownFor || shownFor.includes(resource);
	});
	node.description = { ...node.description, properties };
	return node;
}

/** CPU of n8n's item loop alone: the request of each item is answered without being sent. */
async function loopOnly<T>(fn: () => Promise<T>): Promise<T> {
	const prototype = RoutingNode.prototype as unknown as { makeRequest: () => Promise<unknown> };
	const makeRequest = prototype.makeRequest;
	prototype.makeRequest = async () => [{ json: {} }];
	try {
		return await fn();
	} finally {
		prototype.makeRequest = makeRequest;
	}
}

async function main(): Promise<void> {
	const { server, origin } = await trivialServer();
	const credentials = {
		netSuiteTbaApi: {
			type: new NetSuiteTbaApi(),
			data: {
				accountId: '1234567',
				consumerKey: 'ck',
				consumerSecret: 'cs',
				tokenId: 'tid',
				tokenSecret: 'ts',
				useTestServer: true,
				baseUrlOverride: origin,
			},
		},
	};
	const record = onlyShownFor('record');
	const cases: Array<[string, INodeType, INodeParameters]> = [
		['n8n floor node', new FloorNode(), upsert],
		[`NetSuite node (${new NetSuite().description.properties.length} properties)`, new NetSuite(), recordUpsert],
		[`NetSuite, only the ${record.description.properties.length} properties shown for Record`, record, recordUpsert],
	];
	const best = new Map<string, { loop: number; total: number }>();
	const cpuPerItem = async (fn: () => Promise<unknown>) => {
		const before = process.cpuUsage();
		await fn();
		const used = process.cpuUsage(before);
		return (used.user + used.system) / 1000 / ITEMS;
	};
	for (let round = 0; round < ROUNDS; round++) {
		for (const [label, nodeType, parameters] of cases) {
			const items = Array.from({ length: ITEMS }, (_, i) => ({ json: { key: `K-${round}-${i}` } }));
			const run = async () => {
				const result = await runNode({ nodeType, parameters, credentials, items, continueOnFail: true });
				const failed = result.items.filter((i) => i.error);
				if (result.error || failed.length) throw result.error ?? failed[0].error;
			};
			const loop = await loopOnly(async () => await cpuPerItem(run));
			const total = await cpuPerItem(run);
			const previous = best.get(label) ?? { loop: Infinity, total: Infinity };
			best.set(label, { loop: Math.min(previous.loop, loop), total: Math.min(previous.total, total) });
		}
	}
	console.log(
		`${ITEMS.toLocaleString('en-US')} upserts, TBA, a local server that answers at once; process CPU per item, best of ${ROUNDS}`,
	);
	console.log(`   ${'case'.padEnd(52)} n8n's item loop (requests stubbed) | whole run (loop, hooks, transport, HTTP both sides)`);
	for (const [label, { loop, total }] of best)
		console.log(`   ${label.padEnd(52)} ${loop.toFixed(2)} ms                            | ${total.toFixed(2)} ms`);
	server.close();
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
