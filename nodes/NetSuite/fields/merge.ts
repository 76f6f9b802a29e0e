// One property where several operations show the same field. n8n's routing engine reads every
// property of the node for every item (RoutingNode.runNode: getParameterValue and
// getRequestOptionsFromParameters per property), so a field repeated per operation costs CPU
// on every item of every run. Merging is only done where it cannot widen what is shown: first
// across the operations of one resource, then across resources whose operation lists are equal.
// The editor shows a node's properties in array order, so the merged list is ordered to keep
// every operation's own field order (its identifiers first, its Options last).
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

type Show = NonNullable<IDisplayOptions['show']>;
type Dimension = 'resource' | 'operation';

/** A field as one operation declares it (operation: "<resource>.<operation>"). */
interface Declared {
	property: INodeProperties;
	operation: string;
}

function keyWithout(property: INodeProperties, dimension: Dimension): string {
	const show: Show = { ...(property.displayOptions?.show as Show) };
	delete show[dimension];
	const rest = { ...property, displayOptions: { ...property.displayOptions, show } };
	return JSON.stringify(rest, (_key, value: unknown) => (typeof value === 'function' ? `fn:${value.name}:${value.toString()}` : value));
}

/** Groups fields equal but for one dimension; returns each declared field's group. */
function mergeOn(groups: INodeProperties[], dimension: Dimension): { merged: INodeProperties[]; groupOf: number[] } {
	const byKey = new Map<string, number>();
	const merged: INodeProperties[] = [];
	const groupOf = groups.map((property) => {
		const show = property.displayOptions?.show as Show | undefined;
		const key = keyWithout(property, dimension);
		const found = show?.[dimension] ? byKey.get(key) : undefined;
		if (found === undefined) {
			byKey.set(key, merged.length);
			merged.push(property);
			return merged.length - 1;
		}
		const firstShow = merged[found].displayOptions!.show as Show;
		const values = [...new Set([...(firstShow[dimension] ?? []), ...(show![dimension] ?? [])])];
		merged[found] = { ...merged[found], displayOptions: { ...merged[found].displayOptions, show: { ...firstShow, [dimension]: values } } };
		return found;
	});
	return { merged, groupOf };
}

/**
 * Orders the merged fields so that each operation's fields keep their declared order: a
 * topological sort of the per-operation chains, earliest declared first among the ready ones.
 */
function inDeclaredOrder(merged: INodeProperties[], chains: number[][]): INodeProperties[] {
	const after = merged.map(() => new Set<number>());
	const waitingOn = merged.map(() => 0);
	for (const chain of chains) {
		for (let i = 1; i < chain.length; i++) {
			if (chain[i - 1] !== chain[i] && !after[chain[i - 1]].has(chain[i])) {
				after[chain[i - 1]].add(chain[i]);
				waitingOn[chain[i]]++;
			}
		}
	}
	const order: number[] = [];
	const ready = merged.map((_, i) => i).filter((i) => waitingOn[i] === 0);
	while (ready.length) {
		ready.sort((a, b) => a - b);
		const next = ready.shift()!;
		order.push(next);
		for (const successor of after[next]) if (--waitingOn[successor] === 0) ready.push(successor);
	}
	// Two operations disagreeing on an order would leave a cycle: keep the declared order then.
	return order.length === merged.length ? order.map((i) => merged[i]) : merged;
}

export function mergeSharedFields(declared: Declared[]): INodeProperties[] {
	const byOperation = mergeOn(
		declared.map((d) => d.property),
		'operation',
	);
	const byResource = mergeOn(byOperation.merged, 'resource');
	const groupOf = byOperation.groupOf.map((g) => byResource.groupOf[g]);
	const chains = new Map<string, number[]>();
	declared.forEach((d, i) => chains.set(d.operation, [...(chains.get(d.operation) ?? []), groupOf[i]]));
	return inDeclaredOrder(byResource.merged, [...chains.values()]);
}
