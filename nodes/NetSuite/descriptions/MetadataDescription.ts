import type { INodeProperties } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../shared/auth/account';
import { netSuiteRouting } from '../routing';
import { getRecordMetadata, listRecordTypes } from '../runners/metadata';
import { operation, operationsField, recordTypeField } from './common';

export const metadataDescription: INodeProperties[] = [
	operationsField(
		'metadata',
		[
			operation('Get Record Metadata', 'getRecordMetadata', 'Get the fields of a record type', 'Get the fields, types, required fields and sublists of a record type', netSuiteRouting('GET', `${RECORD_BASE_PATH}/metadata-catalog`, getRecordMetadata)),
			operation('List Record Types', 'listRecordTypes', 'List record types', 'List the record types of the account', netSuiteRouting('GET', `${RECORD_BASE_PATH}/metadata-catalog`, listRecordTypes)),
		],
		'listRecordTypes',
	),
	recordTypeField({ show: { resource: ['metadata'], operation: ['getRecordMetadata'] } }),
];
