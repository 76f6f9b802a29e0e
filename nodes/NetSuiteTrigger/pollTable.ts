// Resolves the Record Type input to its SuiteQL table, checking it at activation.
import { NodeOperationError, type IDataObject, type IPollFunctions, type NodeApiError } from 'n8n-workflow';

import { recordSchema } from '../shared/api/metadataCatalog';
import { knownPollTable, pollTableFromSchema, type PollTable } from './recordTables';

/** NetSuite's answer to a record type it does not have; anything else is not about the type. */
const isUnknownType = (error: unknown) => ['400', '404'].includes(String((error as { httpCode?: unknown }).httpCode));

export async function resolvePollTable(ctx: IPollFunctions, recordType: string): Promise<PollTable> {
	if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(recordType)) {
		throw new NodeOperationError(ctx.getNode(), `Record Type "${recordType}" is not a NetSuite record type ID`);
	}
	const known = knownPollTable(recordType);
	if (known) return known;
	let schema: IDataObject | undefined;
	let failure: NodeApiError | undefined;
	try {
		schema = await recordSchema(ctx, recordType);
	} catch (error) {
		failure = error as NodeApiError;
	}
	// A login failure, a network error or a 503 is shown as itself, with NetSuite's detail.
	if (failure && !isUnknownType(failure)) throw failure;
	const table = schema ? pollTableFromSchema(recordType, schema) : undefined;
	if (!table) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Record Type "${recordType}" cannot be polled: it is unknown to the account or has no created / last-modified date fields`,
			{
				description: 'Pick a record type from the list, or a custom record type whose records have Date Created and Last Modified fields.',
			},
		);
	}
	return table;
}
