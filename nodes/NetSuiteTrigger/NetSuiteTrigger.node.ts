import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { authenticationProperty, netSuiteCredentials } from '../shared/authentication';
import { searchRecordTypes } from '../shared/metadataCatalog';
import { advance, type PollCursor } from './cursor';
import { latestQuery, nowQuery, recentQuery } from './pollQuery';
import { queryPage, readChanges, toItems, toRow } from './poller';
import { resolvePollTable } from './pollTable';

const RECENT_IN_TEST = 10;

export class NetSuiteTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NetSuite Trigger',
		name: 'netSuiteTrigger',
		icon: { light: 'file:../../icons/netsuite.svg', dark: 'file:../../icons/netsuite.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "New/updated " + ($parameter["recordType"].value || $parameter["recordType"]) }}',
		description: 'Starts the workflow when NetSuite records are created or changed (polls with SuiteQL)',
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
					{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchRecordTypes', searchable: true } },
					{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'customrecord_project' },
				],
			},
			{ displayName: 'Show New Records', name: 'showNew', type: 'boolean', default: true, description: 'Whether to emit records created since the last poll' },
			{ displayName: 'Show Updated Records', name: 'showUpdated', type: 'boolean', default: true, description: 'Whether to emit existing records changed since the last poll' },
			{
				displayName: 'Additional Filter',
				name: 'filter',
				type: 'string',
				default: '',
				placeholder: "subsidiary = 1 AND email LIKE '%@example.com'",
				description: 'A SuiteQL condition on the record\'s table, added to the polling query as AND (…). No leading AND needed.',
			},
			{
				displayName: 'Return',
				name: 'output',
				type: 'options',
				default: 'ids',
				options: [
					{ name: 'IDs and Timestamps', value: 'ids', description: 'One light item per change' },
					{ name: 'Full Records', value: 'full', description: 'Each changed record fetched in full (one request per record)' },
				],
			},
		],
	};

	methods = {
		listSearch: { searchRecordTypes },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const recordType = String(this.getNodeParameter('recordType', '', { extractValue: true }) ?? '').trim();
		const table = await resolvePollTable(this, recordType);
		const filter = this.getNodeParameter('filter', '') as string;
		const options = {
			showNew: this.getNodeParameter('showNew', true) as boolean,
			showUpdated: this.getNodeParameter('showUpdated', true) as boolean,
			full: this.getNodeParameter('output', 'ids') === 'full',
		};
		const staticData = this.getWorkflowStaticData('node') as { cursor?: PollCursor };

		if (this.getMode() === 'manual') {
			// The editor's test step: recent records to map fields from; the cursor stays put.
			const rows = (await queryPage(this, recentQuery(table, filter, RECENT_IN_TEST), RECENT_IN_TEST)).items.map(toRow);
			const items = await toItems(this, rows, undefined, recordType, { ...options, showNew: true, showUpdated: true });
			return items.length ? [items] : null;
		}

		const previous = staticData.cursor?.recordType === recordType ? staticData.cursor : undefined;
		if (!previous) {
			// First activation starts from the newest change NetSuite has (its clock, not ours).
			const latest = (await queryPage(this, latestQuery(table, filter), 1)).items[0]?.ns_modified ?? (await queryPage(this, nowQuery, 1)).items[0]?.ns_modified;
			const start: PollCursor = { recordType, modified: String(latest), idsAtModified: [] };
			const atStart = (await readChanges(this, table, filter, start.modified)).filter((r) => r.modified === start.modified);
			staticData.cursor = { ...start, idsAtModified: atStart.map((r) => r.id) };
			return null;
		}

		const rows = await readChanges(this, table, filter, previous.modified);
		const { fresh, next } = advance(previous, rows);
		const items = await toItems(this, fresh, previous, recordType, options);
		// The cursor moves only after every change up to `next` was read and turned into items.
		staticData.cursor = next;
		return items.length ? [items] : null;
	}
}
