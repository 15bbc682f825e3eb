/**
 * A small cross-request cache of promises, each kept for `ttlMs`: for what
 * Cognito changes rarely and many requests read (pool schemas, app clients).
 * A failed load is forgotten at once, so the next read tries again.
 */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: Promise<V>; expiresAt: number }>();

  /** @param ttlMs how long a value is reused, in ms; 0 disables caching. */
  constructor(readonly ttlMs: number) {}

  /** The cached value of `key`, or `load()`'s while none is fresh. */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.#entries.get(key);
    if (hit && hit.expiresAt > Date.now()) return hit.value;
    const value = load();
    if (this.ttlMs > 0) {
      this.#entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
      value.catch(() => {
        if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
      });
    }
    return value;
  }

  /** Forgets `key`, so the next read loads it again. */
  invalidate(key: string): void {
    this.#entries.delete(key);
  }
}
