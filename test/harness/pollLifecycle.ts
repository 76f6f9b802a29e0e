// An active workflow with one polling trigger, with n8n 2.40's rule for its static data
// (durable poll cursors off, the default). Read in n8n 2.40.7:
// - `n8n/dist/workflows/triggers/trigger-execution-context.factory.js`, getExecutePollFunctions:
//   `__emit` (a poll that returned items) calls WorkflowStaticDataService.saveStaticData;
//   `__commitCursor` (a poll that returned null) writes only a staged durable cursor, which
//   exists only when durable cursors are on;
// - `n8n-core/dist/execution-engine/poll-trigger-executor.js`: null → commitStagedCursor, which
//   is a no-op without `__commitCursor` work to do;
// - `n8n-core/dist/execution-engine/active-workflow-triggers.js`, activatePollTrigger: activation
//   awaits one poll, and `n8n/dist/active-workflow-manager.js` add() saves static data after it.
// So the in-memory static data runs ahead of the database after a poll that emits nothing,
// and a restart (re-activation) starts from the database copy.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runPoll, type RunPollOptions } from './runPoll';

const json = (data: IDataObject): IDataObject => JSON.parse(JSON.stringify(data)) as IDataObject;

export class PollLifecycle {
	/** What the next scheduled poll starts from (the workflow in memory). */
	memory: IDataObject = {};
	/** What n8n's database holds. */
	saved: IDataObject = {};

	constructor(private readonly options: Omit<RunPollOptions, 'staticData' | 'mode'>) {}

	/** Activation (first, or after a restart): one poll, then static data is saved whatever it returned. */
	async activate(parameters: INodeParameters = {}): Promise<IDataObject[]> {
		this.memory = json(this.saved);
		const items = await this.run(parameters);
		this.saved = json(this.memory);
		return items;
	}

	/** A scheduled poll: static data is saved only when it emits items. */
	async poll(parameters: INodeParameters = {}): Promise<IDataObject[]> {
		const items = await this.run(parameters);
		if (items.length) this.saved = json(this.memory);
		return items;
	}

	/** n8n stops and starts again: the database copy is all that survives; activation polls once. */
	async restart(parameters: INodeParameters = {}): Promise<IDataObject[]> {
		return await this.activate(parameters);
	}

	private async run(parameters: INodeParameters): Promise<IDataObject[]> {
		const result = await runPoll({ ...this.options, parameters: { ...this.options.parameters, ...parameters }, staticData: this.memory });
		this.memory = result.staticData;
		return (result.items ?? ([] as INodeExecutionData[])).map((i) => i.json);
	}
}
