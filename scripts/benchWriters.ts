// The bench's writers, shared by the bench process and its client process (benchClient.ts):
// the package's node through n8n's engine, and a hand-written signed fetch loop. Both need only
// the emulator's address and demo credentials, so they run as well in another process.
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { NetSuite } from '../nodes/NetSuite/NetSuite.node';
import type { NetSuiteRawRequest } from '../nodes/NetSuiteRawRequest/NetSuiteRawRequest.node';
import { tbaAuthorizationHeader } from '../nodes/shared/auth/tbaSigner';
import type { RunningEmulator } from '../test/emulator';
import { runNode } from '../test/harness';
import { credentialsFor, type Auth } from '../test/nodes/credentials';
import type { FloorNode } from './floorNode';

/** What the writers need of an emulator: where it is and whose keys it takes. */
export type EmulatorAddress = Pick<RunningEmulator, 'credentials'>;

export async function node(
	emulator: EmulatorAddress,
	nodeType: NetSuite | NetSuiteRawRequest | FloorNode,
	parameters: INodeParameters,
	items?: INodeExecutionData[],
	auth: Auth = 'tokenBasedAuth',
) {
	const result = await runNode({
		nodeType,
		parameters: { authentication: auth, ...parameters },
		credentials: credentialsFor(emulator, auth),
		items,
		continueOnFail: true,
	});
	if (result.error) throw result.error;
	return result.items;
}

/** A hand-written signed write loop: `workers` at a time, each request sent again only on a 429. */
export async function bareWrites(
	emulator: EmulatorAddress,
	count: number,
	workers: number,
	write: (i: number) => { method: string; path: string; body: object },
): Promise<number> {
	const { tba, accountId, baseUrl } = emulator.credentials;
	const keys = { ...tba, realm: accountId };
	let next = 0;
	let done = 0;
	await Promise.all(
		Array.from({ length: workers }, async () => {
			while (next < count) {
				const { method, path, body } = write(next++);
				const url = `${baseUrl}${path}`;
				for (;;) {
					const response = await fetch(url, {
						method,
						headers: { authorization: tbaAuthorizationHeader(keys, { method, url }), 'content-type': 'application/json' },
						body: JSON.stringify(body),
					});
					await response.arrayBuffer();
					if (response.status !== 429) break;
				}
				done++;
			}
		}),
	);
	return done;
}

export const bareUpserts = (emulator: EmulatorAddress, count: number, workers: number, prefix = 'BARE') =>
	bareWrites(emulator, count, workers, (i) => ({
		method: 'PUT',
		path: `/services/rest/record/v1/customer/eid:${prefix}-${i}`,
		body: { companyName: `${prefix} ${i}`, subsidiary: { id: '1' } },
	}));

/** A synchronous create loop: POST, id in Location, no key, no retry of a lost answer. */
export const bareCreates = (emulator: EmulatorAddress, count: number, workers: number, prefix = 'Bare create') =>
	bareWrites(emulator, count, workers, (i) => ({
		method: 'POST',
		path: '/services/rest/record/v1/customer',
		body: { companyName: `${prefix} ${i}`, subsidiary: { id: '1' } },
	}));
