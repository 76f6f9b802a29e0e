// The node panel's action labels, built as n8n's editor builds them (editor-ui
// useActionsGeneration: triggersCategory, operationsCategory, resourceCategories): an option's
// `action` when it has one, else lodash startCase of its name, which drops punctuation.
import startCase from 'lodash/startCase';
import type { INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

const optionsOf = (list: unknown): INodePropertyOptions[] =>
	((list as INodePropertyOptions[] | undefined) ?? []).filter((o) => !['*', '', ' '].includes(o.name));

export function actionLabels(node: INodeTypeDescription): string[] {
	const labels: string[] = [];
	const events = node.properties.find((p) => ['event', 'events', 'trigger on'].includes(p.displayName?.toLowerCase()));
	if (node.displayName.toLowerCase().includes('trigger')) {
		if (events?.options) labels.push(...optionsOf(events.options).map((o) => o.action ?? `On ${startCase(o.name)}`));
		else labels.push(`On new ${node.displayName.replace('Trigger', '').trimEnd()} event`);
	}
	const resource = node.properties.find((p) => p.displayName?.toLowerCase() === 'resource');
	if (!resource) {
		const operation = node.properties.find((p) => p.name?.toLowerCase() === 'operation');
		labels.push(...optionsOf(operation?.options).map((o) => o.action ?? startCase(o.name)));
		return labels;
	}
	for (const r of optionsOf(resource.options)) {
		const operations = node.properties.find(
			(p) => p.name === 'operation' && ((p.displayOptions?.show?.resource as unknown[]) ?? []).includes(r.value),
		);
		labels.push(...optionsOf(operations?.options).map((o) => o.action ?? `${r.name} ${startCase(o.name)}`));
	}
	return labels;
}
