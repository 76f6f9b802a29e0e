import {
	NodeConnectionTypes,
	NodeOperationError,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { authenticationProperty, netSuiteCredentials } from '../shared/auth/authentication';
import { credentialTest } from '../shared/auth/connectionTest';
import { searchRecordTypes } from '../shared/api/metadataCatalog';
import { SUITEQL_MAX_PAGE } from '../shared/api/suiteQl';
import type { StartFrom } from './changeStream';
import { accountTimeZoneProperty, configuredZone, zoneWatcher } from './accountZone';
import { toItems, type ItemOptions } from './items';
import { recentChange, type PollOptions } from './poller';
import { recentQuery, recordStream } from './pollQuery';
import { resolvePollTable } from './pollTable';
import { suiteQlReader } from './reader';
import { pollOnce, type TriggerStaticData } from './pollOnce';

/** Records the editor's test step shows: enough to map fields from, few enough to read. */
const RECENT_IN_TEST = 10;
/** Max Items per Poll: one execution stays a size n8n holds in memory, even for a backfill. */
export const MAX_ITEMS_PER_POLL = { default: 5000, min: 1, max: 100_000 };

export class NetSuiteTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NetSuite Trigger',
		name: 'netSuiteTrigger',
		icon: { light: 'file:../../icons/netsuite.svg', dark: 'file:../../icons/netsuite.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Changes to " + ($parameter["recordType"].value || $parameter["recordType"]) }}',
		description: 'Starts the workflow when NetSuite records are created, changed or deleted (polls with SuiteQL)',
		defaults: { name: 'NetSuite Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: netSuiteCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Record Type',
				name: 'recordType',
				type: 'resourceLocator',
				default: { mode: 'list', value: 'customer' },
				required: true,
				modes: [
					{
						displayName: 'From List',
						name: 'list',
						type: 'list',
						typeOptions: { searchListMethod: 'searchRecordTypes', searchable: true },
					},
					{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'customrecord_project' },
				],
			},
			{
				displayName: 'Show New Records',
				name: 'showNew',
				type: 'boolean',
				default: true,
				description: 'Whether to emit records when they are created',
			},
			{
				displayName: 'Show Updated Records',
				name: 'showUpdated',
				type: 'boolean',
				default: true,
				description: 'Whether to emit records when they are changed after their creation',
			},
			{
				displayName: 'Show Deleted Records',
				name: 'showDeleted',
				type: 'boolean',
				default: false,
				description:
					"Whether to emit records when they are deleted (read from SuiteQL's DeletedRecord table; the role needs the Deleted Records permission)",
			},
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'options',
				default: 'now',
				options: [
					{ name: 'Now', value: 'now', description: 'Changes made after the trigger is activated' },
					{ name: 'A Date and Time', value: 'time', description: 'Every change since then, read in full at the first poll (a backfill)' },
				],
			},
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				required: true,
				displayOptions: { show: { startFrom: ['time'] } },
				description: "In NetSuite's time zone for the integration user (as its Last Modified dates show)",
			},
			{
				displayName: 'Additional Filter',
				name: 'filter',
				type: 'string',
				default: '',
				placeholder: "subsidiary = 1 AND email LIKE '%@example.com'",
				description:
					"A SuiteQL condition on the record's table, added to the polling query as AND (…). No leading AND needed. Not applied to deleted records.",
			},
			{
				displayName: 'Return',
				name: 'output',
				type: 'options',
				default: 'ids',
				options: [
					{ name: 'IDs and Timestamps', value: 'ids', description: 'One light item per change' },
					{
						name: 'Full Records',
						value: 'full',
						description: 'Each changed record fetched in full, with its sublists (one request per record)',
					},
				],
			},
			{
				displayName: 'Max Items per Poll',
				name: 'maxItems',
				type: 'number',
				default: 5000,
				typeOptions: { minValue: MAX_ITEMS_PER_POLL.min, maxValue: MAX_ITEMS_PER_POLL.max },
				description:
					'At most this many changes per execution, oldest first; the next poll goes on from there. Shared between New, Updated and Deleted (at least one each), so a backfill or a mass update runs as several executions.',
			},
			accountTimeZoneProperty,
			{
				displayName: 'Record Gone Before Fetch',
				name: 'whenGone',
				type: 'options',
				default: 'deleted',
				displayOptions: { show: { output: ['full'], showDeleted: [false] } },
				options: [
					{ name: 'Emit as Deleted', value: 'deleted', description: 'An item with the ID and event "deleted"' },
					{ name: 'Skip', value: 'skip' },
				],
				description:
					'What to do with a record deleted between the query and its fetch (with Show Deleted Records on, its delete is emitted from DeletedRecord)',
			},
		],
	};

	methods = {
		credentialTest,
		listSearch: { searchRecordTypes },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const recordType = String(this.getNodeParameter('recordType', '', { extractValue: true }) ?? '').trim();
		const table = await resolvePollTable(this, recordType);
		const plan = { recordType, table, filter: this.getNodeParameter('filter', '') as string };
		const showDeleted = this.getNodeParameter('showDeleted', false) as boolean;
		const itemOptions: Omit<ItemOptions, 'zone'> = {
			full: this.getNodeParameter('output', 'ids') === 'full',
			whenGone: this.getNodeParameter('whenGone', 'deleted') as ItemOptions['whenGone'],
			showDeleted,
		};
		const configured = configuredZone(this.getNode(), this.getNodeParameter('accountTimeZone', ''));
		const clock = zoneWatcher(suiteQlReader(this), configured);
		const read = clock.read;

		if (this.getMode() === 'manual') {
			// The editor's test step: recent records to map fields from; the cursor stays put.
			const rows = (await read(recentQuery(recordStream(table, plan.filter)), RECENT_IN_TEST)).items;
			const items = await toItems(
				this,
				rows.map((row) => recentChange(plan, row)),
				{ ...itemOptions, zone: await clock.zone() },
			);
			return items.length ? [items] : null;
		}

		const options: PollOptions = {
			showNew: this.getNodeParameter('showNew', true) as boolean,
			showUpdated: this.getNodeParameter('showUpdated', true) as boolean,
			showDeleted,
			startFrom: startFromOf(this),
			pageSize: SUITEQL_MAX_PAGE,
			maxItems: maxItemsOf(this),
		};
		const staticData = this.getWorkflowStaticData('node') as TriggerStaticData;
		const run = await pollOnce(staticData, read, plan, options, async (changes) =>
			// Every change came from a window whose first query read NetSuite's clock.
			changes.length ? await toItems(this, changes, { ...itemOptions, zone: await clock.zone() }) : [],
		);
		if (run.skipped) {
			this.logger.info('NetSuite Trigger: poll skipped, the previous poll of this trigger is still running (it reads the same changes)');
			return null;
		}
		if (run.more) this.logger.info(`NetSuite Trigger: ${run.changes} changes emitted (Max Items per Poll); the next poll goes on`);
		return run.items.length ? [run.items] : null;
	}
}

function maxItemsOf(ctx: IPollFunctions): number {
	const value = ctx.getNodeParameter('maxItems', MAX_ITEMS_PER_POLL.default) as number;
	const { min, max } = MAX_ITEMS_PER_POLL;
	if (!Number.isInteger(value) || value < min || value > max)
		throw new NodeOperationError(
			ctx.getNode(),
			`Max Items per Poll must be a whole number from ${min} to ${max} (it is ${JSON.stringify(value)})`,
		);
	return value;
}

function startFromOf(ctx: IPollFunctions): StartFrom {
	if (ctx.getNodeParameter('startFrom', 'now') !== 'time') return { mode: 'now' };
	const raw = String(ctx.getNodeParameter('startTime', '') ?? '');
	const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2}))?)?/.exec(raw.trim());
	if (!match)
		throw new NodeOperationError(ctx.getNode(), `Start Time "${raw}" is not a date and time`, {
			description: 'Use the date picker, or write it as 2026-01-31 08:00:00.',
		});
	return { mode: 'time', time: `${match[1]} ${match[2] ?? '00:00'}:${match[3] ?? '00'}` };
}
