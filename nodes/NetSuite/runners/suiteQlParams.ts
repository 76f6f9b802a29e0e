// SuiteQL inputs shared by the operations that run queries.

/** The Parameters list (fixedCollection) as NetSuite's `params` array, in order. */
export function parseSuiteQlParams(raw: unknown): string[] {
	const list = (raw as { values?: Array<{ value?: unknown }> } | undefined)?.values ?? [];
	return list.map(({ value }) => (value === undefined || value === null ? '' : String(value)));
}
