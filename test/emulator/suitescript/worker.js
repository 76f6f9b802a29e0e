// Runs a shipped SuiteScript file in a worker thread, inside a small shim of NetSuite's AMD
// `define` and the N/ modules it uses. Plain JavaScript on purpose: a worker loads files with
// Node itself, not through ts-jest. N/https is synchronous in SuiteScript, so a post blocks
// this thread (Atomics.wait) while the main thread does the HTTP request: the emulator's
// event loop keeps serving, as NetSuite's does while one save waits on a script.
'use strict';
const { parentPort, workerData, receiveMessageOnPort } = require('node:worker_threads');
const { createHmac } = require('node:crypto');
const { readFileSync } = require('node:fs');
const vm = require('node:vm');

const { httpPort, signal } = workerData;
const flag = new Int32Array(signal);

class SuiteScriptError extends Error {
	constructor(name, message) {
		super(message);
		this.name = name;
	}
}

const Encoding = {
	UTF_8: 'UTF_8',
	BASE_16: 'BASE_16',
	BASE_32: 'BASE_32',
	BASE_64: 'BASE_64',
	BASE_64_URL_SAFE: 'BASE_64_URL_SAFE',
	HEX: 'HEX',
};
const NODE_ENCODING = { UTF_8: 'utf8', HEX: 'hex', BASE_16: 'hex', BASE_64: 'base64', BASE_64_URL_SAFE: 'base64url' };
const HashAlg = { SHA1: 'SHA1', SHA256: 'SHA256', SHA512: 'SHA512', MD5: 'MD5' };

function modules(job, logs) {
	const httpCall = (method, options) => {
		if (!options || !options.url) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: url');
		Atomics.store(flag, 0, 0);
		httpPort.postMessage({
			method,
			url: options.url,
			headers: options.headers || {},
			body: options.body == null ? '' : String(options.body),
		});
		// The main thread enforces NetSuite's timeouts; this bound only guards against a lost answer.
		Atomics.wait(flag, 0, 0, job.timeouts.requestMs + job.timeouts.connectMs + 5000);
		const answer = receiveMessageOnPort(httpPort);
		if (!answer)
			throw new SuiteScriptError(
				'SSS_REQUEST_TIME_EXCEEDED',
				'The host you are trying to connect to has exceeded the maximum allowed response time.',
			);
		if (answer.message.error) throw new SuiteScriptError(answer.message.error.name, answer.message.error.message);
		return { code: answer.message.code, body: answer.message.body, headers: answer.message.headers };
	};
	const https = {
		Method: { GET: 'GET', POST: 'POST', PUT: 'PUT', DELETE: 'DELETE', HEAD: 'HEAD' },
		get: (o) => httpCall('GET', o),
		post: (o) => httpCall('POST', o),
		put: (o) => httpCall('PUT', o),
		delete: (o) => httpCall('DELETE', o),
		request: (o) => httpCall(String(o.method || 'GET'), o),
	};
	const runtime = {
		accountId: job.accountId,
		executionContext: job.executionContext,
		ContextType: { USER_INTERFACE: 'USERINTERFACE', REST_WEBSERVICES: 'RESTWEBSERVICES', CSV_IMPORT: 'CSVIMPORT', SUITELET: 'SUITELET' },
		getCurrentUser: () => ({ id: job.userId, role: 3 }),
		getCurrentScript: () => ({
			id: job.scriptId,
			deploymentId: job.deploymentId,
			getParameter: ({ name }) => (Object.prototype.hasOwnProperty.call(job.params, name) ? job.params[name] : null),
			getRemainingUsage: () => 1000,
		}),
	};
	const entry = (level) => (a, b) => {
		const o = typeof a === 'object' && a !== null ? a : { title: a, details: b };
		logs.push({
			level,
			title: String(o.title ?? ''),
			details: typeof o.details === 'string' ? o.details : JSON.stringify(o.details ?? ''),
		});
	};
	const log = { debug: entry('DEBUG'), audit: entry('AUDIT'), error: entry('ERROR'), emergency: entry('EMERGENCY') };
	const crypto = {
		HashAlg,
		Encoding,
		createSecretKey(options) {
			if (!options || (!options.secret && !options.guid))
				throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: secret');
			return { secret: options.secret, guid: options.guid, encoding: options.encoding || Encoding.UTF_8 };
		},
		createHmac({ algorithm, key }) {
			// NetSuite resolves the API Secret by its script ID at use; the script never sees the value.
			const value = job.secrets[key && key.secret];
			if (value === undefined)
				throw new SuiteScriptError(
					'INVALID_SECRET_KEY',
					`No API secret with the script ID ${key && key.secret} is available to this script.`,
				);
			const hmac = createHmac(String(algorithm).toLowerCase(), value);
			return {
				update({ input, inputEncoding }) {
					hmac.update(String(input), NODE_ENCODING[inputEncoding || Encoding.UTF_8] || 'utf8');
				},
				// NetSuite's HEX output is upper case; a script that compares must normalise.
				digest({ outputEncoding }) {
					const out = hmac.digest(NODE_ENCODING[outputEncoding || Encoding.HEX] || 'hex');
					return outputEncoding === Encoding.HEX || !outputEncoding ? out.toUpperCase() : out;
				},
			};
		},
	};
	return { 'N/https': https, 'N/runtime': runtime, 'N/log': log, 'N/crypto': crypto, 'N/encode': { Encoding } };
}

/** Evaluates the file with a `define` that hands the listed N/ modules to its factory. */
function load(file, mods) {
	let exported;
	const define = (deps, factory) => {
		if (typeof deps === 'function') [deps, factory] = [[], deps];
		exported = factory(
			...deps.map((name) => {
				if (!(name in mods)) throw new SuiteScriptError('MODULE_DOES_NOT_EXIST', `Module does not exist: ${name}`);
				return mods[name];
			}),
		);
	};
	vm.runInNewContext(readFileSync(file, 'utf8'), { define, Date, JSON, Math, String, Number, Object, Array, Error }, { filename: file });
	return exported;
}

function record(type, id, row) {
	return {
		type,
		id,
		getValue({ fieldId }) {
			const value = row ? row[String(fieldId).toLowerCase()] : undefined;
			if (typeof value === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value)) return new Date(`${value.replace(' ', 'T')}Z`);
			return value ?? '';
		},
	};
}

parentPort.on('message', (job) => {
	const logs = [];
	let error;
	try {
		const entryPoints = load(job.file, modules(job, logs));
		const ctx = job.context;
		const UserEventType = { CREATE: 'create', EDIT: 'edit', XEDIT: 'xedit', DELETE: 'delete' };
		const context = {
			type: ctx.type,
			UserEventType,
			newRecord: record(ctx.recordType, ctx.id, ctx.newRow),
			oldRecord: ctx.oldRow ? record(ctx.recordType, ctx.id, ctx.oldRow) : null,
		};
		if (entryPoints && typeof entryPoints.afterSubmit === 'function') entryPoints.afterSubmit(context);
	} catch (e) {
		// An uncaught error in afterSubmit is what NetSuite would show the user: report it.
		error = { name: e && e.name, message: e && e.message };
	}
	parentPort.postMessage({ logs, error });
});
