// Customer > Update: the record Update, with the usual customer fields as named inputs.
import { writeOptionsField } from '../../fields/options';
import type { Operation, Resource } from '../../operation';
import { ID, NAMED_INPUTS } from '../../tool/words';
import { updateWith } from '../record/update.operation';
import { sendCustomerBody } from './body';
import { updateFields } from './fields';

export const update = (resource: Resource): Operation => ({
	...updateWith(resource, sendCustomerBody(false), [...updateFields, writeOptionsField(false)]),
	toolDescription: `Change fields of a NetSuite customer (fields left out stay as they are). ${ID} ${NAMED_INPUTS}`,
});
