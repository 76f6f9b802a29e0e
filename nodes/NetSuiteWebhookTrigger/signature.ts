// The push signature, shared with suitescript/n8n-webhook.js: hex HMAC-SHA256 of
// "<unix seconds>.<raw body>" under the shared secret. The timestamp is inside the MAC so a
// captured request cannot be re-dated; the replay window bounds how long it stays valid and
// the replay memo (see ledger.ts) refuses a second delivery inside the window.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-suitetalk-timestamp';
export const SIGNATURE_HEADER = 'x-suitetalk-signature';
const SCHEME = 'sha256=';

export function sign(secret: string, timestamp: string, rawBody: Buffer | string): string {
	return SCHEME + createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

export type Refusal = 'unsigned' | 'malformed' | 'stale' | 'bad signature';

export interface SignedRequest {
	timestamp: unknown;
	signature: unknown;
	rawBody: Buffer;
}

/** Why a request is refused, or undefined when it is genuine and fresh. */
export function checkSignature(secret: string, request: SignedRequest, nowSeconds: number, windowSeconds: number): Refusal | undefined {
	const { timestamp, signature } = request;
	if (typeof timestamp !== 'string' || typeof signature !== 'string' || !timestamp || !signature) return 'unsigned';
	if (!/^\d{1,12}$/.test(timestamp) || !/^sha256=[0-9a-f]{64}$/i.test(signature)) return 'malformed';
	// Checked before the MAC, but a stale request is refused either way, so this reveals nothing.
	if (Math.abs(nowSeconds - Number(timestamp)) > windowSeconds) return 'stale';
	const expected = Buffer.from(sign(secret, timestamp, request.rawBody), 'latin1');
	const given = Buffer.from(signature.toLowerCase(), 'latin1');
	// Same length by the format check above; timingSafeEqual would throw otherwise.
	return expected.length === given.length && timingSafeEqual(expected, given) ? undefined : 'bad signature';
}
