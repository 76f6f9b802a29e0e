// The NetSuite Webhook Trigger's parameters.
import type { INodeProperties } from 'n8n-workflow';

import { accountTimeZoneProperty } from '../NetSuiteTrigger/accountZone';
import { authenticationProperty } from '../shared/auth/authentication';

// n8n's node panel lists a trigger's actions from its Events options: `action` when an option has
// one, else "On " + lodash startCase(name), which drops punctuation ("On Inline Edit Xedit").
// So every option says its action as a sentence (editor-ui useActionsGeneration, triggersCategory).
export const EVENT_OPTIONS = [
	{ name: 'Create', value: 'create', action: 'On a record created' },
	{ name: 'Delete', value: 'delete', action: 'On a record deleted' },
	{ name: 'Edit', value: 'edit', action: 'On a record edited' },
	{
		name: 'Inline Edit',
		value: 'xedit',
		action: 'On a field edited inline',
		description: 'A field changed from a list or by mass update (NetSuite calls it xedit)',
	},
	{
		name: 'Other Events',
		value: 'other',
		action: 'On another event (approve, cancel, ship…)',
		description: 'Approve, cancel, ship, pack and the other events NetSuite names',
	},
];

export const DEFAULT_REPLAY_WINDOW_SECONDS = 300;

export const webhookTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'NetSuite pushes changes through a User Event script that ships with this package\'s source (suitescript/n8n_webhook_ue.js). An administrator installs it once: see "Instant trigger" in the package README. Give the script this node\'s Production URL and the same secret as the webhook credential.',
		name: 'installNotice',
		type: 'notice',
		default: '',
	},
	authenticationProperty,
	{
		displayName: 'Record Types',
		name: 'recordTypes',
		type: 'string',
		default: 'customer',
		required: true,
		placeholder: 'customer, salesOrder',
		description:
			'Comma-separated record type IDs to emit (any case). The catch-up reads these types; pushes of other types are answered and ignored.',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		default: ['create', 'edit', 'xedit', 'delete'],
		description: 'Which NetSuite save events start the workflow',
	},
	{
		displayName: 'Return',
		name: 'output',
		type: 'options',
		default: 'event',
		options: [
			{ name: 'Event Only', value: 'event', description: 'Event, record type, ID and timestamps' },
			{
				name: 'Full Record',
				value: 'full',
				description: 'The record fetched from NetSuite with the event under _netsuite (not for deletes)',
			},
		],
	},
	{
		displayName: 'Catch Up',
		name: 'catchUp',
		type: 'boolean',
		default: true,
		description:
			'Whether to read changes the push missed (n8n down, a failed post) on activation and on a schedule, through the NetSuite credential',
	},
	{
		displayName: 'Catch-Up Interval (Minutes)',
		name: 'catchUpMinutes',
		type: 'number',
		default: 15,
		typeOptions: { minValue: 1, maxValue: 59 },
		displayOptions: { show: { catchUp: [true] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Replay Window (Seconds)',
				name: 'replayWindowSeconds',
				type: 'number',
				default: DEFAULT_REPLAY_WINDOW_SECONDS,
				typeOptions: { minValue: 30, maxValue: 3600 },
				description: "How far a post's signed timestamp may be from n8n's clock; older or newer posts get 401",
			},
			{
				...accountTimeZoneProperty,
				description:
					"The time zone of the integration user's NetSuite preferences as an IANA name: the catch-up reads SuiteQL's times in it to match the UTC times the script pushes. Leave empty to learn the offset from NetSuite's clock, which is exact for zones without daylight saving.",
			},
		],
	},
];

/** "customer, salesOrder" -> ['customer', 'salesOrder'], each checked. */
export function parseRecordTypes(value: unknown): string[] | { error: string } {
	const types = String(value ?? '')
		.split(',')
		.map((t) => t.trim())
		.filter(Boolean);
	if (!types.length) return { error: 'Record Types is empty: name at least one record type, e.g. customer' };
	const bad = types.find((t) => !/^[A-Za-z][A-Za-z0-9_]*$/.test(t));
	if (bad) return { error: `Record Types: "${bad}" is not a NetSuite record type ID` };
	return types;
}

export function eventWanted(event: string, wanted: string[]): boolean {
	const known = EVENT_OPTIONS.some((o) => o.value === event && o.value !== 'other');
	return wanted.includes(known ? event : 'other');
}
