/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests, emulator, scripts), never inside n8n */
// Script deployments as an administrator sets them up: which script file runs after saves of
// which record types, with which parameters, and the API Secrets the account holds.
import path from 'node:path';

export const SUITESCRIPT_DIR = path.resolve(__dirname, '../../../suitescript');
export const WEBHOOK_SCRIPT = path.join(SUITESCRIPT_DIR, 'n8n_webhook_ue.js');

export interface ScriptDeployment {
	/** Script file; defaults to the shipped webhook script. */
	file?: string;
	/** REST record type names, any case ('customer', 'salesOrder'). */
	recordTypes: string[];
	/** Script parameters by ID, e.g. { custscript_n8n_webhook_url: '…' }. */
	params: Record<string, string>;
	/** Deployment ID, for the execution log (default customdeploy_<n>). */
	id?: string;
}

export interface ScriptTimeouts {
	/** NetSuite gives up connecting after 5 s … */
	connectMs: number;
	/** … and waiting for the answer after 45 s. */
	requestMs: number;
}

export const NETSUITE_TIMEOUTS: ScriptTimeouts = { connectMs: 5_000, requestMs: 45_000 };

/** Throws a message naming the field when a deployment cannot be used. */
export function checkDeployment(value: unknown): ScriptDeployment {
	const d = value as Partial<ScriptDeployment> | null;
	if (!d || typeof d !== 'object') throw new Error('A script deployment must be an object');
	if (
		!Array.isArray(d.recordTypes) ||
		!d.recordTypes.length ||
		!d.recordTypes.every((t) => typeof t === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t))
	) {
		throw new Error('deployment.recordTypes must be a non-empty list of record type names');
	}
	if (!d.params || typeof d.params !== 'object' || !Object.values(d.params).every((v) => typeof v === 'string')) {
		throw new Error('deployment.params must map parameter IDs to strings');
	}
	if (d.file !== undefined && typeof d.file !== 'string') throw new Error('deployment.file must be a path');
	return { recordTypes: d.recordTypes, params: d.params, file: d.file, id: d.id };
}
