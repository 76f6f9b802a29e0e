import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { CONSENT_PAGE_PATH, ACCESS_GRANT_PATH } from '../nodes/shared/auth/account';
import { accountIdProperty, testServerProperties, oauth2ConnectionTest } from '../nodes/shared/auth/credentialProperties';

/** n8n expression for an account origin; characters that cannot be in an account id are dropped. */
const origin = (service: 'app' | 'suitetalk.api') =>
	`($self["useTestServer"] === true && $self["baseUrlOverride"] ? $self["baseUrlOverride"].replace(/\\/+$/, "") : "https://" + String($self["accountId"]).trim().toLowerCase().replace(/_/g, "-").replace(/[^a-z0-9-]/g, "") + ".${service}.netsuite.com")`;

export class NetSuiteOAuth2Api implements ICredentialType {
	name = 'netSuiteOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'NetSuite OAuth2 API';

	icon: Icon = { light: 'file:../icons/netsuite.svg', dark: 'file:../icons/netsuite.dark.svg' };

	documentationUrl = 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157771733782.html';

	properties: INodeProperties[] = [
		{
			displayName:
				'Authorization code flow: access tokens last 60 minutes and n8n refreshes them, but NetSuite stops refreshing after 7 days. Then open this credential and click Reconnect. For unattended workflows prefer the Client Credentials (M2M) credential.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		accountIdProperty,
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ ${origin('app')} + "${CONSENT_PAGE_PATH}" }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ ${origin('suitetalk.api')} + "${ACCESS_GRANT_PATH}" }}`,
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'rest_webservices restlets' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
		...testServerProperties,
	];

	test: ICredentialTestRequest = oauth2ConnectionTest;
}
