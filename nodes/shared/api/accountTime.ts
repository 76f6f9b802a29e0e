// NetSuite's times as instants. SuiteQL writes a datetime (TO_CHAR) and reads one (TO_TIMESTAMP)
// in the time zone of the integration user's preferences (Home › Set Preferences › Time Zone),
// with no zone in the text; the REST record service and SuiteScript Date objects are UTC. Oracle,
// "Using Datetime Fields" (REST, section_157305090645): "Datetime values are returned in UTC
// format"; the Time Zone Management page (article_0122025133): date and time fields "are stored
// as UTC values and converted to the time zone found in the current user's User Preferences
// before being displayed".
//
// The zone is the trigger's Account Time Zone option (an IANA name, which knows daylight
// saving), or, left empty, a fixed offset learned from NetSuite's clock: SYSDATE as SuiteQL
// writes it against the same moment in UTC (the answer's Date header), rounded to the quarter
// hour every zone's offset is a multiple of (a query that takes a while still agrees). A learned offset
// is the zone's offset now; it is an hour off for times on the other side of a daylight-saving
// change, which is why the README asks accounts with daylight saving to set the zone.

/** A zone to read NetSuite's local times in. */
export type AccountZone = { name: string } | { offsetMinutes: number };

const LOCAL = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/;
const QUARTER_HOUR_MS = 15 * 60 * 1000;

/** 'YYYY-MM-DD HH:MM:SS' read as if it were UTC (epoch ms), or NaN. */
function wallMs(local: string): number {
	const m = LOCAL.exec(local);
	return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(name: string): Intl.DateTimeFormat {
	let f = formatters.get(name);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: name,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(name, f);
	}
	return f;
}

/** The zone's offset from UTC at an instant, in ms (local = instant + offset). */
function offsetAt(zone: AccountZone, instant: number): number {
	if ('offsetMinutes' in zone) return zone.offsetMinutes * 60_000;
	const parts: Record<string, number> = {};
	for (const p of formatter(zone.name).formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
	const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return local - Math.floor(instant / 1000) * 1000;
}

/** The zone's name as an error or an item states it: the IANA name, or UTC±HH:MM. */
export function zoneLabel(zone: AccountZone): string {
	if ('name' in zone) return zone.name;
	if (zone.offsetMinutes === 0) return 'UTC';
	const sign = zone.offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(zone.offsetMinutes);
	return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Undefined for a zone name this runtime does not know. */
export function namedZone(name: string): AccountZone | undefined {
	try {
		formatter(name);
		return { name };
	} catch {
		return undefined;
	}
}

/**
 * The instants a local time can mean (epoch ms, ascending): one; two in the hour a
 * daylight-saving change repeats; in the hour it skips, none exists, and the time is read
 * with the offset before the change, as a clock that was not moved would (one instant).
 */
export function instantsOf(local: string, zone: AccountZone): number[] {
	const wall = wallMs(local);
	if (Number.isNaN(wall)) return [];
	// Every offset in effect within a day of this wall time: no zone changes twice in a day.
	const offsets = new Set([offsetAt(zone, wall - 86_400_000), offsetAt(zone, wall), offsetAt(zone, wall + 86_400_000)]);
	const found = [...offsets]
		.map((offset) => wall - offset)
		.filter((instant) => instant + offsetAt(zone, instant) === wall)
		.sort((a, b) => a - b);
	return found.length ? [...new Set(found)] : [wall - offsetAt(zone, wall - 86_400_000)];
}

/**
 * The instant of a local time NetSuite wrote (epoch ms), where two exist told apart by its
 * shift: the hours from the text read back by TO_TIMESTAMP (-1: the earlier, 1: the later; 0:
 * NetSuite's own reading, assumed Oracle's default, standard time, the later).
 */
export function instantOf(local: string | undefined, zone: AccountZone, shift = 0): number | undefined {
	const instants = local ? instantsOf(local, zone) : [];
	return shift < 0 ? instants[0] : instants[instants.length - 1];
}

/** ISO UTC form of a local time ('2026-11-25T16:00:00Z'), by `instantOf`. */
export function isoOf(local: string | undefined, zone: AccountZone, shift = 0): string | null {
	const at = instantOf(local, zone, shift);
	return at === undefined ? null : new Date(at).toISOString().replace('.000Z', 'Z');
}

/**
 * The offset NetSuite's clock shows: `nsNow` (SYSDATE through TO_CHAR) against the UTC time
 * of the same moment, rounded to the quarter hour.
 */
export function learnedZone(nsNow: string, observedAtMs: number): AccountZone | undefined {
	const wall = wallMs(nsNow);
	if (Number.isNaN(wall)) return undefined;
	return { offsetMinutes: (Math.round((wall - observedAtMs) / QUARTER_HOUR_MS) * QUARTER_HOUR_MS) / 60_000 };
}
