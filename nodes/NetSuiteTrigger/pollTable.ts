// Resolves the Record Type input to its SuiteQL table, checking it at activation.
import { NodeOperationError, type IPollFunctions } from 'n8n-workflow';

import { recordSchema } from '../shared/metadataCatalog';
import { POLL_TABLES, pollTableFromSchema, type PollTable } from './recordTables';

export async function resolvePollTable(ctx: IPollFunctions, recordType: string): Promise<PollTable> {
	if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(recordType)) {
		throw new NodeOperationError(ctx.getNode(), `Record Type "${recordType}" is not a NetSuite record type ID`);
	}
	const known = Object.entries(POLL_TABLES).find(([name]) => name.toLowerCase() === recordType.toLowerCase());
	if (known) return known[1];
	let schema;
	try {
		schema = await recordSchema(ctx, recordType);
	} catch {
		schema = undefined;
	}
	const table = schema ? pollTableFromSchema(recordType, schema) : undefined;
	if (!table) {
		throw new NodeOperationError(ctx.getNode(), `Record Type "${recordType}" cannot be polled: it is unknown to the account or has no created / last-modified date fields`, {
			description: 'Pick a record type from the list, or a custom record type whose records have Date Created and Last Modified fields.',
		});
	}
	return table;
}
