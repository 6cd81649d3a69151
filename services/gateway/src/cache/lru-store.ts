export interface LruStoreLimits {
  maxEntries: number;
  /** The sum of the entries' sizes, as the caller measures them. */
  maxBytes: number;
  ttlMs: number;
}

interface Slot<V> {
  value: V;
  bytes: number;
  expiresAt: number;
}

/**
 * Entries by key, bounded in number and in bytes, each for at most `ttlMs`; the least
 * recently used go first. `generation` moves on with every `clear`, so a value computed
 * before a clear is refused by `set` (it may have been read before the change the clear
 * stands for).
 */
export class LruStore<V> {
  private readonly slots = new Map<string, Slot<V>>();
  private bytes = 0;
  generation = 0;

  constructor(
    private readonly limits: LruStoreLimits,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.slots.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  get(key: string): V | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    this.slots.delete(key);
    if (slot.expiresAt <= this.now()) {
      this.bytes -= slot.bytes;
      return undefined;
    }
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
    this.slots.set(key, slot);
    return slot.value;
  }

  /** Keeps a value computed in `generation`; false when it is too big or a clear came since. */
  set(key: string, value: V, bytes: number, generation: number): boolean {
    if (generation !== this.generation || bytes > this.limits.maxBytes) return false;
    const old = this.slots.get(key);
    if (old) {
      this.slots.delete(key);
      this.bytes -= old.bytes;
    }
    this.slots.set(key, { value, bytes, expiresAt: this.now() + this.limits.ttlMs });
    this.bytes += bytes;
    while (this.slots.size > this.limits.maxEntries || this.bytes > this.limits.maxBytes) {
      const [oldestKey, oldest] = this.slots.entries().next().value as [string, Slot<V>];
      this.slots.delete(oldestKey);
      this.bytes -= oldest.bytes;
    }
    return true;
  }

  clear(): void {
    this.slots.clear();
    this.bytes = 0;
    this.generation += 1;
  }
}
