/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- runs in Node (tests, emulator, scripts), never inside n8n */
// Reads a V8 CPU profile (`BENCH_PROFILE=<dir> npm run bench`) and says where the time went,
// charging n8n's work to the package function that asked for it: self time alone shows
// n8n's expression engine or deep copies, not which of our calls made n8n do them.
//   node -r ts-node/register/transpile-only scripts/profileCallers.ts <file.cpuprofile> [rows]
import { readFileSync } from 'node:fs';

interface CallFrame {
	functionName: string;
	url: string;
	lineNumber: number;
}
interface ProfileNode {
	id: number;
	callFrame: CallFrame;
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const [file, rowsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profileCallers.ts <file.cpuprofile> [rows]');
const rows = Number(rowsArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const isPackage = (url: string) => /\/(nodes|credentials)\//.test(url) && !url.includes('node_modules');
function where(frame: CallFrame): string {
	const url = frame.url;
	const nm = url.lastIndexOf('node_modules/');
	const short = nm >= 0 ? url.slice(nm + 'node_modules/'.length) : url.replace(/^.*\/(nodes|credentials|scripts|test)\//, '$1/');
	return `${frame.functionName || '(anonymous)'} ${short.replace(/^file:\/\//, '')}:${frame.lineNumber + 1}`;
}
/** Who owns a frame: the package, the emulator, the bench, an npm package, or V8/node. */
function owner(frame: CallFrame): string {
	const url = frame.url;
	if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
	if (isPackage(url)) return 'package';
	if (url.includes('/test/emulator/')) return 'emulator (same process)';
	if (url.includes('/scripts/') || url.includes('/test/')) return 'bench and harness';
	const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (m) return m[1];
	return 'node internals';
}

const stackOf = (id: number): CallFrame[] => {
	const frames: CallFrame[] = [];
	for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) frames.push(byId.get(cur)!.callFrame);
	return frames; // leaf first
};

const selfByOwner = new Map<string, number>();
const byPackageCaller = new Map<string, number>();
const byN8nEntry = new Map<string, number>();
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
let total = 0;
const stacks = new Map<number, CallFrame[]>();
profile.samples.forEach((id, i) => {
	const us = profile.timeDeltas[i] ?? 0;
	total += us;
	let frames = stacks.get(id);
	if (!frames) stacks.set(id, (frames = stackOf(id)));
	const leaf = frames[0];
	if (leaf.functionName === '(idle)' || leaf.functionName === '(program)') {
		add(selfByOwner, leaf.functionName, us);
		return;
	}
	add(selfByOwner, owner(leaf), us);
	const caller = frames.find((f) => isPackage(f.url));
	if (caller) {
		add(byPackageCaller, where(caller), us);
		return;
	}
	// No package frame on this stack: an async continuation of n8n's engine, the emulator, or GC.
	// Charge it to the outermost frame that is not node's own plumbing.
	const outer = [...frames].reverse().find((f) => f.url && owner(f) !== 'node internals') ?? leaf;
	add(byN8nEntry, `[${owner(outer)}] ${where(outer)}`, us);
});

const busy = total - (selfByOwner.get('(idle)') ?? 0);
const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / busy).toFixed(1).padStart(5)}%`;
function print(title: string, m: Map<string, number>): void {
	console.log(`\n${title}`);
	for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`  ${ms(v)}  ${k}`);
}
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled, ${(busy / 1000).toFixed(0)} ms busy (percentages of busy)`);
print('Self time by owner', selfByOwner);
print('Inclusive time by the innermost package function on the stack (n8n work charged to its caller)', byPackageCaller);
print('Stacks without a package frame, by their outermost frame', byN8nEntry);
