/* eslint-disable @n8n/community-nodes/node-usable-as-tool -- runs in Node (tests, emulator, scripts), never inside n8n */
// n8n's own floor for the bench: the smallest declarative node that sends the same write as
// the package (same TBA credential, same method, path and body), with `routing.request` only:
// no hooks, no limiter, no retries, no output shaping. What it costs per item is what n8n's
// routing engine costs; whatever the package costs beyond it is the package's.
//
// A create cannot be expressed this way as the package sends it: the async submit is followed
// by three GETs (job, task, result) whose paths come from the first answer, and plain routing
// sends one request per item. So the floor's create is the single synchronous POST the bare
// loop sends too, and upserts (one PUT each, for all three) are the like-for-like floor case.
import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../nodes/shared/auth/account';

export class FloorNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NetSuite Floor (bench only)',
		name: 'netSuiteFloor',
		group: ['transform'],
		version: 1,
		description: 'The minimal declarative node the bench compares with',
		defaults: { name: 'Floor' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'netSuiteTbaApi', required: true }],
		requestDefaults: { headers: { Accept: 'application/json' } },
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				default: 'upsert',
				options: [
					{
						name: 'Upsert',
						value: 'upsert',
						routing: {
							request: { method: 'PUT', url: `=${RECORD_BASE_PATH}/customer/eid:{{ encodeURIComponent($parameter.externalId) }}` },
						},
					},
					{ name: 'Create', value: 'create', routing: { request: { method: 'POST', url: `${RECORD_BASE_PATH}/customer` } } },
				],
			},
			{ displayName: 'External ID', name: 'externalId', type: 'string', default: '', displayOptions: { show: { operation: ['upsert'] } } },
			{
				displayName: 'Body (JSON)',
				name: 'bodyJson',
				type: 'json',
				default: '{}',
				routing: { request: { body: '={{ JSON.parse($value) }}' } },
			},
		],
	};
}
