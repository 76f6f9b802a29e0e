// A clock tests can move: NetSuite stamps datecreated / lastmodifieddate with it.
export class TestClock {
	/**
	 * The integration user's time zone (IANA name) that SuiteQL writes and reads times in;
	 * undefined: UTC. The store and the REST record service stay UTC (data/dates.ts).
	 */
	timeZone: string | undefined;

	/**
	 * Which instant TO_TIMESTAMP reads a local time of the hour a daylight-saving change repeats
	 * as: standard time (the later; Oracle's default, ERROR_ON_OVERLAP_TIME = FALSE) unless a test
	 * makes it the other, since NetSuite does not document it.
	 */
	overlapReading: 'standard' | 'daylight' = 'standard';

	private offsetMs = 0;
	private frozenAt: number | undefined;

	now(): Date {
		return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
	}

	/** Move time forward (or back with a negative value). */
	advance(ms: number): void {
		if (this.frozenAt !== undefined) this.frozenAt += ms;
		else this.offsetMs += ms;
	}

	/** Stop time at a given instant; advance() still moves it. */
	freeze(at: Date | string = this.now()): void {
		this.frozenAt = new Date(at).getTime();
	}

	/** Let time run again from the current instant. */
	unfreeze(): void {
		if (this.frozenAt !== undefined) this.offsetMs = this.frozenAt - Date.now();
		this.frozenAt = undefined;
	}
}
