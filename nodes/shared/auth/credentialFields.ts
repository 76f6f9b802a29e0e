// Credential input checks that run before any request, so a typo never becomes a 401 puzzle.
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * Bad credential input, found before any request. Matched by name, not instanceof: credential
 * and node files are bundled separately, so each has its own copy of this class.
 */
export class CredentialInputError extends Error {
	override name = 'NetSuiteCredentialInputError';

	/** The HTTP status when NetSuite refused what the credential sent (a token request), else undefined. */
	constructor(
		message: string,
		readonly httpStatus?: number,
	) {
		super(message);
	}
}

export function findCredentialInputError(error: unknown): Error | undefined {
	const seen = new Set<unknown>();
	for (let e = error; e instanceof Error && !seen.has(e); e = (e as Error & { cause?: unknown }).cause) {
		seen.add(e);
		if (e.name === 'NetSuiteCredentialInputError') return e;
	}
	return undefined;
}

/** A non-empty string field; the error names the field as the user sees it, never its value. */
export function requireField(credentials: ICredentialDataDecryptedObject, name: string, label: string): string {
	const value = credentials[name];
	if (typeof value !== 'string' || value.trim() === '') {
		throw new CredentialInputError(`${label} is empty: fill it in the NetSuite credential`);
	}
	return value.trim();
}
