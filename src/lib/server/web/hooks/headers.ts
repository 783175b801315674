/**
 * Headers every response carries, pages and static files alike. SvelteKit adds its full CSP
 * (with nonces) to the pages it renders; static files get this minimal one.
 */
export const baseHeaders: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
	'permissions-policy':
		'camera=(self), microphone=(self), geolocation=(), payment=(), usb=(), interest-cohort=()',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin',
	'content-security-policy': "frame-ancestors 'none'; object-src 'none'; base-uri 'none'"
};

export const hsts = 'max-age=63072000; includeSubDomains';
