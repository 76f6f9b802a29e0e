/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- runs in Node (tests, emulator, scripts), never inside n8n */
// `npm run emulator -- [options]`: NetSuite on 127.0.0.1, ready line on stdout as JSON.
import { startEmulator } from './index';
import { checkDeployment } from './suitescript/deployments';
import type { EmulatorOptions } from './types';

const OPTIONS: Record<string, { key: keyof EmulatorOptions; min: number; max: number; integer: boolean }> = {
	'--port': { key: 'port', min: 0, max: 65535, integer: true },
	'--concurrency': { key: 'concurrency', min: 1, max: 1000, integer: true },
	'--latency-ms': { key: 'latencyMs', min: 0, max: 60_000, integer: true },
	'--error-rate': { key: 'errorRate', min: 0, max: 1, integer: false },
	'--seed-customers': { key: 'seedCustomers', min: 0, max: 5_000_000, integer: true },
	'--token-ttl': { key: 'tokenTtlSeconds', min: 1, max: 86_400, integer: true },
	'--retry-after': { key: 'retryAfterSeconds', min: 0, max: 3600, integer: true },
	'--handshake-delay-ms': { key: 'handshakeDelayMs', min: 0, max: 60_000, integer: true },
	'--async-processors': { key: 'asyncProcessors', min: 1, max: 1000, integer: true },
	'--async-job-ms': { key: 'asyncJobMs', min: 0, max: 600_000, integer: true },
};

/** Switches that take no value. */
const FLAGS: Record<string, (options: EmulatorOptions) => void> = {
	'--https': (options) => (options.https = true),
};

/** Options that take text: a User Event script deployment (JSON) and an API secret (id=value). */
const TEXT_OPTIONS: Record<string, (options: EmulatorOptions, raw: string) => void> = {
	'--deployment': (options, raw) => {
		let parsed: unknown;
		try {
			parsed = JSON.parse(raw);
		} catch {
			throw new Error(
				`--deployment needs JSON like {"recordTypes":["customer"],"params":{"custscript_n8n_webhook_url":"…"}}, got ${JSON.stringify(raw)}`,
			);
		}
		options.deployments = [...(options.deployments ?? []), checkDeployment(parsed)];
	},
	'--secret': (options, raw) => {
		const at = raw.indexOf('=');
		if (at < 1 || !/^custsecret_[a-z0-9_]+$/i.test(raw.slice(0, at))) throw new Error('--secret needs custsecret_<id>=<value>');
		options.secrets = { ...options.secrets, [raw.slice(0, at)]: raw.slice(at + 1) };
	},
};

export function parseArgs(argv: string[]): EmulatorOptions {
	const options: EmulatorOptions = { port: 8787 };
	for (let i = 0; i < argv.length; i++) {
		const eq = argv[i].indexOf('=');
		const [name, inline] = argv[i].startsWith('--') && eq > 0 ? [argv[i].slice(0, eq), argv[i].slice(eq + 1)] : [argv[i], undefined];
		if (FLAGS[name]) {
			if (inline !== undefined) throw new Error(`${name} takes no value`);
			FLAGS[name](options);
			continue;
		}
		const text = TEXT_OPTIONS[name];
		if (text) {
			const raw = inline ?? argv[++i];
			if (raw === undefined) throw new Error(`${name} needs a value`);
			text(options, raw);
			continue;
		}
		const spec = OPTIONS[name];
		if (!spec)
			throw new Error(
				`Unknown option ${name}. Options: ${[...Object.keys(OPTIONS), ...Object.keys(TEXT_OPTIONS), ...Object.keys(FLAGS)].join(', ')}`,
			);
		const raw = inline ?? argv[++i];
		const value = Number(raw);
		if (
			raw === undefined ||
			raw === '' ||
			Number.isNaN(value) ||
			value < spec.min ||
			value > spec.max ||
			(spec.integer && !Number.isInteger(value))
		) {
			throw new Error(
				`${name} needs ${spec.integer ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max}, got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`,
			);
		}
		(options as Record<string, number>)[spec.key] = value;
	}
	return options;
}

async function main(): Promise<void> {
	let options: EmulatorOptions;
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`emulator: ${(error as Error).message}\n`);
		process.exit(2);
	}
	const emulator = await startEmulator(options);
	process.stdout.write(`${JSON.stringify(emulator.credentials)}\n`);
	const stop = () => {
		void emulator.stop().then(() => process.exit(0));
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

if (require.main === module) void main();
