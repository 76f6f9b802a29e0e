// M2M tokens shared within one process. n8n calls preAuthentication from every item that
// finds the token field empty, and again (with the refused token) after a 401; without
// sharing, a 100-item run would ask NetSuite for 100 tokens.
//
// Trust rule: after a 401 the caller hands back the token NetSuite refused ("stale"). When
// NetSuite revokes tokens early it revokes every token issued before some moment, so a cached
// token is only trusted if it is known to be newer than the refused one: the refused one is an
// older token of this process, or the cached one was fetched because that very token was
// refused. A refused token from another worker (n8n keeps one token per credential in the
// database, and every worker writes it) is not known here: then a new token is fetched,
// because this worker's own token may be older and revoked as well.
import { createHash } from 'node:crypto';

interface Issued {
	token: string;
	/** Order of issue within this process. */
	seq: number;
	expiresAt: number;
	/** The refused token this one was fetched to replace, if any. */
	replacing?: string;
}

interface Entry {
	current?: Issued;
	pending?: { replacing?: string; promise: Promise<Issued> };
	/** Tokens this process fetched, by hash, with their order of issue (bounded). */
	known: Map<string, number>;
}

/** Seconds before NetSuite's expiry at which a token is no longer handed out. */
const EXPIRY_MARGIN_S = 60;
const KNOWN_LIMIT = 32;

const fingerprint = (token: string) => createHash('sha256').update(token).digest('base64url');

export type FetchToken = () => Promise<{ token: string; expiresInS: number }>;

export class TokenCache {
	private readonly entries = new Map<string, Entry>();
	private seq = 0;

	constructor(private readonly now: () => number = Date.now) {}

	private entry(key: string): Entry {
		let entry = this.entries.get(key);
		if (!entry) {
			entry = { known: new Map() };
			this.entries.set(key, entry);
		}
		return entry;
	}

	/** Whether `candidate` may be handed out to a caller whose `stale` token NetSuite refused. */
	private trusted(entry: Entry, candidate: Issued, stale: string | undefined): boolean {
		if (candidate.expiresAt <= this.now()) return false;
		if (stale === undefined) return true;
		if (candidate.token === stale) return false;
		if (candidate.replacing === stale) return true;
		const staleSeq = entry.known.get(fingerprint(stale));
		return staleSeq !== undefined && staleSeq < candidate.seq;
	}

	async token(key: string, stale: string | undefined, fetchToken: FetchToken): Promise<string> {
		const entry = this.entry(key);
		// One fetch per process: callers replacing the same refused token (or none) share it.
		if (entry.pending && (stale === undefined || entry.pending.replacing === stale)) {
			const issued = await entry.pending.promise;
			if (issued.token !== stale) return issued.token;
		}
		if (entry.current && this.trusted(entry, entry.current, stale)) return entry.current.token;
		const promise = fetchToken().then(({ token, expiresInS }) => {
			const issued: Issued = {
				token,
				seq: ++this.seq,
				expiresAt: this.now() + Math.max(0, expiresInS - EXPIRY_MARGIN_S) * 1000,
				replacing: stale,
			};
			entry.known.set(fingerprint(token), issued.seq);
			if (entry.known.size > KNOWN_LIMIT) entry.known.delete(entry.known.keys().next().value as string);
			if (!entry.current || entry.current.seq < issued.seq) entry.current = issued;
			return issued;
		});
		const pending = { replacing: stale, promise };
		entry.pending = pending;
		try {
			return (await promise).token;
		} finally {
			if (entry.pending === pending) entry.pending = undefined;
		}
	}

	clear(): void {
		this.entries.clear();
	}
}

export function tokenCacheKey(...parts: string[]): string {
	return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** The process's cache: every credential instance in this worker shares it. */
const processCache = new TokenCache();

export async function sharedToken(key: string, staleToken: string | undefined, fetchToken: FetchToken): Promise<string> {
	return await processCache.token(key, staleToken, fetchToken);
}

/** For tests: forget every token. */
export function clearTokenCache(): void {
	processCache.clear();
}
