// Metadata > List Record Types: the account's record types from its metadata catalog.
import { RECORD_BASE_PATH } from '../../../shared/auth/account';
import { recordTypeNames } from '../../../shared/api/metadataCatalog';
import { toItems } from '../../../shared/api/output';
import type { Operation } from '../../operation';

export const listRecordTypes = (): Operation => ({
	value: 'listRecordTypes',
	name: 'List Record Types',
	action: 'List record types',
	description: 'List the record types of the account',
	toolDescription:
		'List the record type IDs of this NetSuite account: standard types such as customer, salesOrder, invoice, item, and custom record types (customrecord_*).',
	writes: false,
	request: { method: 'GET', url: `${RECORD_BASE_PATH}/metadata-catalog` },
	fields: [],
	// A model cannot narrow the list of record type names, and each row is one short name.
	narrowing: false,
	async run(_request, transport) {
		const names = await recordTypeNames(this, transport);
		return toItems(
			names.map((name) => ({ name, custom: /^customrecord/i.test(name) })),
			this.getItemIndex(),
		);
	},
});
