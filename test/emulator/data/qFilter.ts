// NetSuite's collection filter language (`q`), parsed and turned into a SQL WHERE clause
// with bound values: `email START_WITH "a" AND (dateCreated ON_OR_AFTER "1/1/2019" OR id ANY_OF [1, 2])`.
// AND binds tighter than OR.
import type { SqlValue } from 'sql.js';

import { parseOracle } from './dates';
import { column, type RecordTypeDef } from './schema';

export class QError extends Error {}

type Token = { kind: 'word' | 'string' | 'number' | '(' | ')' | '[' | ']' | ','; text: string };

function tokenize(q: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < q.length) {
		const c = q[i];
		if (/\s/.test(c)) {
			i++;
		} else if ('()[],'.includes(c)) {
			tokens.push({ kind: c as Token['kind'], text: c });
			i++;
		} else if (c === '"' || c === "'") {
			const end = q.indexOf(c, i + 1);
			if (end < 0) throw new QError('Unterminated string in q');
			tokens.push({ kind: 'string', text: q.slice(i + 1, end) });
			i = end + 1;
		} else {
			const m = /^[^\s()[\],"']+/.exec(q.slice(i));
			const text = m ? m[0] : c;
			tokens.push({ kind: /^-?\d+(\.\d+)?$/.test(text) ? 'number' : 'word', text });
			i += text.length;
		}
	}
	return tokens;
}

const NO_VALUE = new Set(['EMPTY', 'EMPTY_NOT']);
const LIST = new Set(['ANY_OF', 'ANY_OF_NOT', 'BETWEEN', 'BETWEEN_NOT']);
const COMPARE: Record<string, string> = {
	EQUAL: '=',
	EQUAL_NOT: '<>',
	IS: '=',
	IS_NOT: '<>',
	GREATER: '>',
	GREATER_OR_EQUAL: '>=',
	LESS: '<',
	LESS_OR_EQUAL: '<=',
	AFTER: '>',
	BEFORE: '<',
	ON_OR_AFTER: '>=',
	ON_OR_BEFORE: '<=',
};
const LIKE: Record<string, (v: string) => string> = {
	CONTAIN: (v) => `%${v}%`,
	START_WITH: (v) => `${v}%`,
	END_WITH: (v) => `%${v}`,
};

export function qToSql(q: string, type: RecordTypeDef): { where: string; params: SqlValue[] } {
	const tokens = tokenize(q);
	let pos = 0;
	const params: SqlValue[] = [];
	const peek = () => tokens[pos];
	const next = () => {
		const t = tokens[pos++];
		if (!t) throw new QError('Unexpected end of q');
		return t;
	};

	const fieldColumn = (name: string) => {
		const field = type.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
		if (!field) throw new QError(`Invalid search query. Field '${name}' is not a valid search field for ${type.name}.`);
		return { sql: `"${column(field)}"`, kind: field.kind };
	};
	const value = (kind: string, raw: string): SqlValue => {
		if (kind === 'date' || kind === 'datetime') {
			const parsed = parseOracle(raw, '');
			if (!parsed) throw new QError(`Invalid date value '${raw}' in q.`);
			return kind === 'date' ? parsed.slice(0, 10) : parsed;
		}
		if (kind === 'boolean') return /^(true|t)$/i.test(raw) ? 'T' : 'F';
		if (kind === 'integer' || kind === 'number' || kind === 'ref') return Number(raw);
		return raw;
	};

	const condition = (): string => {
		const t = next();
		if (t.kind === '(') {
			const inner = orExpr();
			if (next().kind !== ')') throw new QError('Missing ) in q');
			return `(${inner})`;
		}
		if (t.kind !== 'word') throw new QError(`Unexpected '${t.text}' in q`);
		const { sql, kind } = fieldColumn(t.text);
		const op = next().text.toUpperCase();
		// Dates compare on the day unless a time is given, as NetSuite does.
		const lhs = kind === 'datetime' ? sql : sql;
		if (NO_VALUE.has(op)) return op === 'EMPTY' ? `(${sql} IS NULL OR ${sql} = '')` : `(${sql} IS NOT NULL AND ${sql} <> '')`;
		if (LIST.has(op)) {
			if (next().kind !== '[') throw new QError(`${op} needs a [list] in q`);
			const values: SqlValue[] = [];
			while (peek() && peek().kind !== ']') {
				const v = next();
				if (v.kind !== ',') values.push(value(kind, v.text));
			}
			next();
			if (op.startsWith('BETWEEN')) {
				if (values.length !== 2) throw new QError('BETWEEN needs two values in q');
				params.push(...values);
				return `${op.endsWith('_NOT') ? 'NOT ' : ''}(${lhs} BETWEEN ? AND ?)`;
			}
			params.push(...values);
			return `${lhs} ${op.endsWith('_NOT') ? 'NOT ' : ''}IN (${values.map(() => '?').join(', ')})`;
		}
		const operand = next();
		if (!['string', 'number', 'word'].includes(operand.kind)) throw new QError(`Missing value after ${op} in q`);
		if (LIKE[op] || LIKE[op.replace(/_NOT$/, '')]) {
			const base = op.replace(/_NOT$/, '');
			params.push(LIKE[base](operand.text));
			return `${sql} ${op.endsWith('_NOT') ? 'NOT ' : ''}LIKE ?`;
		}
		if (op === 'ON') {
			params.push(String(value('date', operand.text)).slice(0, 10));
			return `substr(${sql}, 1, 10) = ?`;
		}
		const sqlOp = COMPARE[op];
		if (!sqlOp) throw new QError(`Invalid search query. Unknown operator '${op}'.`);
		const v = value(kind, operand.text);
		const dateOnly = (kind === 'datetime' || kind === 'date') && typeof v === 'string' && !/\d:\d/.test(operand.text);
		if (dateOnly && ['AFTER', 'ON_OR_BEFORE'].includes(op)) {
			params.push(String(v).slice(0, 10));
			return `substr(${sql}, 1, 10) ${sqlOp} ?`;
		}
		params.push(dateOnly ? String(v).slice(0, 10) + ' 00:00:00' : v);
		return `${sql} ${sqlOp} ?`;
	};
	const andExpr = (): string => {
		let left = condition();
		while (peek()?.kind === 'word' && peek().text.toUpperCase() === 'AND') {
			next();
			left = `${left} AND ${condition()}`;
		}
		return left;
	};
	const orExpr = (): string => {
		let left = andExpr();
		while (peek()?.kind === 'word' && peek().text.toUpperCase() === 'OR') {
			next();
			left = `(${left}) OR (${andExpr()})`;
		}
		return left;
	};
	const where = orExpr();
	if (pos < tokens.length) throw new QError(`Unexpected '${tokens[pos].text}' in q`);
	return { where, params };
}
