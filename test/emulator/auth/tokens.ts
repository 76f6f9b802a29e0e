// NetSuite's OAuth 2.0 token endpoint and bearer checks: client credentials (a JWT signed
// with the key registered for its kid) and authorization code with refresh tokens.
import { createHash, randomBytes } from 'node:crypto';
import { decodeProtectedHeader, importSPKI, jwtVerify, type JWTPayload } from 'jose';

import type { TestClock } from '../clock';
import type { EmulatorRequest, EmulatorResponse } from '../types';

export type GrantKind = 'client_credentials' | 'authorization_code' | 'refresh_token';

const ALLOWED_ALGS = ['PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
const REFRESH_TTL_MS = 7 * 24 * 3600 * 1000;

export interface TokenConfig {
	clock: TestClock;
	ttlSeconds: number;
	m2mClientId: string;
	certificates: Map<string, string>;
	oauth2Client: { clientId: string; clientSecret: string };
}

const oauthError = (status: number, error: string, description: string): EmulatorResponse => ({
	status,
	headers: { 'content-type': 'application/json' },
	body: { error, error_description: description },
});

export class TokenService {
	private readonly bearers = new Map<string, { expiresAt: number; scope: string[] }>();
	private readonly codes = new Map<string, { redirectUri: string; challenge?: string; scope: string[] }>();
	private readonly refreshTokens = new Map<string, { expiresAt: number; scope: string[] }>();
	private readonly issued: GrantKind[] = [];

	constructor(private readonly config: TokenConfig) {}

	issuedCount(kind?: GrantKind): number {
		return kind ? this.issued.filter((k) => k === kind).length : this.issued.length;
	}

	expireAll(): void {
		this.bearers.clear();
	}

	checkBearer(authorization: string): boolean {
		const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
		const entry = token ? this.bearers.get(token) : undefined;
		return !!entry && entry.expiresAt > this.config.clock.now().getTime();
	}

	private issue(kind: GrantKind, scope: string[], withRefresh: boolean): EmulatorResponse {
		const accessToken = randomBytes(24).toString('base64url');
		this.bearers.set(accessToken, { expiresAt: this.config.clock.now().getTime() + this.config.ttlSeconds * 1000, scope });
		this.issued.push(kind);
		const body: Record<string, unknown> = { access_token: accessToken, expires_in: String(this.config.ttlSeconds), token_type: 'bearer' };
		if (withRefresh) {
			const refresh = randomBytes(24).toString('base64url');
			this.refreshTokens.set(refresh, { expiresAt: this.config.clock.now().getTime() + REFRESH_TTL_MS, scope });
			body.refresh_token = refresh;
		}
		return { status: 200, headers: { 'content-type': 'application/json' }, body };
	}

	async token(req: EmulatorRequest, tokenUrl: string): Promise<EmulatorResponse> {
		if (req.method !== 'POST') return oauthError(405, 'invalid_request', 'Use POST.');
		const form = new URLSearchParams(req.body.toString('utf8'));
		switch (form.get('grant_type')) {
			case 'client_credentials':
				return await this.clientCredentials(form, tokenUrl);
			case 'authorization_code':
				return this.authorizationCode(req, form);
			case 'refresh_token':
				return this.refresh(req, form);
			default:
				return oauthError(400, 'unsupported_grant_type', 'grant_type must be client_credentials, authorization_code or refresh_token.');
		}
	}

	private async clientCredentials(form: URLSearchParams, tokenUrl: string): Promise<EmulatorResponse> {
		if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
			return oauthError(400, 'invalid_request', 'client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer.');
		}
		const jwt = form.get('client_assertion') ?? '';
		let header;
		try {
			header = decodeProtectedHeader(jwt);
		} catch {
			return oauthError(400, 'invalid_request', 'client_assertion is not a JWT.');
		}
		if (!header.alg || !ALLOWED_ALGS.includes(header.alg))
			return oauthError(400, 'invalid_request', `Algorithm ${header.alg} is not supported.`);
		const pem = this.config.certificates.get(String(header.kid ?? ''));
		if (!pem) return oauthError(401, 'invalid_client', 'Unknown certificate (kid).');
		let payload: JWTPayload;
		try {
			const key = await importSPKI(pem, header.alg);
			({ payload } = await jwtVerify(jwt, key, {
				algorithms: ALLOWED_ALGS,
				issuer: this.config.m2mClientId,
				audience: tokenUrl,
				currentDate: this.config.clock.now(),
			}));
		} catch (error) {
			return oauthError(
				400,
				'invalid_grant',
				`Invalid client assertion: ${error instanceof Error ? error.message : 'verification failed'}.`,
			);
		}
		if (typeof payload.iat !== 'number' || typeof payload.exp !== 'number' || payload.exp - payload.iat > 3600) {
			return oauthError(400, 'invalid_grant', 'exp must be at most 60 minutes after iat.');
		}
		const raw = payload.scope;
		const scope = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[ ,]+/).filter(Boolean) : [];
		if (!scope.some((s) => ['rest_webservices', 'restlets', 'suite_analytics'].includes(s))) {
			return oauthError(400, 'invalid_scope', 'scope must include rest_webservices, restlets or suite_analytics.');
		}
		return this.issue('client_credentials', scope, false);
	}

	private clientOk(req: EmulatorRequest, form: URLSearchParams): boolean {
		const basic = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
		const [id, secret] = basic
			? Buffer.from(basic, 'base64').toString('utf8').split(':')
			: [form.get('client_id'), form.get('client_secret')];
		return id === this.config.oauth2Client.clientId && secret === this.config.oauth2Client.clientSecret;
	}

	authorize(req: EmulatorRequest): EmulatorResponse {
		const q = req.query;
		const redirectUri = q.get('redirect_uri');
		if (q.get('response_type') !== 'code' || q.get('client_id') !== this.config.oauth2Client.clientId || !redirectUri) {
			return {
				status: 400,
				headers: { 'content-type': 'text/plain' },
				body: 'Invalid authorization request: response_type=code, client_id and redirect_uri are required.',
			};
		}
		if (q.get('code_challenge') && q.get('code_challenge_method') !== 'S256') {
			return { status: 400, headers: { 'content-type': 'text/plain' }, body: 'code_challenge_method must be S256.' };
		}
		const code = randomBytes(16).toString('hex');
		this.codes.set(code, {
			redirectUri,
			challenge: q.get('code_challenge') ?? undefined,
			scope: (q.get('scope') ?? '').split(/[ ,]+/).filter(Boolean),
		});
		const target = new URL(redirectUri);
		target.searchParams.set('code', code);
		if (q.get('state')) target.searchParams.set('state', q.get('state')!);
		target.searchParams.set('company', 'emulator');
		return { status: 302, headers: { location: target.toString() }, body: '' };
	}

	private authorizationCode(req: EmulatorRequest, form: URLSearchParams): EmulatorResponse {
		if (!this.clientOk(req, form)) return oauthError(401, 'invalid_client', 'Client authentication failed.');
		const code = this.codes.get(form.get('code') ?? '');
		if (!code || code.redirectUri !== form.get('redirect_uri'))
			return oauthError(400, 'invalid_grant', 'Unknown code or redirect_uri mismatch.');
		this.codes.delete(form.get('code')!);
		if (code.challenge) {
			const verifier = form.get('code_verifier') ?? '';
			if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge)
				return oauthError(400, 'invalid_grant', 'PKCE verification failed.');
		}
		return this.issue('authorization_code', code.scope, true);
	}

	private refresh(req: EmulatorRequest, form: URLSearchParams): EmulatorResponse {
		if (!this.clientOk(req, form)) return oauthError(401, 'invalid_client', 'Client authentication failed.');
		const entry = this.refreshTokens.get(form.get('refresh_token') ?? '');
		if (!entry || entry.expiresAt <= this.config.clock.now().getTime())
			return oauthError(400, 'invalid_grant', 'The refresh token is invalid or expired.');
		return this.issue('refresh_token', entry.scope, false);
	}
}
