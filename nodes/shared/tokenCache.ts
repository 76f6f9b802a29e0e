// n8n calls preAuthentication from every item that finds the token field empty, all at
// once; without sharing, a 100-item run would ask NetSuite for 100 tokens. Fetches for the
// same client share one request, and a fresh token is reused until it expires or NetSuite
// refuses it (then the caller passes it back as stale and a new one is fetched).
import { createHash } from 'node:crypto';

interface Entry {
	token?: string;
	expiresAt: number;
	pending?: Promise<string>;
}

const entries = new Map<string, Entry>();

/** Seconds before NetSuite's expiry at which a token is no longer handed out. */
const EXPIRY_MARGIN_S = 60;

export function tokenCacheKey(...parts: string[]): string {
	return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

export async function sharedToken(
	key: string,
	staleToken: string | undefined,
	fetchToken: () => Promise<{ token: string; expiresInS: number }>,
	now: () => number = Date.now,
): Promise<string> {
	const entry = entries.get(key);
	if (entry?.pending) return await entry.pending;
	if (entry?.token && entry.token !== staleToken && entry.expiresAt > now()) return entry.token;
	const pending = fetchToken().then(
		({ token, expiresInS }) => {
			entries.set(key, { token, expiresAt: now() + Math.max(0, expiresInS - EXPIRY_MARGIN_S) * 1000 });
			return token;
		},
		(error: unknown) => {
			entries.delete(key);
			throw error;
		},
	);
	entries.set(key, { expiresAt: 0, pending });
	return await pending;
}

/** For tests: forget every token. */
export function clearTokenCache(): void {
	entries.clear();
}
