// An OAuth2 refresh that NetSuite refuses (invalid_grant: the refresh token was revoked or
// its 7 days are over) cannot be fixed by trying again, only by reconnecting the credential.
// n8n 2.40 reports it as a NodeOperationError ("needs to be reconnected", failure cause
// credential-invalid); n8n 2.8 wraps client-oauth2's AuthError (code EAUTH, body.error
// invalid_grant) in a NodeApiError that keeps only its message, client-oauth2's text for
// invalid_grant. All become one message that says what to do.
import { NodeOperationError, type INode } from 'n8n-workflow';

type UnknownRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is UnknownRecord => typeof v === 'object' && v !== null;

const RECONNECT =
	'NetSuite refused to refresh the OAuth2 access token (invalid_grant): the refresh token was revoked or has expired (NetSuite refresh tokens last 7 days). Open the NetSuite OAuth2 credential and click Reconnect, or use the Client Credentials (M2M) credential for unattended workflows.';

function isRefreshRefusal(error: unknown): boolean {
	const seen = new Set<unknown>();
	for (let e: unknown = error; isRecord(e) && !seen.has(e); e = e.cause) {
		seen.add(e);
		if (isRecord(e.failure) && e.failure.cause === 'credential-invalid') return true;
		if (typeof e.message === 'string' && /needs to be reconnected/.test(e.message)) return true;
		if (e.code === 'EAUTH' && isRecord(e.body) && e.body.error === 'invalid_grant') return true;
		if (typeof e.message === 'string' && /refresh token is\s+invalid, expired, revoked/.test(e.message)) return true;
	}
	return false;
}

export function authFailure(node: INode, error: unknown, itemIndex?: number): NodeOperationError | undefined {
	if (!isRefreshRefusal(error)) return undefined;
	return new NodeOperationError(node, RECONNECT, { itemIndex, description: 'Retrying cannot help: only a new authorization can.' });
}
