// Runs the NetSuite node against an emulator, the way n8n runs it.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { NetSuite } from '../../../nodes/NetSuite/NetSuite.node';
import type { RunningEmulator } from '../../emulator';
import { runNode, type RunNodeResult } from '../../harness';
import { credentialsFor, type Auth } from '../credentials';

export async function runNetSuite(
	emulator: RunningEmulator,
	parameters: INodeParameters,
	options: { auth?: Auth; items?: INodeExecutionData[]; continueOnFail?: boolean } = {},
): Promise<RunNodeResult & { json: IDataObject[] }> {
	const auth = options.auth ?? 'tokenBasedAuth';
	const result = await runNode({
		nodeType: new NetSuite(),
		parameters: { authentication: auth, ...parameters },
		credentials: credentialsFor(emulator, auth),
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
	return { ...result, json: result.items.map((i) => i.json) };
}

export const type = (value: string) => ({ __rl: true, mode: 'id', value });
