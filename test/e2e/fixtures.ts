/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// Demo credentials and example workflows pointed at a running emulator: shared by the e2e
// tests and `npm run demo`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { DemoCredentials } from '../emulator';

export const workflowsDir = path.resolve(__dirname, '../../examples/workflows');

export interface ExampleWorkflow {
	id: string;
	name: string;
	file: string;
	nodes: Array<{ name: string; type: string }>;
}

export function exampleWorkflows(): Array<ExampleWorkflow & Record<string, unknown>> {
	return readdirSync(workflowsDir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ ...JSON.parse(readFileSync(path.join(workflowsDir, file), 'utf8')), file }));
}

/**
 * Whether `n8n execute` can run the workflow: it starts from a Manual Trigger only. A polling
 * trigger runs on n8n's schedule and an MCP Server Trigger answers MCP clients of `n8n start`.
 */
export function runsHeadless(wf: ExampleWorkflow): boolean {
	return wf.nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger');
}

/** Published workflows (`n8n publish:workflow`) serve their trigger in `n8n start`. */
export function servesWhenPublished(wf: ExampleWorkflow): boolean {
	return wf.nodes.some((n) => n.type === '@n8n/n8n-nodes-langchain.mcpTrigger');
}

/** The bearer token the example MCP workflow's clients send (a demo value, not a secret). */
export const DEMO_MCP_TOKEN = 'demo-mcp-token-change-me';

export function workflow(file: string): ExampleWorkflow & Record<string, unknown> {
	const found = exampleWorkflows().find((w) => w.file === `${file}.json`);
	if (!found) throw new Error(`no example workflow ${file}`);
	return found;
}

/** Credentials for `n8n import:credentials`: n8n encrypts the plain `data` on import. */
export function demoCredentials(demo: DemoCredentials, oauthTokenData?: Record<string, unknown>): object[] {
	const common = { accountId: demo.accountId, useTestServer: true, baseUrlOverride: demo.baseUrl };
	const credentials: object[] = [
		{ id: 'nsTba', name: 'NetSuite TBA (emulator)', type: 'netSuiteTbaApi', data: { ...common, ...demo.tba } },
		{
			id: 'nsM2m',
			name: 'NetSuite M2M (emulator)',
			type: 'netSuiteClientCredentialsApi',
			data: {
				...common,
				consumerKey: demo.m2m.consumerKey,
				certificateId: demo.m2m.certificateId,
				privateKey: demo.m2m.privateKeyPem,
				algorithm: demo.m2m.algorithm,
			},
		},
	];
	const oauth2 = {
		...common,
		clientId: demo.oauth2.clientId,
		clientSecret: demo.oauth2.clientSecret,
		grantType: 'authorizationCode',
		authUrl: `${demo.baseUrl}/app/login/oauth2/authorize.nl`,
		accessTokenUrl: `${demo.baseUrl}/services/rest/auth/oauth2/v1/token`,
		scope: 'rest_webservices',
		authQueryParameters: '',
		authentication: 'header',
	};
	credentials.push({ id: 'mcpBearer', name: 'MCP clients (demo bearer token)', type: 'httpBearerAuth', data: { token: DEMO_MCP_TOKEN } });
	credentials.push({
		id: 'nsOauth2',
		name: 'NetSuite OAuth2 (emulator)',
		type: 'netSuiteOAuth2Api',
		data: oauthTokenData ? { ...oauth2, oauthTokenData } : oauth2,
	});
	return credentials;
}

/** Runs the authorization-code flow against the emulator, as n8n's Connect button would. */
export async function authorizationCodeTokens(
	demo: DemoCredentials,
	redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback',
): Promise<Record<string, unknown>> {
	const authorize = await fetch(
		`${demo.baseUrl}/app/login/oauth2/authorize.nl?response_type=code&client_id=${demo.oauth2.clientId}&redirect_uri=${encodeURIComponent(redirectUri)}&scope=rest_webservices&state=${'n8n-demo-state-'.padEnd(24, 'x')}`,
		{ redirect: 'manual' },
	);
	const code = new URL(authorize.headers.get('location')!).searchParams.get('code')!;
	const basic = Buffer.from(`${demo.oauth2.clientId}:${demo.oauth2.clientSecret}`).toString('base64');
	const response = await fetch(`${demo.baseUrl}/services/rest/auth/oauth2/v1/token`, {
		method: 'POST',
		headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }).toString(),
	});
	return (await response.json()) as Record<string, unknown>;
}
