// Sales orders and invoices: list and get, the generic record operations on a fixed type.
import type { INodeProperties } from 'n8n-workflow';

import { RECORD_BASE_PATH } from '../../shared/auth/account';
import { netSuiteRouting } from '../routing';
import { getRecord, listRecords } from '../runners/records';
import { getOptionsField, listFields, operation, operationsField, recordIdField } from './common';

function readOnlyResource(resource: string, recordType: string, singular: string, plural: string): INodeProperties[] {
	const on = (...operations: string[]) => ({ show: { resource: [resource], operation: operations } });
	const path = `${RECORD_BASE_PATH}/${recordType}`;
	return [
		operationsField(
			resource,
			[
				operation('Get', 'get', `Get ${singular}`, `Get ${singular} by internal or external ID`, netSuiteRouting('GET', path, getRecord)),
				operation('List', 'list', `List ${plural}`, `List ${plural}, optionally filtered`, netSuiteRouting('GET', path, listRecords)),
			],
			'get',
		),
		recordIdField(on('get'), `${singular.replace(/^an? /, '').replace(/^./, (c) => c.toUpperCase())} ID`),
		getOptionsField(on('get')),
		...listFields(on('list')),
	];
}

export const salesOrderDescription = readOnlyResource('salesOrder', 'salesOrder', 'a sales order', 'sales orders');
export const invoiceDescription = readOnlyResource('invoice', 'invoice', 'an invoice', 'invoices');
