// Saved Search picker of Saved Search › Run: the role's saved searches, found by name or script
// ID. The value kept is the script ID: it stays the same when a search is deployed to another
// account (SDF, bundles), where its internal ID differs.
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { savedSearchList, savedSearchMatches } from '../../shared/api/savedSearch';

export async function searchSavedSearches(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const searches = await savedSearchList(this);
	return {
		results: searches
			.filter((s) => savedSearchMatches(s, filter ?? ''))
			.sort((a, b) => a.name.localeCompare(b.name))
			.map((s) => ({ name: `${s.name} (${s.scriptId || s.id})`, value: s.scriptId || s.id })),
	};
}
