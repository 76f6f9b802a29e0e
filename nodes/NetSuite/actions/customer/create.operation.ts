// Customer > Create: the record Create, with the usual customer fields as named inputs.
import { writeOptionsField } from '../../fields/options';
import type { Operation, Resource } from '../../operation';
import { createWith } from '../record/create.operation';
import { sendCustomerBody } from './body';
import { createFields } from './fields';

export const create = (resource: Resource): Operation => ({
	...createWith(resource, sendCustomerBody(true)),
	fields: [...createFields, writeOptionsField(false, true)],
});
