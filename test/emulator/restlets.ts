// A few deployed RESTlets: echo, a file download and a multipart upload receiver.
import { createHash } from 'node:crypto';

import { MAX_JSON_DEPTH, parseJson } from './json';
import type { EmulatorRequest, EmulatorResponse } from './types';

const restletError = (code: string, message: string): EmulatorResponse => ({
	status: 400,
	headers: { 'content-type': 'application/json' },
	body: { error: { code, message } },
});

/** A tiny but real PDF, so binary downloads can be checked byte for byte. */
export const DEMO_PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
	'latin1',
);

interface Part {
	name?: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

function parseMultipart(body: Buffer, contentType: string): Part[] {
	const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
	if (!boundary) return [];
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: Part[] = [];
	let start = body.indexOf(delimiter);
	while (start >= 0) {
		const next = body.indexOf(delimiter, start + delimiter.length);
		if (next < 0) break;
		const chunk = body.subarray(start + delimiter.length + 2, next - 2);
		const split = chunk.indexOf('\r\n\r\n');
		if (split >= 0) {
			const head = chunk.subarray(0, split).toString('utf8');
			parts.push({
				name: /name="([^"]*)"/i.exec(head)?.[1],
				filename: /filename="([^"]*)"/i.exec(head)?.[1],
				contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1],
				data: chunk.subarray(split + 4),
			});
		}
		start = next;
	}
	return parts;
}

export function restlet(req: EmulatorRequest): EmulatorResponse {
	const script = req.query.get('script');
	const deploy = req.query.get('deploy');
	if (!deploy) return restletError('SSS_MISSING_REQD_ARGUMENT', 'deploy is required.');
	const contentType = String(req.headers['content-type'] ?? '');
	switch (script) {
		case '1':
		case 'customscript_echo': {
			const query: Record<string, string> = {};
			for (const [k, v] of req.query) if (k !== 'script' && k !== 'deploy') query[k] = v;
			let body: unknown = req.body.toString('utf8');
			if (contentType.includes('json') && typeof body === 'string' && body) {
				const parsed = parseJson(body);
				if ('error' in parsed)
					return parsed.error === 'depth'
						? restletError('SYNTAX_ERROR', `SyntaxError: JSON nested deeper than ${MAX_JSON_DEPTH} levels`)
						: restletError('SYNTAX_ERROR', 'SyntaxError: Unexpected token in JSON');
				body = parsed.value;
			}
			return { status: 200, body: { method: req.method, query, body, contentType } };
		}
		case '2':
		case 'customscript_file':
			return {
				status: 200,
				headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="invoice-INV-2001.pdf"' },
				body: DEMO_PDF,
			};
		case '3':
		case 'customscript_upload': {
			if (req.method !== 'POST') return restletError('SSS_INVALID_HTTP_METHOD', 'Use POST.');
			const parts = parseMultipart(req.body, contentType).map((p) => ({
				name: p.name,
				fileName: p.filename,
				contentType: p.contentType,
				size: p.data.length,
				sha256: createHash('sha256').update(p.data).digest('hex'),
				value: p.filename ? undefined : p.data.toString('utf8'),
			}));
			return { status: 200, body: { received: parts } };
		}
		default:
			return restletError('SSS_INVALID_SCRIPTLET_ID', 'That Suitelet is invalid, disabled, or no longer exists.');
	}
}
