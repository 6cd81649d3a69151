import type { UseQueryState } from "urql";

/**
 * The data of a searching select's query, only when it answers what is typed now. While the next
 * answer loads, urql keeps the previous one; shown as options, its first line is highlighted and
 * Enter would pick it (RSJ-00 for a search of RSJ-03 whose answer to "RSJ-0" is on screen).
 */
export function answerTo<D, V extends { keyword?: string | null }>(result: UseQueryState<D, V>, keyword: string | null): D | undefined {
  return result.operation && result.operation.variables.keyword === keyword ? result.data : undefined;
}
