import { headerValue } from '../../nodes/shared/api/headers';

describe('a header is found whatever the case of its name', () => {
	it('as NetSuite sends it (2.40 keeps the case) and lower-cased (2.8)', () => {
		expect(headerValue({ Location: '/services/rest/record/v1/customer/7' }, 'location')).toBe('/services/rest/record/v1/customer/7');
		expect(headerValue({ location: '/x/8' }, 'Location')).toBe('/x/8');
	});

	it('takes the first of repeated values and says undefined when there is none', () => {
		expect(headerValue({ 'Set-Cookie': ['a=1', 'b=2'] }, 'set-cookie')).toBe('a=1');
		expect(headerValue({ 'Retry-After': 5 }, 'retry-after')).toBe('5');
		expect(headerValue({}, 'location')).toBeUndefined();
		expect(headerValue(undefined, 'location')).toBeUndefined();
		expect(headerValue({ location: null }, 'location')).toBeUndefined();
	});
});
