// The NetSuite Trigger as an active n8n workflow against the emulator: n8n-core's PollContext
// runs poll(), static data is kept and saved as n8n 2.40 does (PollLifecycle), and records are
// written over the emulator's REST service. Each poll comes a minute after the previous one,
// as n8n's shortest interval has it.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { NetSuiteTrigger } from '../../../nodes/NetSuiteTrigger/NetSuiteTrigger.node';
import type { RunningEmulator } from '../../emulator';
import { tbaFetch } from '../../emulator/testClient';
import { PollLifecycle, runPoll } from '../../harness';
import { credentialsFor } from '../credentials';

export const recordTypeParam = (value: string) => ({ __rl: true, mode: 'id', value });
const MINUTE = 60_000;

export class TriggerSession {
	readonly n8n: PollLifecycle;

	constructor(
		private readonly emulator: RunningEmulator,
		private readonly parameters: INodeParameters = {},
	) {
		this.n8n = new PollLifecycle({
			nodeType: new NetSuiteTrigger(),
			parameters: this.allParameters(),
			credentials: credentialsFor(emulator),
		});
	}

	/** Activating the workflow (its first poll runs at once). */
	async activate(): Promise<IDataObject[]> {
		return await this.n8n.activate();
	}

	/** One scheduled poll, a minute after the previous one. */
	async poll(): Promise<IDataObject[]> {
		this.minuteLater();
		return await this.n8n.poll();
	}

	/** A scheduled poll in the very second of the changes just made (the test moved the clock on before them). */
	async pollNow(): Promise<IDataObject[]> {
		return await this.n8n.poll();
	}

	minuteLater(): void {
		this.emulator.clock.advance(MINUTE);
	}

	/** Polls until one returns nothing: a change is emitted once its second is settled (at most two polls). */
	async pollAll(): Promise<IDataObject[]> {
		const items: IDataObject[] = [];
		for (let quiet = 0; quiet < 2;) {
			const batch = await this.poll();
			items.push(...batch);
			quiet = batch.length ? 0 : quiet + 1;
		}
		return items;
	}

	async restart(): Promise<IDataObject[]> {
		this.emulator.clock.advance(MINUTE);
		return await this.n8n.restart();
	}

	/** The editor's test step: a fresh copy of the workflow, nothing kept. */
	async testStep(parameters: INodeParameters = {}): Promise<IDataObject[]> {
		const result = await runPoll({
			nodeType: new NetSuiteTrigger(),
			parameters: { ...this.allParameters(), ...parameters },
			credentials: credentialsFor(this.emulator),
			staticData: this.n8n.memory,
			mode: 'manual',
		});
		return (result.items ?? []).map((i) => i.json);
	}

	async create(type: string, body: object): Promise<string> {
		const response = await this.send('POST', `/services/rest/record/v1/${type}`, body);
		return response.headers.get('location')!.split('/').pop()!;
	}

	async update(type: string, id: string, body: object): Promise<void> {
		await this.send('PATCH', `/services/rest/record/v1/${type}/${id}`, body);
	}

	/** The record as the REST record service answers it. */
	async get(type: string, id: string): Promise<IDataObject> {
		return (await (await this.send('GET', `/services/rest/record/v1/${type}/${id}`)).json()) as IDataObject;
	}

	async remove(type: string, id: string): Promise<void> {
		await this.send('DELETE', `/services/rest/record/v1/${type}/${id}`);
	}

	/** SuiteQL queries sent since the log was last cleared, with their bound values. */
	sentQueries(): Array<{ q: string; params: unknown[]; rawQuery: string }> {
		return this.emulator.requestLog
			.filter((r) => r.path.endsWith('/suiteql'))
			.map((r) => {
				const body = JSON.parse(r.body) as { q: string; params?: unknown[] };
				return { q: body.q, params: body.params ?? [], rawQuery: r.rawQuery };
			});
	}

	private allParameters(): INodeParameters {
		return { authentication: 'tokenBasedAuth', recordType: recordTypeParam('customer'), ...this.parameters };
	}

	private async send(method: string, path: string, body?: object): Promise<Response> {
		const response = await tbaFetch(
			this.emulator,
			method,
			path,
			body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {},
		);
		if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
		return response;
	}
}
