// Record > Attach: a contact (with a role) or a File Cabinet file attached to a record.
import { fillPath } from '../../inputs/path';
import type { Operation, Resource } from '../../operation';
import { ID } from '../../tool/words';
import { attachmentFields, attachmentUrl, runAttachment, sendContactRole } from './attachment';

export const attach = (resource: Resource): Operation => ({
	value: 'attach',
	name: 'Attach',
	action: 'Attach a contact or file to a record',
	description: 'Attach a contact (with an optional role) or a File Cabinet file to a record',
	toolDescription: `Attach a NetSuite contact or File Cabinet file to a record: give the record type and ID, attachType contact or file, and the contact's or file's ID. A contact attaches to entity records (customer, vendor, partner, …) and may get a contact role (contactRole, e.g. -10 for Primary Contact); a file attaches to any record but a custom record. ${ID}`,
	writes: true,
	request: { method: 'POST', url: attachmentUrl('!attach') },
	preSend: [fillPath(resource), sendContactRole],
	fields: attachmentFields(true),
	async run(request, transport) {
		return await runAttachment(this, '!attach', request, transport);
	},
});
