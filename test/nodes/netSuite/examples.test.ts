// Every JSON example a description shows is JSON, uses NetSuite's own keys, and where it is a
// body NetSuite takes it as it stands: a builder who copies it gets a record, not an error.
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { FULFILLMENT_BODY_EXAMPLE, REFERENCE_EXAMPLE } from '../../../nodes/NetSuite/fields/examples';
import { NetSuite } from '../../../nodes/NetSuite/NetSuite.node';
import { NetSuiteRawRequest } from '../../../nodes/NetSuiteRawRequest/NetSuiteRawRequest.node';
import { NetSuiteTrigger } from '../../../nodes/NetSuiteTrigger/NetSuiteTrigger.node';
import { NetSuiteWebhookTrigger } from '../../../nodes/NetSuiteWebhookTrigger/NetSuiteWebhookTrigger.node';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { runNetSuite, type } from './run';

type Described = INodeProperties | INodePropertyOptions | INodePropertyCollection;

function texts(list: readonly Described[], into: string[] = []): string[] {
	for (const entry of list) {
		for (const key of ['description', 'placeholder', 'hint', 'default', 'toolDescription'] as const) {
			const value = (entry as unknown as Record<string, unknown>)[key];
			if (typeof value === 'string') into.push(value);
		}
		const nested = (entry as { options?: Described[]; values?: Described[] }).options ?? (entry as { values?: Described[] }).values;
		if (Array.isArray(nested)) texts(nested, into);
	}
	return into;
}

/** Each `{"…` or `[{"…` run with balanced brackets: what a reader would copy as JSON. */
export function jsonExamplesIn(text: string): string[] {
	const found: string[] = [];
	for (let start = 0; start < text.length; start++) {
		if (!/^(\{\s*"|\[\s*\{\s*")/.test(text.slice(start, start + 6))) continue;
		let depth = 0;
		let inString = false;
		for (let end = start; end < text.length; end++) {
			const c = text[end];
			if (inString) {
				if (c === '\\') end++;
				else if (c === '"') inString = false;
			} else if (c === '"') inString = true;
			else if (c === '{' || c === '[') depth++;
			else if (c === '}' || c === ']') {
				depth--;
				if (depth === 0) {
					found.push(text.slice(start, end + 1));
					start = end;
					break;
				}
			}
		}
	}
	return found;
}

const descriptions: INodeTypeDescription[] = [
	new NetSuite().description,
	new NetSuiteTrigger().description,
	new NetSuiteWebhookTrigger().description,
	new NetSuiteRawRequest().description,
];
const examples = descriptions.flatMap((d) =>
	texts(d.properties)
		.filter((t) => !t.startsWith('='))
		.flatMap((t) => jsonExamplesIn(t).map((json) => [d.displayName, json] as const)),
);

describe('JSON examples in the descriptions', () => {
	it('finds the examples the node shows (the finder is not blind)', () => {
		expect(examples.map(([, json]) => json)).toEqual(expect.arrayContaining([REFERENCE_EXAMPLE, FULFILLMENT_BODY_EXAMPLE]));
		expect(jsonExamplesIn('for example {"ID": "1"} or [{"a": [1, {"b": "}"}]}]')).toEqual(['{"ID": "1"}', '[{"a": [1, {"b": "}"}]}]']);
	});

	it.each(examples)('%s: %s parses and uses lower-case "id" as NetSuite does', (_node, json) => {
		expect(() => JSON.parse(json)).not.toThrow();
		expect(json).not.toMatch(/"ID"\s*:/);
	});

	describe('sent to NetSuite as a builder would copy them', () => {
		let emulator: RunningEmulator;
		beforeAll(async () => (emulator = await startEmulator({ port: 0 })));
		afterAll(async () => await emulator.stop());

		it('the Value tooltip’s reference sets the subsidiary of a new customer', async () => {
			const { json, error } = await runNetSuite(emulator, {
				resource: 'record',
				operation: 'create',
				recordType: type('customer'),
				bodyMode: 'fields',
				bodyFields: {
					field: [
						{ name: 'companyName', value: 'Copied Example Ltd' },
						{ name: 'subsidiary', value: REFERENCE_EXAMPLE },
					],
				},
			});
			expect(error).toBeUndefined();
			const id = json[0].id as string;
			const rows = emulator.data.db.all('SELECT subsidiary FROM customer WHERE id = ?', [id]);
			expect(rows).toEqual([{ subsidiary: 1 }]);
		});

		it('the fulfillment’s Additional Body example fulfils a sales order', async () => {
			const { json, error } = await runNetSuite(emulator, {
				resource: 'itemFulfillment',
				operation: 'create',
				salesOrderId: '103',
				lines: { line: [{ orderLine: 1, quantity: 1 }] },
				additionalBody: FULFILLMENT_BODY_EXAMPLE,
			});
			expect(error).toBeUndefined();
			expect(json[0]).toMatchObject({ recordType: 'itemFulfillment', id: expect.stringMatching(/^\d+$/) });
		});
	});
});
