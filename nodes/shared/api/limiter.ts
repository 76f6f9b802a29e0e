// Bounded concurrency across the items of one node run. n8n's declarative engine starts every
// item's request at once; NetSuite allows a handful in flight per account (5 on most), so the
// items of a run share one limiter and wait for a slot.
export class Limiter {
	private active = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(private size: number) {}

	/** Lets more tasks in (a width learned late, e.g. Auto's account limit); never fewer. */
	grow(size: number): void {
		this.size = Math.max(this.size, size);
		while (this.active < this.size && this.waiting.length) {
			this.active++;
			this.waiting.shift()?.();
		}
	}

	async run<T>(task: () => Promise<T>): Promise<T> {
		// A finished task hands its slot straight to the next waiting one: counted free in between,
		// a task arriving in that moment would take it too and one more would run than the size.
		if (this.active < this.size) this.active++;
		else await new Promise<void>((resolve) => this.waiting.push(resolve));
		try {
			return await task();
		} finally {
			const next = this.waiting.shift();
			if (next) next();
			else this.active--;
		}
	}
}

/** Runs `task` over every input with at most `size` in flight, keeping the input order. */
export async function mapLimited<I, O>(inputs: I[], size: number, task: (input: I, index: number) => Promise<O>): Promise<O[]> {
	const limiter = new Limiter(Math.max(1, size));
	return await Promise.all(inputs.map(async (input, index) => await limiter.run(async () => await task(input, index))));
}

const shared = new Map<string, { limiter: Limiter; users: number }>();

/** One limiter per key (execution + node) while any item of that run uses it; a larger size given later widens it. */
export async function withSharedLimiter<T>(key: string, size: number, task: () => Promise<T>): Promise<T> {
	let entry = shared.get(key);
	if (!entry) {
		entry = { limiter: new Limiter(Math.max(1, size)), users: 0 };
		shared.set(key, entry);
	} else entry.limiter.grow(size);
	entry.users++;
	try {
		return await entry.limiter.run(task);
	} finally {
		entry.users--;
		if (entry.users === 0) shared.delete(key);
	}
}
