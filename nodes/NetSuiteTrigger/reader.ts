// SuiteQL pages for the trigger, through the shared transport; a failure names the query.
import { NodeApiError, NodeOperationError, type IPollFunctions } from 'n8n-workflow';

import { fetchSuiteQlPage } from '../shared/api/suiteQl';
import type { PageReader } from './changeStream';

export function suiteQlReader(ctx: IPollFunctions): PageReader {
	return async (query, limit) => {
		let failure: Error | undefined;
		try {
			return await fetchSuiteQlPage.call(ctx, query, 0, limit);
		} catch (error) {
			failure = error as Error;
		}
		// NetSuite's own error (its detail, code and HTTP status) stays as it is, with the query added.
		const shown =
			failure instanceof NodeApiError || failure instanceof NodeOperationError ? failure : new NodeOperationError(ctx.getNode(), failure);
		shown.description = `${shown.description ? `${shown.description}. ` : ''}Query: ${query.q}`;
		throw shown;
	};
}
