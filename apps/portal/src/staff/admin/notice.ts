import type { CombinedError } from "urql";

/**
 * A message of an area's table and its values, worded only when shown: a notice still on screen
 * after the language switch reads in the new language. A value that is itself one of the table's
 * messages (`{ key }`, a post's name) is worded with it.
 */
export interface Worded<K extends string> {
  key: K;
  vars?: Record<string, string | number | { key: K }>;
}

/** What the last act came to: a success line, or the refusal (shown in plain words by its code). */
export type AreaNotice<K extends string> = ({ kind: "success" } & Worded<K>) | { kind: "error"; error: CombinedError } | null;

export function word<K extends string>(ta: (key: K, vars?: Record<string, string | number>) => string, worded: Worded<K>): string {
  const vars = Object.fromEntries(Object.entries(worded.vars ?? {}).map(([name, value]) => [name, typeof value === "object" ? ta(value.key) : value]));
  return ta(worded.key, vars);
}
