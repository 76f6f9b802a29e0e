// Loads the built package from a folder with no node_modules: only node builtins and
// n8n-workflow (which n8n provides) may be required. Prints what it found as JSON.
const Module = require('node:module');
const path = require('node:path');

const [packageDir, repoDir] = process.argv.slice(2);
const provided = new Set(['n8n-workflow']);
const refused = [];
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
	const fromPackage = parent && parent.filename && parent.filename.startsWith(packageDir);
	if (!fromPackage || Module.isBuiltin(request) || request.startsWith('.') || path.isAbsolute(request)) {
		return resolve.call(this, request, parent, ...rest);
	}
	if (provided.has(request)) return resolve.call(this, request, parent, false, { paths: [repoDir] });
	refused.push(request);
	throw new Error(`not bundled: ${request}`);
};

(async () => {
	const pkg = require(path.join(packageDir, 'package.json'));
	const loaded = {};
	for (const file of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
		const exported = require(path.join(packageDir, file));
		const className = path.basename(file).split('.')[0];
		const instance = new exported[className]();
		loaded[file] = instance.description ? instance.description.name : instance.name;
	}
	const { NetSuiteTbaApi } = require(path.join(packageDir, 'dist/credentials/NetSuiteTbaApi.credentials.js'));
	const signed = await new NetSuiteTbaApi().authenticate(
		{ accountId: '1234567', consumerKey: 'ck', consumerSecret: 'cs', tokenId: 'ti', tokenSecret: 'ts' },
		{ method: 'GET', url: '/services/rest/record/v1/customer', qs: { limit: 1 } },
	);
	const { NetSuiteClientCredentialsApi } = require(path.join(packageDir, 'dist/credentials/NetSuiteClientCredentialsApi.credentials.js'));
	let assertion;
	const helpers = {
		helpers: {
			httpRequest: async (options) => {
				assertion = new URLSearchParams(options.body).get('client_assertion');
				return { access_token: 'at' };
			},
		},
	};
	const token = await new NetSuiteClientCredentialsApi().preAuthentication.call(helpers, {
		accountId: '1234567',
		consumerKey: 'ck',
		certificateId: 'kid',
		algorithm: 'ES256',
		privateKey: process.env.TEST_EC_KEY,
	});
	process.stdout.write(JSON.stringify({ loaded, refused, url: signed.url, authorization: signed.headers.Authorization, assertion, token }));
})().catch((error) => {
	process.stdout.write(JSON.stringify({ error: error.message, refused }));
});
