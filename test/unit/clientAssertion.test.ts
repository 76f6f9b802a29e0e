import { decodeProtectedHeader, jwtVerify } from 'jose';
import { createPrivateKey } from 'node:crypto';

import { signClientAssertion } from '../../nodes/shared/auth/clientAssertion';
import { testKeyPair } from './keys';

const tokenUrl = 'https://1234567.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token';
const base = { consumerKey: 'client-id-1', certificateId: 'cert-kid-9', tokenUrl };

describe('M2M client assertion', () => {
	it.each([
		['PS256', 'rsa'],
		['PS512', 'rsa'],
		['ES256', 'ec-p256'],
		['ES384', 'ec-p384'],
		['ES512', 'ec-p521'],
	] as const)('a %s JWT verifies with the matching public key and carries kid, iss, aud, scope, iat, exp', async (algorithm, kind) => {
		const keys = testKeyPair(kind);
		const jwt = await signClientAssertion({ ...base, algorithm, privateKeyPem: keys.privateKeyPem, now: Math.floor(Date.now() / 1000) });
		const { payload, protectedHeader } = await jwtVerify(jwt, keys.publicKey, {
			issuer: 'client-id-1',
			audience: tokenUrl,
			algorithms: [algorithm],
		});
		expect(protectedHeader).toEqual({ alg: algorithm, typ: 'JWT', kid: 'cert-kid-9' });
		expect(payload.scope).toEqual(['rest_webservices', 'restlets']);
		expect(payload.exp! - payload.iat!).toBeGreaterThan(0);
		expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(3600);
	});

	it('does not verify with another key', async () => {
		const jwt = await signClientAssertion({ ...base, algorithm: 'PS256', privateKeyPem: testKeyPair('rsa').privateKeyPem });
		await expect(jwtVerify(jwt, testKeyPair('ec-p256').publicKey)).rejects.toThrow();
	});

	it('accepts a PKCS#1 RSA key as exported by openssl', async () => {
		const pkcs1 = createPrivateKey(testKeyPair('rsa').privateKeyPem).export({ type: 'pkcs1', format: 'pem' }).toString();
		const jwt = await signClientAssertion({ ...base, algorithm: 'PS256', privateKeyPem: pkcs1 });
		expect(decodeProtectedHeader(jwt).alg).toBe('PS256');
	});

	it('refuses text that is not a PEM private key, naming the field and not echoing it', async () => {
		const secretish = 'my-very-secret-not-a-key';
		const attempt = signClientAssertion({ ...base, algorithm: 'PS256', privateKeyPem: secretish });
		await expect(attempt).rejects.toThrow('Private Key is not a PEM private key');
		await expect(attempt).rejects.not.toThrow(secretish);
	});

	it('refuses a damaged PEM', async () => {
		await expect(
			signClientAssertion({ ...base, algorithm: 'PS256', privateKeyPem: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' }),
		).rejects.toThrow('Private Key could not be read');
	});

	it('refuses an EC key for a PS algorithm and an RSA key or the wrong curve for ES', async () => {
		await expect(signClientAssertion({ ...base, algorithm: 'PS256', privateKeyPem: testKeyPair('ec-p256').privateKeyPem })).rejects.toThrow(
			'Algorithm PS256 needs an RSA key',
		);
		await expect(signClientAssertion({ ...base, algorithm: 'ES256', privateKeyPem: testKeyPair('rsa').privateKeyPem })).rejects.toThrow(
			/not an EC key on the curve Algorithm ES256 needs/,
		);
		await expect(signClientAssertion({ ...base, algorithm: 'ES384', privateKeyPem: testKeyPair('ec-p256').privateKeyPem })).rejects.toThrow(
			/ES384/,
		);
	});

	it('refuses RS256, which NetSuite does not accept', async () => {
		await expect(signClientAssertion({ ...base, algorithm: 'RS256', privateKeyPem: testKeyPair('rsa').privateKeyPem })).rejects.toThrow(
			'Algorithm RS256 is not accepted by NetSuite',
		);
	});
});
