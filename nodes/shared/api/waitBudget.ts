// The time one item has spent waiting between retries, shared by every request the item
// makes (pages, job polls), so no item can wait longer than the policy's total.
import type { NetSuiteContext } from './transport';

interface Budget {
	waitedMs: number;
}

// Keyed by n8n's context object: the declarative engine gives each item its own, the
// programmatic nodes share one across items, hence the item index inside.
const budgets = new WeakMap<object, Map<number, Budget>>();

export function waitBudget(ctx: NetSuiteContext, itemIndex = -1): Budget {
	let perItem = budgets.get(ctx);
	if (!perItem) {
		perItem = new Map();
		budgets.set(ctx, perItem);
	}
	let budget = perItem.get(itemIndex);
	if (!budget) {
		budget = { waitedMs: 0 };
		perItem.set(itemIndex, budget);
	}
	return budget;
}
