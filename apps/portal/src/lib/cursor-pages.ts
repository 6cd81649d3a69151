import { useCallback, useState } from "react";

/**
 * Walking a server's cursor pages forwards and back: the cursors of the pages seen so far are
 * kept, so "previous" asks the server for the page again after the cursor it started from.
 */
export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: Array<string | null> }>({ key: resetKey, cursors: [null] });
  // A new filter starts again on the first page.
  const cursors = state.key === resetKey ? state.cursors : [null];
  const next = useCallback((endCursor: string | null | undefined) => {
    if (endCursor) setState((current) => ({ key: resetKey, cursors: [...(current.key === resetKey ? current.cursors : [null]), endCursor] }));
  }, [resetKey]);
  const previous = useCallback(() => {
    setState((current) => ({ key: resetKey, cursors: current.cursors.length > 1 ? current.cursors.slice(0, -1) : [null] }));
  }, [resetKey]);
  return { after: cursors[cursors.length - 1] ?? null, pageNumber: cursors.length, hasPrevious: cursors.length > 1, next, previous };
}
