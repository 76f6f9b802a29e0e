/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node (tests, emulator, scripts), never inside n8n */
import { TokenCache } from '../../nodes/shared/auth/tokenCache';

/** A stand-in for NetSuite's token endpoint: numbered tokens, and early revocation of all issued so far. */
class FakeNetSuite {
	private issued = 0;
	private revokedBelow = 0;
	fetches = 0;
	readonly fetch = async () => {
		this.fetches++;
		await Promise.resolve();
		return { token: `t${++this.issued}`, expiresInS: 3600 };
	};
	revokeAll(): void {
		this.revokedBelow = this.issued + 1;
	}
	accepts(token: string): boolean {
		return Number(token.slice(1)) >= this.revokedBelow;
	}
}

describe('M2M token sharing', () => {
	it('parallel callers share one token request', async () => {
		const cache = new TokenCache();
		let fetches = 0;
		const fetch = async () => {
			fetches++;
			await new Promise((r) => setTimeout(r, 10));
			return { token: `t${fetches}`, expiresInS: 3600 };
		};
		const tokens = await Promise.all(Array.from({ length: 20 }, async () => await cache.token('k', undefined, fetch)));
		expect(new Set(tokens)).toEqual(new Set(['t1']));
		expect(fetches).toBe(1);
	});

	it('parallel callers refused with the same token share one replacement', async () => {
		const cache = new TokenCache();
		const netSuite = new FakeNetSuite();
		const first = await cache.token('k', undefined, netSuite.fetch);
		const replacements = await Promise.all(Array.from({ length: 20 }, async () => await cache.token('k', first, netSuite.fetch)));
		expect(new Set(replacements)).toEqual(new Set(['t2']));
		expect(netSuite.fetches).toBe(2);
	});

	it('fetches again once the token is within a minute of expiring, or when it comes back as refused', async () => {
		let clock = 0;
		const cache = new TokenCache(() => clock);
		const netSuite = new FakeNetSuite();
		expect(await cache.token('k', undefined, netSuite.fetch)).toBe('t1');
		clock = 3539_000;
		expect(await cache.token('k', undefined, netSuite.fetch)).toBe('t1');
		clock = 3541_000;
		expect(await cache.token('k', undefined, netSuite.fetch)).toBe('t2');
		expect(await cache.token('k', 't2', netSuite.fetch)).toBe('t3');
	});

	it('a failed fetch is not cached', async () => {
		const cache = new TokenCache();
		await expect(
			cache.token('k', undefined, async () => {
				throw new Error('refused');
			}),
		).rejects.toThrow('refused');
		expect(await cache.token('k', undefined, async () => ({ token: 'ok', expiresInS: 60 }))).toBe('ok');
	});

	it("two workers, early revocation: a worker never hands out its own cached token when another worker's token was refused", async () => {
		// The interleaving of issue 16: worker A holds tA, worker B later fetched tB and wrote it to
		// the database. NetSuite revokes both. A's next request uses the database's tB, gets 401,
		// and n8n calls A's preAuthentication with tB as the stale token.
		const netSuite = new FakeNetSuite();
		const workerA = new TokenCache();
		const workerB = new TokenCache();
		const tA = await workerA.token('k', undefined, netSuite.fetch);
		const tB = await workerB.token('k', undefined, netSuite.fetch);
		netSuite.revokeAll();
		expect(netSuite.accepts(tA)).toBe(false);
		const replacement = await workerA.token('k', tB, netSuite.fetch);
		expect(replacement).not.toBe(tA);
		expect(netSuite.accepts(replacement)).toBe(true);
	});

	it('a worker keeps its newer token when the refused one is an older token of its own', async () => {
		const netSuite = new FakeNetSuite();
		const cache = new TokenCache();
		const old = await cache.token('k', undefined, netSuite.fetch);
		const newer = await cache.token('k', old, netSuite.fetch);
		// Another item still carrying the old token is refused: the newer one serves it, no fetch.
		expect(await cache.token('k', old, netSuite.fetch)).toBe(newer);
		expect(netSuite.fetches).toBe(2);
	});

	describe('randomized model: workers, one database field, early revocations', () => {
		const seeds = [1, 7, 42, 1337, 2026, 99991];
		it.each(seeds)('seed %i: no item fails with a revoked token and fetches stay shared', async (seed) => {
			let state = seed;
			const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
			const netSuite = new FakeNetSuite();
			const workers = [new TokenCache(), new TokenCache(), new TokenCache()];
			let database: string | undefined;
			let failed = 0;
			let items = 0;
			// n8n's flow for one item: use the database token (preAuthentication first if empty);
			// on 401, preAuthentication with the refused token, write the result back, retry once.
			const runItem = async (worker: TokenCache) => {
				items++;
				if (!database) database = await worker.token('k', undefined, netSuite.fetch);
				let used = database;
				if (!netSuite.accepts(used)) {
					used = await worker.token('k', used, netSuite.fetch);
					database = used;
					if (!netSuite.accepts(used)) failed++;
				}
			};
			for (let step = 0; step < 400; step++) {
				const roll = random();
				if (roll < 0.08) netSuite.revokeAll();
				else {
					const worker = workers[Math.floor(random() * workers.length)];
					const batch = 1 + Math.floor(random() * 4);
					await Promise.all(Array.from({ length: batch }, async () => await runItem(worker)));
				}
			}
			if (failed !== 0) throw new Error(`seed ${seed}: ${failed} of ${items} items failed with a revoked token`);
			expect(netSuite.fetches).toBeLessThan(items / 2);
		});
	});
});
