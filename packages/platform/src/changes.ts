/** Whether a column keeps its value: dates by instant, JSON columns (objects, lists) by content. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return typeof a === "object" && typeof b === "object" && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}

/** The properties of `after` whose values differ from `before`: only they go into an UPDATE. */
export function changedFields<T extends object>(before: Partial<T> | null | undefined, after: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (!sameValue(before?.[key], after[key])) changes[key] = after[key];
  }
  return changes;
}
