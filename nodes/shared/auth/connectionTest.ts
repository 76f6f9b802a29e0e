// The credential dialog's test for Token-Based Auth and Client Credentials (M2M). n8n runs a
// node's `methods.credentialTest` function named by `testedBy` only when the credential type
// declares no `test` request (n8n-cli's CredentialsTester.getCredentialTestFunction); a request
// test could only answer "Unauthorized" or "ENOTFOUND". This one sends the same SuiteQL
// `SELECT 1` and says what went wrong: the host that could not be reached, the field NetSuite
// or the key's shape points at, a sandbox id typed without _SB1, a role without the permission.
// Messages are built from field names, lengths, the host and NetSuite's answer, never a value.
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { clientCredentialsInput, requestClientCredentialsToken, unreachableText } from './accessToken';
import { parseAccountId, SUITEQL_PATH } from './account';
import { signClientAssertion } from './clientAssertion';
import { findCredentialInputError } from './credentialFields';
import { withTargetUrl } from './requestTarget';
import { tbaAuthorizationHeader, tbaKeysOf } from './tbaSigner';
import { httpFailure, netSuiteErrorMessage, type HttpFailure } from '../api/netSuiteError';

/** The name nodes give the test in `testedBy` and `methods.credentialTest`. */
export const CONNECTION_TEST = 'netSuiteConnection';

type Attempt = { ok: true } | { ok: false; message: string; loginRefused: boolean };

/** NetSuite issues every TBA key and secret as 64 hexadecimal characters (Oracle's TBA examples). */
const TBA_KEY_SHAPE = /^[0-9a-f]{64}$/i;
const TBA_FIELDS: ReadonlyArray<readonly [string, string]> = [
	['consumerKey', 'Consumer Key'],
	['consumerSecret', 'Consumer Secret'],
	['tokenId', 'Token ID'],
	['tokenSecret', 'Token Secret'],
];

const ROLE_PERMISSION =
	"give the credential's role the REST Web Services and SuiteAnalytics Workbook permissions (Setup > Users/Roles > Manage Roles)";
const UNEXPECTED = 'The connection test failed unexpectedly; run a NetSuite node with this credential to see the full error';
const AUDIT_TRAIL = 'Setup > Users/Roles > User Management > View Login Audit Trail, column Detail';

/** n8n's legacy request helper (all a credential test gets) in the shape the token request uses. */
function httpHelper(ctx: ICredentialTestFunctions): IHttpRequestHelper {
	const httpRequest = async (options: IHttpRequestOptions) =>
		await ctx.helpers.request({ method: options.method, uri: options.url, headers: options.headers, body: options.body, json: true });
	return { helpers: { httpRequest } } as unknown as IHttpRequestHelper;
}

async function authorization(ctx: ICredentialTestFunctions, type: string, data: ICredentialDataDecryptedObject) {
	if (type === 'netSuiteTbaApi') {
		const keys = tbaKeysOf(data);
		return (url: string) => tbaAuthorizationHeader(keys, { method: 'POST', url });
	}
	const input = clientCredentialsInput(data);
	const { token } = await requestClientCredentialsToken(httpHelper(ctx), input.tokenUrl, await signClientAssertion(input));
	return `Bearer ${token}`;
}

/** Fields whose shape is not NetSuite's, as "Token Secret (63 characters)": a paste gone wrong. */
function misshapenTbaFields(data: ICredentialDataDecryptedObject): string[] {
	return TBA_FIELDS.filter(([name]) => !TBA_KEY_SHAPE.test(String(data[name] ?? '').trim())).map(
		([name, label]) => `${label} (${String(data[name] ?? '').trim().length} characters)`,
	);
}

function refusedText(type: string, data: ICredentialDataDecryptedObject, realm: string, failure: HttpFailure): string {
	const answer = netSuiteErrorMessage(failure);
	if (type !== 'netSuiteTbaApi') {
		return `NetSuite issued an access token but refused it for account ${realm} (${answer}): check the role's REST Web Services permission and the Login Audit Trail (${AUDIT_TRAIL})`;
	}
	const misshapen = misshapenTbaFields(data);
	if (misshapen.length) {
		return `NetSuite refused the login for account ${realm}, and ${misshapen.join(', ')} ${misshapen.length > 1 ? 'do' : 'does'} not look like what NetSuite issues (64 hexadecimal characters): paste ${misshapen.length > 1 ? 'them' : 'it'} again`;
	}
	return `NetSuite refused the login for account ${realm} (INVALID_LOGIN) and does not say which part is wrong. Consumer Key and Consumer Secret must be the integration record's, Token ID and Token Secret the access token's, made for that integration, this account and a role with REST Web Services; the Login Audit Trail names the reason (${AUDIT_TRAIL})`;
}

async function attempt(ctx: ICredentialTestFunctions, type: string, data: ICredentialDataDecryptedObject): Promise<Attempt> {
	const { realm } = parseAccountId(data.accountId);
	let auth: string | ((url: string) => string);
	try {
		auth = await authorization(ctx, type, data);
	} catch (error) {
		const input = findCredentialInputError(error) as (Error & { httpStatus?: number }) | undefined;
		if (!input) return { ok: false, message: UNEXPECTED, loginRefused: false };
		const status = input.httpStatus;
		return { ok: false, message: input.message, loginRefused: status !== undefined && status >= 400 && status < 500 };
	}
	const request = withTargetUrl(
		data,
		{
			method: 'POST',
			url: SUITEQL_PATH,
			qs: { limit: 1 },
			headers: { Prefer: 'transient', 'Content-Type': 'application/json', Accept: 'application/json' },
		},
		auth,
	);
	try {
		await ctx.helpers.request({
			method: 'POST',
			uri: request.url,
			headers: request.headers,
			body: { q: 'SELECT 1 AS ok FROM DUAL' },
			json: true,
		});
		return { ok: true };
	} catch (error) {
		const failure = httpFailure(error);
		if (failure.status === undefined) {
			const host = new URL(request.url).host;
			return {
				ok: false,
				message: `${unreachableText(host, failure.code)}: check the Account ID (it names the host) and that n8n may reach *.netsuite.com`,
				loginRefused: false,
			};
		}
		if (failure.status === 401) return { ok: false, message: refusedText(type, data, realm, failure), loginRefused: true };
		if (failure.status === 403) {
			return {
				ok: false,
				message: `NetSuite accepted the login, but the role may not run the test query (HTTP 403: ${netSuiteErrorMessage(failure)}): ${ROLE_PERMISSION}`,
				loginRefused: false,
			};
		}
		return {
			ok: false,
			message: `NetSuite answered the test query with HTTP ${failure.status}: ${netSuiteErrorMessage(failure)}`,
			loginRefused: false,
		};
	}
}

async function testConnection(
	ctx: ICredentialTestFunctions,
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const typed = String(data.accountId ?? '').trim();
	const { realm } = parseAccountId(data.accountId);
	const first = await attempt(ctx, type, data);
	if (first.ok) {
		const read = typed === realm ? '' : ` (Account ID "${typed}" read as ${realm})`;
		return { status: 'OK', message: `Connected to NetSuite account ${realm}${read}` };
	}
	// Keys made in a sandbox are refused by the production account of the same number.
	const enteredTokenUrl = typeof data.tokenUrl === 'string' && data.tokenUrl.trim() !== '';
	if (first.loginRefused && !realm.includes('_') && !enteredTokenUrl) {
		const sandbox = `${realm}_SB1`;
		const second = await attempt(ctx, type, { ...data, accountId: sandbox });
		if (second.ok) {
			return {
				status: 'Error',
				message: `These keys are refused by account ${realm} but work for its sandbox ${sandbox}: set Account ID to ${sandbox}`,
			};
		}
		return { status: 'Error', message: `${first.message}. If this is a sandbox, its Account ID ends in _SB1 (for example ${sandbox})` };
	}
	return { status: 'Error', message: first.message };
}

export const credentialTest = {
	async [CONNECTION_TEST](this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
		try {
			return await testConnection(this, credential.type, credential.data ?? {});
		} catch (error) {
			const input = findCredentialInputError(error);
			if (input) return { status: 'Error', message: input.message };
			return { status: 'Error', message: UNEXPECTED };
		}
	},
};
