// Dates as NetSuite's SuiteQL (Oracle) writes them, over SQLite's 'YYYY-MM-DD HH:MM:SS' text.
// The store holds UTC instants, so ORDER BY and comparisons are by instant. SuiteQL writes and
// reads datetimes in the integration user's time zone (the emulator's `clock.timeZone`, an IANA
// name; UTC when unset): "stored as UTC values and converted to the time zone found in the
// current user's User Preferences before being displayed" (Oracle, Time Zone Management,
// article_0122025133). Assumed where Oracle does not say: TO_TIMESTAMP of a time in the hour a
// daylight-saving change repeats means standard time (Oracle's default, ERROR_ON_OVERLAP_TIME
// = FALSE), and a time in the hour it skips is read with the offset before the change.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function toSqlTimestamp(date: Date): string {
	return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

export function fromSqlTimestamp(value: string): Date {
	return new Date(`${value.replace(' ', 'T')}${value.length <= 10 ? 'T00:00:00' : ''}Z`);
}

/** ISO form the REST record service uses: 2017-07-21T17:32:28Z. */
export const isoFromSql = (value: string) => fromSqlTimestamp(value).toISOString().replace('.000Z', 'Z');

const formats = new Map<string, Intl.DateTimeFormat>();
/** TO_TIMESTAMP runs once per row compared: its answers are kept (bounded). */
const parsed = new Map<string, Date>();

/** Local wall-clock parts of an instant in a zone (UTC parts when no zone is given). */
function inZone(date: Date, timeZone: string | undefined): Date {
	if (!timeZone) return date;
	const parts: Record<string, number> = {};
	let format = formats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formats.set(timeZone, format);
	}
	for (const p of format.formatToParts(date)) parts[p.type] = Number(p.value);
	return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
}

/** The UTC instant of a wall-clock time in a zone, by the rules above. */
function fromZone(wall: Date, timeZone: string | undefined, overlap: Overlap): Date {
	if (!timeZone) return wall;
	const key = `${timeZone} ${overlap} ${wall.getTime()}`;
	let instant = parsed.get(key);
	if (!instant) {
		if (parsed.size > 10_000) parsed.clear();
		parsed.set(key, (instant = searchZone(wall, timeZone, overlap)));
	}
	return instant;
}

/** Which instant a local time of a repeated hour means (clock.ts overlapReading). */
export type Overlap = 'standard' | 'daylight';

function searchZone(wall: Date, timeZone: string, overlap: Overlap): Date {
	const fits: number[] = [];
	// Try every whole-quarter-hour offset from UTC-14 to UTC+14; keep those that render back.
	for (let quarter = -56; quarter <= 56; quarter++) {
		const instant = wall.getTime() - quarter * 15 * 60_000;
		if (inZone(new Date(instant), timeZone).getTime() === wall.getTime()) fits.push(instant);
	}
	// Two fits: the repeated hour; standard time is the later instant.
	if (fits.length) return new Date(overlap === 'standard' ? Math.max(...fits) : Math.min(...fits));
	const before = wall.getTime() - 6 * 3600_000;
	return new Date(wall.getTime() - (inZone(new Date(before), timeZone).getTime() - before));
}

const TOKENS: Array<[string, (d: Date) => string]> = [
	['YYYY', (d) => pad(d.getUTCFullYear(), 4)],
	['MM', (d) => pad(d.getUTCMonth() + 1)],
	['DD', (d) => pad(d.getUTCDate())],
	['HH24', (d) => pad(d.getUTCHours())],
	['MI', (d) => pad(d.getUTCMinutes())],
	['SS', (d) => pad(d.getUTCSeconds())],
];

/** TO_CHAR(date, 'YYYY-MM-DD HH24:MI:SS') and the like. */
export function formatOracle(value: string, format: string, timeZone?: string): string {
	const stored = fromSqlTimestamp(value);
	if (Number.isNaN(stored.getTime())) return value;
	// A date without a time (trandate) is a calendar date, not an instant: never shifted.
	const date = value.length <= 10 ? stored : inZone(stored, timeZone);
	let out = format || 'YYYY-MM-DD HH24:MI:SS';
	for (const [token, render] of TOKENS) out = out.split(token).join(render(date));
	return out;
}

/** TO_TIMESTAMP(text, 'YYYY-MM-DD HH24:MI:SS') and TO_DATE; ISO and M/D/YYYY are accepted too. */
export function parseOracle(value: string, _format: string, timeZone?: string, overlap: Overlap = 'standard'): string | null {
	const local = parseLocal(value);
	return local && timeZone ? toSqlTimestamp(fromZone(fromSqlTimestamp(local), timeZone, overlap)) : local;
}

/**
 * Oracle's datetime arithmetic, `datetime + n` / `datetime - n` with n in days ("Datetime/Interval
 * Arithmetic", Oracle SQL Language Reference), for the form the trigger sends: an hour either side
 * of a TO_TIMESTAMP.
 */
export function addDays(value: string | null, days: number): string | null {
	if (value === null) return null;
	const at = fromSqlTimestamp(value);
	return Number.isNaN(at.getTime()) ? null : toSqlTimestamp(new Date(at.getTime() + Math.round(days * 86_400_000)));
}

function parseLocal(value: string): string | null {
	const text = value.trim();
	let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
	if (m) return `${m[1]}-${m[2]}-${m[3]} ${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}`;
	m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
	if (m) return `${m[3]}-${pad(Number(m[1]))}-${pad(Number(m[2]))} ${pad(Number(m[4] ?? 0))}:${m[5] ?? '00'}:${m[6] ?? '00'}`;
	return null;
}
