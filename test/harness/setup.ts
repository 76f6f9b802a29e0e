/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// The n8n process-level services n8n-core expects before a node runs, set once per test file.
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';

let done = false;

export function setUpN8n(): void {
	if (done) return;
	done = true;
	const quiet = {
		error() {},
		warn() {},
		info() {},
		debug() {},
		verbose() {},
		scoped() {
			return quiet;
		},
	};
	LoggerProxy.init(quiet as unknown as Parameters<typeof LoggerProxy.init>[0]);
	void Container;
}
