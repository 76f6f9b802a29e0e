// NetSuite's error envelope, as the REST web services send it.
import type { EmulatorResponse } from './types';

const TITLES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	415: 'Unsupported Media Type',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	503: 'Service Unavailable',
};

export interface ErrorDetailExtras {
	'o:errorPath'?: string;
	'o:errorQueryParam'?: string;
	'o:errorHeader'?: string;
}

export function nsError(
	status: number,
	errorCode: string,
	detail: string,
	extras: ErrorDetailExtras = {},
	headers: Record<string, string> = {},
): EmulatorResponse {
	return {
		status,
		headers: { 'content-type': 'application/vnd.oracle.resource+json; type=error', ...headers },
		body: {
			type: `https://www.rfc-editor.org/rfc/rfc9110.html#section-15.${status >= 500 ? '6' : '5'}.${(status % 100) + 1}`,
			title: TITLES[status] ?? 'Error',
			status,
			'o:errorDetails': [{ detail, 'o:errorCode': errorCode, ...extras }],
		},
	};
}

export const invalidLogin = (): EmulatorResponse =>
	nsError(
		401,
		'INVALID_LOGIN',
		'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.',
		{},
		{ 'www-authenticate': 'OAuth realm="NetSuite", Bearer' },
	);
