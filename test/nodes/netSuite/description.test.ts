// The node's description is derived from the resource declarations (resources.ts), with fields
// shared by several operations merged into one property. The editor must still show each
// operation exactly its own fields, in the order the operation declares them.
import type { INodeProperties } from 'n8n-workflow';

import { NetSuite } from '../../../nodes/NetSuite/NetSuite.node';
import { OPERATIONS, RESOURCES } from '../../../nodes/NetSuite/resources';

const properties = new NetSuite().description.properties;

function shownFor(resource: string, operation: string, tool = false): INodeProperties[] {
	return properties.filter((p) => {
		const show = p.displayOptions?.show as Record<string, unknown[]> | undefined;
		if (!show?.resource?.includes(resource) || !show.operation?.includes(operation)) return false;
		return tool || !show['@tool'];
	});
}

describe('the NetSuite node description', () => {
	it.each(OPERATIONS.map(({ resource, operation }) => [resource.value, operation.value, operation] as const))(
		'%s > %s shows its own fields, in its order',
		(resource, name, operation) => {
			const shown = shownFor(resource, name).map((p) => ({ name: p.name, type: p.type, displayName: p.displayName }));
			expect(shown).toEqual(operation.fields.map((p) => ({ name: p.name, type: p.type, displayName: p.displayName })));
		},
	);

	it('merges fields that operations share, so n8n reads fewer properties per item', () => {
		const declared = OPERATIONS.reduce((n, { operation }) => n + operation.fields.length, 0);
		const fields = properties.filter((p) => !['authentication', 'resource', 'operation', 'toolDescription'].includes(p.name));
		expect(fields.length).toBeLessThan(declared * 0.5);
	});

	it('offers every declared resource once, and each its operations', () => {
		const resource = properties.find((p) => p.name === 'resource')!;
		expect(resource.options!.map((o) => (o as { value: string }).value)).toEqual(RESOURCES.map((r) => r.value));
		for (const r of RESOURCES) {
			const menu = properties.find((p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[])?.includes(r.value))!;
			expect(menu.options!.map((o) => (o as { value: string }).value)).toEqual(r.operations.map((make) => make(r).value));
			expect(menu.default).toBe(r.defaultOperation);
		}
	});

	it('gives every operation a tool description that only the tool variant shows', () => {
		for (const { resource, operation } of OPERATIONS) {
			const tool = shownFor(resource.value, operation.value, true).filter((p) => p.name === 'toolDescription');
			expect(tool).toHaveLength(1);
			expect(tool[0].displayOptions?.show?.['@tool']).toEqual([true]);
		}
	});
});
