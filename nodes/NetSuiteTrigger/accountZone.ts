// Which time zone a trigger reads NetSuite's SuiteQL times in (../shared/api/accountTime.ts):
// the Account Time Zone the user set, or the offset learned from NetSuite's clock in the
// poll's own queries: each stream's first query selects SYSDATE as ns_now (local time), and
// the answer's Date header is the same clock in UTC, so neither this host's clock nor its zone
// enters. Without a Date header, this host's clock stands in. When no query of the poll read
// SYSDATE, one more query does.
import { NodeOperationError, type INode, type INodeProperties } from 'n8n-workflow';

import { learnedZone, namedZone, type AccountZone } from '../shared/api/accountTime';
import type { PageReader } from './changeStream';
import { NS_FORMAT } from './pollQuery';

export const accountTimeZoneProperty: INodeProperties = {
	displayName: 'Account Time Zone',
	name: 'accountTimeZone',
	type: 'string',
	default: '',
	placeholder: 'America/Los_Angeles',
	description:
		"The time zone of the integration user's NetSuite preferences (Home › Set Preferences › Time Zone) as an IANA name. SuiteQL shows times in it; items carry them as UTC. Leave empty to learn the offset from NetSuite's clock, which is exact for zones without daylight saving.",
};

/** The zone the user set (undefined: learn it); a name the runtime does not know is an error. */
export function configuredZone(node: INode, value: unknown): AccountZone | undefined {
	const name = String(value ?? '').trim();
	if (!name) return undefined;
	const zone = namedZone(name);
	if (!zone)
		throw new NodeOperationError(node, `Account Time Zone "${name}" is not a time zone name`, {
			description: 'Write it as an IANA name such as America/Los_Angeles, Europe/Berlin or Asia/Kolkata, or leave it empty.',
		});
	return zone;
}

/**
 * A reader that remembers NetSuite's clock from the rows that carry it, and the zone it shows.
 * `zone()` answers the configured zone, else the learned offset, reading SYSDATE once if no
 * query has.
 */
export function zoneWatcher(read: PageReader, configured: AccountZone | undefined) {
	let learned: AccountZone | undefined;
	const watched: PageReader = async (query, limit) => {
		const page = await read(query, limit);
		const nsNow = page.items[0]?.ns_now;
		if (typeof nsNow === 'string') learned = learnedZone(nsNow, page.answeredAt ?? Date.now()) ?? learned;
		return page;
	};
	return {
		read: watched,
		async zone(): Promise<AccountZone> {
			if (configured) return configured;
			if (!learned) await watched({ q: `SELECT TO_CHAR(SYSDATE, '${NS_FORMAT}') AS ns_now FROM dual`, params: [] }, 1);
			return learned ?? { offsetMinutes: 0 };
		},
	};
}
