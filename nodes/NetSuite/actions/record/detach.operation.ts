// Record > Detach: a contact or a File Cabinet file detached from a record.
import { fillPath } from '../../inputs/path';
import type { Operation, Resource } from '../../operation';
import { ID } from '../../tool/words';
import { attachmentFields, attachmentUrl, runAttachment } from './attachment';

export const detach = (resource: Resource): Operation => ({
	value: 'detach',
	name: 'Detach',
	action: 'Detach a contact or file from a record',
	description: 'Detach a contact or a File Cabinet file from a record',
	toolDescription: `Detach a NetSuite contact or File Cabinet file from a record: give the record type and ID, attachType contact or file, and the contact's or file's ID. The contact or file itself stays. ${ID}`,
	writes: true,
	request: { method: 'POST', url: attachmentUrl('!detach') },
	preSend: [fillPath(resource)],
	fields: attachmentFields(false),
	async run(request, transport) {
		return await runAttachment(this, '!detach', request, transport);
	},
});
