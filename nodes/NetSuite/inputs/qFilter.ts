// The List filter: built from rows (field, operator, value) or typed as NetSuite's q.
import { NodeOperationError, type IExecuteSingleFunctions } from 'n8n-workflow';

interface Condition {
	field: string;
	operator: string;
	value?: string;
}

const NO_VALUE = new Set(['EMPTY', 'EMPTY_NOT']);
const LIST = new Set(['ANY_OF', 'ANY_OF_NOT', 'BETWEEN', 'BETWEEN_NOT']);

function quote(value: string): string {
	if (/^-?\d+(\.\d+)?$/.test(value) || /^(true|false)$/i.test(value)) return value;
	return `"${value.replace(/"/g, '\\"')}"`;
}

export function conditionToQ(c: Condition): string {
	const field = c.field.trim();
	if (NO_VALUE.has(c.operator)) return `${field} ${c.operator}`;
	const value = String(c.value ?? '').trim();
	if (LIST.has(c.operator))
		return `${field} ${c.operator} [${value
			.split(',')
			.map((v) => quote(v.trim()))
			.join(', ')}]`;
	return `${field} ${c.operator} ${quote(value)}`;
}

export function buildQ(ctx: IExecuteSingleFunctions): string | undefined {
	const mode = ctx.getNodeParameter('filterMode', 'none') as string;
	if (mode === 'q') {
		const q = String(ctx.getNodeParameter('q', '') ?? '').trim();
		return q || undefined;
	}
	if (mode !== 'builder') return undefined;
	const conditions = (ctx.getNodeParameter('filters', {}) as { condition?: Condition[] }).condition ?? [];
	const invalid = conditions.find((c) => !/^[A-Za-z][A-Za-z0-9_.]*$/.test(c.field?.trim() ?? ''));
	if (invalid)
		throw new NodeOperationError(
			ctx.getNode(),
			`Filter field "${invalid.field ?? ''}" is not a field ID (for example email or custentity_region)`,
			{ itemIndex: ctx.getItemIndex() },
		);
	if (!conditions.length) return undefined;
	const combinator = ctx.getNodeParameter('combinator', 'AND') as string;
	return conditions.map(conditionToQ).join(` ${combinator === 'OR' ? 'OR' : 'AND'} `);
}

export const Q_OPERATORS = [
	'ANY_OF',
	'AFTER',
	'BEFORE',
	'BETWEEN',
	'CONTAIN',
	'EMPTY',
	'EMPTY_NOT',
	'END_WITH',
	'EQUAL',
	'EQUAL_NOT',
	'GREATER',
	'GREATER_OR_EQUAL',
	'IS',
	'IS_NOT',
	'LESS',
	'LESS_OR_EQUAL',
	'ON',
	'ON_OR_AFTER',
	'ON_OR_BEFORE',
	'START_WITH',
] as const;

/** What the editor shows for each q operator (Oracle's REST filtering page lists the tokens). */
export const Q_OPERATOR_WORDS: Record<(typeof Q_OPERATORS)[number], string> = {
	ANY_OF: 'Is Any Of',
	AFTER: 'Is After',
	BEFORE: 'Is Before',
	BETWEEN: 'Is Between',
	CONTAIN: 'Contains',
	EMPTY: 'Is Empty',
	EMPTY_NOT: 'Is Not Empty',
	END_WITH: 'Ends With',
	EQUAL: 'Is Equal To',
	EQUAL_NOT: 'Is Not Equal To',
	GREATER: 'Is Greater Than',
	GREATER_OR_EQUAL: 'Is Greater Than or Equal To',
	IS: 'Is',
	IS_NOT: 'Is Not',
	LESS: 'Is Less Than',
	LESS_OR_EQUAL: 'Is Less Than or Equal To',
	ON: 'Is On',
	ON_OR_AFTER: 'Is On or After',
	ON_OR_BEFORE: 'Is On or Before',
	START_WITH: 'Starts With',
};
