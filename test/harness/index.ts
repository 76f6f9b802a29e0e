// Run nodes in tests the way n8n runs them (n8n-core's execution engine, real HTTP).
export { runNode, type RunNodeOptions, type RunNodeResult } from './runNode';
export { ActivePoller, runPoll, type RunPollOptions, type RunPollResult } from './runPoll';
export { runListSearch, runLoadOptions } from './runMethod';
export { TestCredentialsHelper, type TestCredential } from './credentialsHelper';
export { PollLifecycle } from './pollLifecycle';
