// Customer > Create: the record Create, with the usual customer fields as named inputs.
import { writeOptionsField } from '../../fields/options';
import type { Operation, Resource } from '../../operation';
import { NAMED_INPUTS } from '../../tool/words';
import { createWith } from '../record/create.operation';
import { sendCustomerBody } from './body';
import { createFields } from './fields';

export const create = (resource: Resource): Operation => ({
	...createWith(resource, sendCustomerBody(true)),
	toolDescription: `Create a NetSuite customer and answer its new internal ID: companyName (or, for a person, firstName and lastName with isPerson) and subsidiary, the subsidiary's internal ID, which a OneWorld account needs. ${NAMED_INPUTS}`,
	fields: [...createFields, writeOptionsField(false, true)],
});
