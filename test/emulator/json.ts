// Request bodies as JSON, parsed with a nesting bound: JSON.parse itself copes with deep input,
// but answering it (JSON.stringify of the echo) overflows the stack and the connection dropped.
// NetSuite answers unparsable content with a 400; so does the emulator, before parsing.
export const MAX_JSON_DEPTH = 500;

export type ParsedJson = { value: unknown } | { error: 'syntax' | 'depth' };

/** Deepest nesting of arrays and objects in `text`, counting brackets outside strings. */
function depthOf(text: string): number {
	let depth = 0;
	let deepest = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c)
				i++; // backslash: skip the escaped character
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
		else if (c === 0x7d || c === 0x5d) depth--;
	}
	return deepest;
}

export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): ParsedJson {
	if (depthOf(text) > maxDepth) return { error: 'depth' };
	try {
		return { value: JSON.parse(text) as unknown };
	} catch {
		return { error: 'syntax' };
	}
}
