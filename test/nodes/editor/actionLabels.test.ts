// What the node panel lists under each node, built as n8n builds it: every label reads as a
// sentence ("On Inline Edit Xedit" is what startCase made of "Inline Edit (Xedit)").
import { NetSuiteRawRequest } from '../../../nodes/NetSuiteRawRequest/NetSuiteRawRequest.node';
import { NetSuiteTrigger } from '../../../nodes/NetSuiteTrigger/NetSuiteTrigger.node';
import { NetSuiteWebhookTrigger } from '../../../nodes/NetSuiteWebhookTrigger/NetSuiteWebhookTrigger.node';
import { NetSuite } from '../../../nodes/NetSuite/NetSuite.node';
import { actionLabels } from './actionLabels';

const nodes = { NetSuite, NetSuiteTrigger, NetSuiteWebhookTrigger, NetSuiteRawRequest };
const labels = Object.entries(nodes).flatMap(([name, Node]) => actionLabels(new Node().description).map((l) => [name, l] as const));

describe('node panel action labels', () => {
	it('builds labels the way n8n does (an option without `action` gets "On " + startCase)', () => {
		const bare = { ...new NetSuiteWebhookTrigger().description };
		bare.properties = bare.properties.map((p) =>
			p.name === 'events' ? { ...p, options: [{ name: 'Inline Edit (Xedit)', value: 'xedit' }] } : p,
		);
		expect(actionLabels(bare)).toEqual(['On Inline Edit Xedit']);
	});

	it('the webhook trigger lists its events as sentences', () => {
		expect(actionLabels(new NetSuiteWebhookTrigger().description)).toEqual([
			'On a record created',
			'On a record deleted',
			'On a record edited',
			'On a field edited inline',
			'On another event (approve, cancel, ship…)',
		]);
	});

	it.each(labels)('%s: "%s" reads as a sentence', (_node, label) => {
		expect(label).toMatch(/^[A-Z][a-z]/);
		expect(label).not.toMatch(/\s{2}|\bXedit\b|\bundefined\b/);
		// startCase capitalises every word; a sentence keeps its words in lower case after the first
		// (names such as NetSuite, SuiteQL and ID excepted).
		const words = label.split(' ').slice(1);
		expect(words.filter((w) => /^[A-Z][a-z]+$/.test(w) && !['NetSuite', 'SuiteQL'].includes(w))).toEqual([]);
	});
});
