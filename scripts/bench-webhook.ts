/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- runs in Node (tests, emulator, scripts), never inside n8n */
// `npm run bench:webhook`: what the instant trigger costs a NetSuite save, and how soon the
// trigger has its item. The emulator runs the shipped script; the trigger's webhook() runs with
// n8n-core's contexts in this process (test/nodes/webhookTrigger/pushRig.ts), so the figures
// leave out n8n's own HTTP stack and workflow start (the e2e test prints those). Prints; asserts nothing.
import { startEmulator, type RunningEmulator } from '../test/emulator';
import { tbaFetch } from '../test/emulator/testClient';
import { PushRig } from '../test/nodes/webhookTrigger/pushRig';

const SAVES = Number(process.env.BENCH_SAVES ?? 100);

const percentile = (values: number[], p: number) =>
	[...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const line = (label: string, values: number[]) =>
	`${label.padEnd(44)} median ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;

async function saves(
	emulator: RunningEmulator,
	label: string,
	onSaved?: () => number | undefined,
): Promise<{ save: number[]; item: number[] }> {
	const save: number[] = [];
	const item: number[] = [];
	for (let i = 0; i < SAVES; i++) {
		const started = performance.now();
		const res = await tbaFetch(emulator, 'POST', '/services/rest/record/v1/customer', {
			body: JSON.stringify({ companyName: `${label} ${i}`, subsidiary: { id: '1' } }),
		});
		if (res.status !== 204) throw new Error(`save answered ${res.status}`);
		save.push(performance.now() - started);
		const at = onSaved?.();
		if (at !== undefined) item.push(at - started);
	}
	return { save, item };
}

async function main(): Promise<void> {
	const emulator = await startEmulator();
	console.log(`${SAVES} customer creates per case, one at a time, emulator latency 0\n`);

	await saves(emulator, 'warm-up');
	const plain = await saves(emulator, 'no script');
	console.log(line('no script deployed: save', plain.save));

	const rig = new PushRig(emulator);
	await rig.start();
	rig.deployScript();
	let itemAt: number | undefined;
	const push = rig.call.bind(rig);
	rig.call = async (request) => {
		const outcome = await push(request);
		if (outcome.items.length) itemAt = performance.now();
		return outcome;
	};
	const pushed = await saves(emulator, 'pushed', () => itemAt);
	console.log(line('script posting to the trigger: save', pushed.save));
	console.log(line('script posting to the trigger: save -> item', pushed.item));
	console.log(`  items: ${rig.executions.length} for ${SAVES} saves`);

	await rig.stop();
	const down = await saves(emulator, 'down');
	console.log(line('script, n8n down (connection refused): save', down.save));
	console.log(`  execution log errors: ${emulator.scripts.log.filter((l) => l.level === 'ERROR').length} for ${SAVES} saves`);

	await emulator.stop();
}

void main();
