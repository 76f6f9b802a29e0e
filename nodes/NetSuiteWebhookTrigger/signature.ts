// The push signature, shared with suitescript/n8n_webhook_ue.js: `v2=` + hex HMAC-SHA256 of
// "<unix seconds>\n<destination>\n<raw body>" under the shared secret, where the destination is
// the trigger's own webhook path (see webhookPath.ts). The timestamp is inside the MAC so a
// captured request cannot be re-dated; the destination is inside it so a post signed for one
// trigger does not start another that shares the secret; the replay window bounds how long a
// post stays valid and the replay memo (see ledger.ts) refuses a second delivery inside it.
// Neither the timestamp (digits) nor the destination (a URL path) can hold a newline, so the
// three parts cannot be shifted into one another.
//
// The first script signed "<unix seconds>.<raw body>" as `sha256=<hex>`, binding no destination:
// such a post is refused with its own reason, so the user knows to update the script.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-suitetalk-timestamp';
export const SIGNATURE_HEADER = 'x-suitetalk-signature';
const SCHEME = 'v2=';
const OLD_SCHEME = 'sha256=';

export function sign(secret: string, timestamp: string, destination: string, rawBody: Buffer | string): string {
	return SCHEME + createHmac('sha256', secret).update(`${timestamp}\n${destination}\n`).update(rawBody).digest('hex');
}

export type Refusal = 'unsigned' | 'old format' | 'malformed' | 'stale' | 'bad signature';

export interface SignedRequest {
	timestamp: unknown;
	signature: unknown;
	rawBody: Buffer;
}

/**
 * Why a request is refused, or undefined when it is genuine, fresh and meant for `destination`
 * (the receiving trigger's own webhook path).
 */
export function checkSignature(
	secret: string,
	destination: string,
	request: SignedRequest,
	nowSeconds: number,
	windowSeconds: number,
): Refusal | undefined {
	const { timestamp, signature } = request;
	if (typeof timestamp !== 'string' || typeof signature !== 'string' || !timestamp || !signature) return 'unsigned';
	if (signature.toLowerCase().startsWith(OLD_SCHEME)) return 'old format';
	if (!/^\d{1,12}$/.test(timestamp) || !/^v2=[0-9a-f]{64}$/i.test(signature)) return 'malformed';
	// Checked before the MAC, but a stale request is refused either way, so this reveals nothing.
	if (Math.abs(nowSeconds - Number(timestamp)) > windowSeconds) return 'stale';
	const expected = Buffer.from(sign(secret, timestamp, destination, request.rawBody), 'latin1');
	const given = Buffer.from(signature.toLowerCase(), 'latin1');
	// Same length by the format check above; timingSafeEqual would throw otherwise.
	return expected.length === given.length && timingSafeEqual(expected, given) ? undefined : 'bad signature';
}

/** What the post's sender is told for each refusal (never anything about the secret). */
export const REFUSAL_MESSAGES: Record<Refusal, string> = {
	unsigned: 'Signature refused: unsigned',
	'old format':
		'Signature refused: signed by an older n8n_webhook_ue.js that does not sign its destination. Upload the SuiteScript shipped with this version of n8n-nodes-suitetalk to the File Cabinet (README, "Instant trigger")',
	malformed: 'Signature refused: malformed',
	stale: 'Signature refused: stale',
	'bad signature': 'Signature refused: bad signature (another secret, or a post signed for another webhook URL)',
};
