// n8n's strict mode wants eslint.config.mjs to be n8n's one-liner, and that config lints every
// *.ts under the project with the rules for code that runs inside n8n (no `process`, no `node:fs`,
// no console...). Tests, the emulator and the scripts run in plain Node, so each such file names,
// in one header line, exactly the n8n-runtime rules it is exempt from. This script writes that
// line from what ESLint reports (run it after adding a test that needs Node: `npm run lint:headers`).
// It only ever exempts the rules below, and only under test/ and scripts/; any other report stays.
import { ESLint } from 'eslint';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const EXEMPT = new Set([
	'@n8n/community-nodes/no-restricted-globals',
	'@n8n/community-nodes/no-restricted-imports',
	'@n8n/community-nodes/no-dangerous-functions',
	'@n8n/community-nodes/no-hardcoded-secrets',
	'@n8n/community-nodes/require-node-api-error',
	'@n8n/community-nodes/node-usable-as-tool',
	'no-console',
]);
const MARK = '/* eslint-disable ';
const REASON = ' -- runs in Node (tests, emulator, scripts), never inside n8n */';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function stripHeader(text) {
	const first = text.split('\n', 1)[0];
	return first.startsWith(MARK) && first.endsWith(REASON) ? text.slice(first.length + 1) : text;
}

const files = process.argv.slice(2).length ? process.argv.slice(2) : ['test/**/*.ts', 'scripts/**/*.ts'];
const eslint = new ESLint({ cwd: root });
// Lint the files without their header, so a rule no longer needed is dropped from it.
let changed = 0;
for (const result of await eslint.lintFiles(files)) {
	const rel = path.relative(root, result.filePath);
	if (!/^(test|scripts)\//.test(rel)) continue;
	const original = readFileSync(result.filePath, 'utf8');
	const body = stripHeader(original);
	const [bare] = await eslint.lintText(body, { filePath: result.filePath });
	const rules = [...new Set(bare.messages.map((m) => m.ruleId).filter((id) => EXEMPT.has(id)))].sort();
	const next = rules.length ? `${MARK}${rules.join(', ')}${REASON}\n${body}` : body;
	if (next !== original) {
		writeFileSync(result.filePath, next);
		changed++;
		console.log(`${rel}: ${rules.length ? rules.map((r) => r.replace('@n8n/community-nodes/', '')).join(', ') : 'no header'}`);
	}
}
console.log(`${changed} file(s) updated`);
