// Dates as NetSuite's SuiteQL (Oracle) writes them, over SQLite's 'YYYY-MM-DD HH:MM:SS' text.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function toSqlTimestamp(date: Date): string {
	return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

export function fromSqlTimestamp(value: string): Date {
	return new Date(`${value.replace(' ', 'T')}${value.length <= 10 ? 'T00:00:00' : ''}Z`);
}

/** ISO form the REST record service uses: 2017-07-21T17:32:28Z. */
export const isoFromSql = (value: string) => fromSqlTimestamp(value).toISOString().replace('.000Z', 'Z');

const TOKENS: Array<[string, (d: Date) => string]> = [
	['YYYY', (d) => pad(d.getUTCFullYear(), 4)],
	['MM', (d) => pad(d.getUTCMonth() + 1)],
	['DD', (d) => pad(d.getUTCDate())],
	['HH24', (d) => pad(d.getUTCHours())],
	['MI', (d) => pad(d.getUTCMinutes())],
	['SS', (d) => pad(d.getUTCSeconds())],
];

/** TO_CHAR(date, 'YYYY-MM-DD HH24:MI:SS') and the like. */
export function formatOracle(value: string, format: string): string {
	const date = fromSqlTimestamp(value);
	if (Number.isNaN(date.getTime())) return value;
	let out = format || 'YYYY-MM-DD HH24:MI:SS';
	for (const [token, render] of TOKENS) out = out.split(token).join(render(date));
	return out;
}

/** TO_TIMESTAMP(text, 'YYYY-MM-DD HH24:MI:SS') and TO_DATE; ISO and M/D/YYYY are accepted too. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the format is Oracle's argument; every accepted form is read
export function parseOracle(value: string, _format: string): string | null {
	const text = value.trim();
	let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
	if (m) return `${m[1]}-${m[2]}-${m[3]} ${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}`;
	m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
	if (m) return `${m[3]}-${pad(Number(m[1]))}-${pad(Number(m[2]))} ${pad(Number(m[4] ?? 0))}:${m[5] ?? '00'}:${m[6] ?? '00'}`;
	return null;
}
