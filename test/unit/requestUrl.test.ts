import { buildRequestUrl, onTheWire } from '../../nodes/shared/api/requestUrl';

describe('the URL a request is signed for is the URL it is sent to', () => {
	const paths = [
		'/customer/eid:ACME 42',
		'/customer/eid:Müller-Ωmega-😀',
		'/customer/eid:A+B',
		'/customer/eid:A%2FB',
		'/customer/eid:50%off',
		'/customer/eid:[x]|^{}`"<>',
		'/x/\u0001\u007f',
	];

	it.each(paths)('%s is already in the form an HTTP client sends, so no client re-encodes it after signing', (path) => {
		const url = buildRequestUrl('https://1234567.suitetalk.api.netsuite.com', `/services/rest/record/v1${path}`, { q: 'name IS "a b+c"' });
		expect(new URL(url).href).toBe(url);
	});

	it('keeps valid escapes, encodes a lone % and everything a path may not carry', () => {
		expect(onTheWire('/a b/%41/50%off/ü/+')).toBe('/a%20b/%41/50%25off/%C3%BC/+');
	});
});
