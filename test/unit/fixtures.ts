/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- runs in Node (tests, emulator, scripts), never inside n8n */
// Oracle's published TBA example (NetSuite help, "The Signature for Web Services and RESTlets").
export const oracleVector = {
	consumerKey: 'ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4',
	consumerSecret: 'd26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9e8b5',
	tokenId: '2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc',
	tokenSecret: 'c29a677df7d5439a458c063654187e3d678d73aca8e3c9d8bea1478a3eb0d295',
	nonce: 'fjaLirsIcCGVZWzBX0pg',
	timestamp: 1508242306,
	realm: '123456',
};

/** Parses `OAuth a="b", c="d"` into its decoded parameters. */
export function parseOAuthHeader(header: string): Record<string, string> {
	expect(header.startsWith('OAuth ')).toBe(true);
	const params: Record<string, string> = {};
	for (const match of header.slice(6).matchAll(/([a-z_]+)="([^"]*)"/g)) {
		params[match[1]] = decodeURIComponent(match[2]);
	}
	return params;
}
