// OAuth 2.0 client credentials (M2M): the JWT NetSuite trades for an access token.
// NetSuite accepts PS256/384/512 and ES256/384/512 only (not RS256, which n8n's own
// OAuth2 "certificate" mode uses), with `kid` = the certificate id from the mapping.
import { createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';

import { CredentialInputError } from './credentialFields';

export const JWT_ALGORITHMS = ['PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

const EC_CURVE: Record<string, string> = { ES256: 'prime256v1', ES384: 'secp384r1', ES512: 'secp521r1' };

/** Seconds the assertion is valid; NetSuite refuses exp later than iat + 3600. */
const ASSERTION_LIFETIME_S = 600;

export interface ClientAssertionInput {
	consumerKey: string;
	certificateId: string;
	privateKeyPem: string;
	algorithm: string;
	tokenUrl: string;
	scopes?: string[];
	/** Seconds since epoch; tests pin it. */
	now?: number;
}

/** The key, or undefined when the text is not a readable private key (the reason would quote it). */
function readPem(pem: string): KeyObject | undefined {
	try {
		// A key pasted through a JSON or env round-trip often arrives with literal \n.
		return createPrivateKey({ key: pem.replace(/\\n/g, '\n'), format: 'pem' });
	} catch {
		return undefined;
	}
}

function loadPrivateKey(pem: string, algorithm: JwtAlgorithm): KeyObject {
	if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
		throw new CredentialInputError(
			'Private Key is not a PEM private key: paste the whole file, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----',
		);
	}
	const key = readPem(pem);
	if (!key)
		throw new CredentialInputError(
			'Private Key could not be read: it must be an unencrypted PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC)',
		);
	const type = key.asymmetricKeyType;
	if (algorithm.startsWith('PS') && type !== 'rsa' && type !== 'rsa-pss') {
		throw new CredentialInputError(`Private Key is a ${type ?? 'non-RSA'} key but Algorithm ${algorithm} needs an RSA key`);
	}
	if (algorithm.startsWith('ES')) {
		const curve = key.asymmetricKeyDetails?.namedCurve;
		if (type !== 'ec' || curve !== EC_CURVE[algorithm]) {
			throw new CredentialInputError(`Private Key is not an EC key on the curve Algorithm ${algorithm} needs (${EC_CURVE[algorithm]})`);
		}
	}
	return key;
}

export function parseAlgorithm(value: unknown): JwtAlgorithm {
	const algorithm = typeof value === 'string' && value ? value : 'PS256';
	if (!(JWT_ALGORITHMS as readonly string[]).includes(algorithm)) {
		throw new CredentialInputError(`Algorithm ${algorithm} is not accepted by NetSuite: use one of ${JWT_ALGORITHMS.join(', ')}`);
	}
	return algorithm as JwtAlgorithm;
}

export async function signClientAssertion(input: ClientAssertionInput): Promise<string> {
	const algorithm = parseAlgorithm(input.algorithm);
	const keyObject = loadPrivateKey(input.privateKeyPem, algorithm);
	const pkcs8 = keyObject.export({ type: 'pkcs8', format: 'pem' }).toString();
	const key = await importPKCS8(pkcs8, algorithm);
	const iat = input.now ?? Math.floor(Date.now() / 1000);
	return await new SignJWT({ scope: input.scopes ?? ['rest_webservices', 'restlets'] })
		.setProtectedHeader({ alg: algorithm, typ: 'JWT', kid: input.certificateId })
		.setIssuer(input.consumerKey)
		.setAudience(input.tokenUrl)
		.setIssuedAt(iat)
		.setExpirationTime(iat + ASSERTION_LIFETIME_S)
		.setJti(randomUUID())
		.sign(key);
}
