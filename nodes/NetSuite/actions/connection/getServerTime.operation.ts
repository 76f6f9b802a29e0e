// Connection > Get Server Time: NetSuite's clock in UTC, whatever the user's time zone (Oracle,
// "ServerTime Operation", https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_0528010158.html:
// GET /services/rest/system/v1/serverTime, no arguments, no permission needed, answers
// {"serverTime": "2025-03-26T16:21:00.000Z"}; new in 2025.2). Sync windows read it instead of
// n8n's clock, which may be off NetSuite's.
import { NodeApiError, type JsonObject } from 'n8n-workflow';

import { SYSTEM_BASE_PATH } from '../../../shared/auth/account';
import { toItems } from '../../../shared/api/output';
import { netSuiteRequest } from '../../../shared/api/transport';
import type { Operation } from '../../operation';

export const getServerTime = (): Operation => ({
	value: 'getServerTime',
	name: 'Get Server Time',
	action: 'Get the NetSuite server time',
	description: "Get NetSuite's current time in UTC, for sync windows that must not rely on n8n's clock",
	toolDescription:
		'Get NetSuite\'s current server time as an ISO 8601 UTC timestamp (serverTime). Use it for "now" in NetSuite\'s terms, for example to build date filters or sync windows.',
	writes: false,
	request: { method: 'GET', url: `${SYSTEM_BASE_PATH}/serverTime` },
	fields: [],
	narrowing: false,
	async run(request, transport) {
		const response = await netSuiteRequest.call(this, request, transport);
		const serverTime = (response.body as { serverTime?: unknown } | undefined)?.serverTime;
		// An account before 2025.2 has no serverTime: its answer would not be a time.
		if (typeof serverTime !== 'string' || Number.isNaN(Date.parse(serverTime))) {
			throw new NodeApiError(this.getNode(), (response.body ?? {}) as JsonObject, {
				message: 'NetSuite did not answer a server time',
				description: 'The serverTime operation is new in NetSuite 2025.2: check that the account runs 2025.2 or later.',
				itemIndex: this.getItemIndex(),
			});
		}
		return toItems([{ serverTime }], this.getItemIndex());
	},
});
