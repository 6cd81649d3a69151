import type { JournalRecord } from "./journal.rules";

/** A subject's journal as last evaluated here, and the lock token that evaluation left on the subject. */
interface Cached {
  token: number;
  records: JournalRecord[];
  eventIds: Set<string>;
}

/**
 * The parsed journals of recently evaluated subjects, kept between batches so a case's sixth step
 * does not read and parse its first five again. An entry is trusted only when the subject's lock
 * still holds the token this process left there: any other writer (another instance, a rolled-back
 * transaction of ours, a rebuild) leaves a different token, and the journal is read afresh.
 * Least recently used subjects go first; `capacity` 0 turns the cache off.
 */
export class JournalCache {
  private readonly entries = new Map<string, Cached>();

  constructor(private readonly capacity: number) {}

  /** The cached records when `previousToken` (the token found on the lock) is ours; undefined otherwise. */
  take(key: string, previousToken: number | null): Cached | undefined {
    const cached = this.entries.get(key);
    if (!cached || previousToken === null || cached.token !== previousToken) return undefined;
    // Re-inserted to mark it recently used.
    this.entries.delete(key);
    this.entries.set(key, cached);
    return cached;
  }

  put(key: string, token: number, records: JournalRecord[], eventIds: Set<string>): void {
    if (this.capacity === 0) return;
    this.entries.delete(key);
    this.entries.set(key, { token, records, eventIds });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Off, every journal is read from the database, as before the cache existed (the benchmark's "before"). */
  get enabled(): boolean {
    return this.capacity > 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
