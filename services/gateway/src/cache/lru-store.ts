import { LRUCache } from "lru-cache";

export interface LruStoreLimits {
  maxEntries: number;
  /** The sum of the entries' sizes, as the caller measures them. */
  maxBytes: number;
  ttlMs: number;
}

interface Slot<V> {
  value: V;
  expiresAt: number;
}

/**
 * Entries by key, bounded in number and in bytes, each for at most `ttlMs`; the least
 * recently used go first (lru-cache keeps the order and both bounds). `generation` moves on
 * with every `clear`, so a value computed before a clear is refused by `set` (it may have
 * been read before the change the clear stands for).
 *
 * The TTL is checked here rather than with lru-cache's `ttl`: that counts an entry exactly
 * `ttlMs` old as fresh and one stored at clock 0 as never stale, and "at most `ttlMs`" is the
 * promise this store makes.
 */
export class LruStore<V> {
  private readonly slots: LRUCache<string, Slot<V>>;
  generation = 0;

  constructor(
    private readonly limits: LruStoreLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.slots = new LRUCache({ max: limits.maxEntries, maxSize: limits.maxBytes });
  }

  get size(): number {
    return this.slots.size;
  }

  get totalBytes(): number {
    return this.slots.calculatedSize;
  }

  get(key: string): V | undefined {
    const slot = this.slots.get(key);
    if (slot && slot.expiresAt <= this.now()) {
      this.slots.delete(key);
      return undefined;
    }
    return slot?.value;
  }

  /** Keeps a value computed in `generation`; false when it is too big or a clear came since. */
  set(key: string, value: V, bytes: number, generation: number): boolean {
    if (generation !== this.generation || bytes > this.limits.maxBytes) return false;
    this.slots.set(key, { value, expiresAt: this.now() + this.limits.ttlMs }, { size: bytes });
    return true;
  }

  clear(): void {
    this.slots.clear();
    this.generation += 1;
  }
}
