import { clearTokenCache, sharedToken } from '../../nodes/shared/tokenCache';

describe('M2M token sharing', () => {
	afterEach(() => clearTokenCache());

	it('parallel callers share one token request', async () => {
		let fetches = 0;
		const fetch = async () => {
			fetches++;
			await new Promise((r) => setTimeout(r, 10));
			return { token: `t${fetches}`, expiresInS: 3600 };
		};
		const tokens = await Promise.all(Array.from({ length: 20 }, async () => await sharedToken('k', undefined, fetch)));
		expect(new Set(tokens)).toEqual(new Set(['t1']));
		expect(fetches).toBe(1);
	});

	it('fetches again once the token is within a minute of expiring, or when it comes back as refused', async () => {
		let clock = 0;
		let fetches = 0;
		const fetch = async () => ({ token: `t${++fetches}`, expiresInS: 3600 });
		expect(await sharedToken('k', undefined, fetch, () => clock)).toBe('t1');
		clock = 3539_000;
		expect(await sharedToken('k', undefined, fetch, () => clock)).toBe('t1');
		clock = 3541_000;
		expect(await sharedToken('k', undefined, fetch, () => clock)).toBe('t2');
		expect(await sharedToken('k', 't2', fetch, () => clock)).toBe('t3');
	});

	it('a failed fetch is not cached', async () => {
		await expect(sharedToken('k', undefined, async () => { throw new Error('refused'); })).rejects.toThrow('refused');
		expect(await sharedToken('k', undefined, async () => ({ token: 'ok', expiresInS: 60 }))).toBe('ok');
	});
});
