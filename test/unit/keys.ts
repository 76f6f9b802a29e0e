// Throwaway key pairs generated per test run; never used anywhere else.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface TestKeyPair {
	privateKeyPem: string;
	publicKey: KeyObject;
}

const cache = new Map<string, TestKeyPair>();

export function testKeyPair(kind: 'rsa' | 'ec-p256' | 'ec-p384' | 'ec-p521'): TestKeyPair {
	const cached = cache.get(kind);
	if (cached) return cached;
	const { privateKey, publicKey } =
		kind === 'rsa'
			? generateKeyPairSync('rsa', { modulusLength: 2048 })
			: generateKeyPairSync('ec', { namedCurve: { 'ec-p256': 'prime256v1', 'ec-p384': 'secp384r1', 'ec-p521': 'secp521r1' }[kind] });
	const pair = { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey };
	cache.set(kind, pair);
	return pair;
}
