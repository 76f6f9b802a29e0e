// HTTP header names are case-insensitive, and n8n's helpers hand them over as the server sent
// them (2.40) or lower-cased (2.8), sometimes as an array: one lookup serves every reader.

/** The first value of a header, whatever the case of its name. */
export function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
	const wanted = name.toLowerCase();
	const value = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === wanted)?.[1];
	if (value === undefined || value === null) return undefined;
	return String(Array.isArray(value) ? value[0] : value);
}
