// An idempotency key derived (not drawn) from what identifies a write, so the same write sent
// again (n8n's Retry On Fail, a re-run of the execution) carries the same key. Shaped as a UUID,
// as Oracle's examples use: version 8 (custom) and the RFC 4122 variant.
import { createHash } from 'node:crypto';

export function derivedKey(parts: unknown[]): string {
	const hex = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
