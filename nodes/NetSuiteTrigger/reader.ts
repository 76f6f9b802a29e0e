// SuiteQL pages for the trigger, through the shared transport; a failure names the query.
import { NodeApiError, NodeOperationError, type IPollFunctions } from 'n8n-workflow';

import { fetchSuiteQlPage } from '../shared/suiteQl';
import type { PageReader } from './changeStream';

export function suiteQlReader(ctx: IPollFunctions): PageReader {
	return async (query, limit) => {
		try {
			return await fetchSuiteQlPage.call(ctx, query, 0, limit);
		} catch (error) {
			// NetSuite's own error (its detail, code and HTTP status) stays as it is, with the query added.
			if (error instanceof NodeApiError) {
				error.description = `${error.description ? `${error.description}. ` : ''}Query: ${query.q}`;
				throw error;
			}
			if (error instanceof NodeOperationError) throw error;
			throw new NodeOperationError(ctx.getNode(), error as Error, { description: `Query: ${query.q}` });
		}
	};
}
