// Sentences the tool descriptions share: how a model writes IDs, filters and bodies.
export const ID = 'The ID is the internal ID (digits, e.g. 42) or eid: followed by the external ID (e.g. eid:CRM-1001).';
export const RECORD = 'Dates come back as ISO 8601 UTC, references as {id, refName}.';
export const Q =
	'Optional filter in NetSuite\'s q syntax: field OPERATOR value joined by AND / OR, operators such as IS, ANY_OF [1, 2], START_WITH, CONTAIN, GREATER, ON_OR_AFTER; dates as "1/31/2024". Answers internal IDs; use Get or SuiteQL for fields.';
/** Customer Create / Update: the tool takes named inputs, not a JSON body. */
export const NAMED_INPUTS =
	'Only the inputs this tool offers are sent, each as its own value (no JSON body): a field the tool has no input for (an email, a phone) cannot be set with it; use the record Create or Update tool, which takes the fields as JSON, for those.';
export const BODY =
	'Give the fields as a JSON object of field IDs (Get Record Metadata lists them); references as {"id": "1"}; a OneWorld account needs subsidiary.';
export const CUT = 'At most 100 rows per call, fewer when the tool has a lower Limit; a final note says when there were more.';
