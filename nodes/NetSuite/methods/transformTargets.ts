// Target Type picker of Record › Transform: the documented targets of the chosen source type.
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { transformTargetsOf } from '../actions/transform/pairs';

export async function searchTransformTargets(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const source = String(this.getCurrentNodeParameter('recordType', { extractValue: true }) ?? '');
	const wanted = (filter ?? '').toLowerCase();
	return {
		results: transformTargetsOf(source)
			.filter((target) => !wanted || target.toLowerCase().includes(wanted))
			.map((target) => ({ name: target, value: target })),
	};
}
