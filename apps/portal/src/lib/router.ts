import { useSyncExternalStore, type MouseEvent } from "react";

// A small history-API router: the gateway answers every page path with index.html.
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
};

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  const depth = historyDepth();
  if (options.replace) window.history.replaceState({ depth }, "", to);
  else window.history.pushState({ depth: depth + 1 }, "", to);
  if (!options.replace) window.scrollTo(0, 0);
  for (const listener of listeners) listener();
}

/** How many pages of the portal lie behind this one in the tab's history. */
function historyDepth(): number {
  const state = window.history.state as { depth?: number } | null;
  return typeof state?.depth === "number" ? state.depth : 0;
}

/** Back to the previous page of the portal, or to `fallback` when the person arrived here directly. */
export function goBackOr(fallback: string): void {
  if (historyDepth() > 0) window.history.back();
  else navigate(fallback);
}

export function useLocation(): { pathname: string; search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
  const url = new URL(href, "http://portal");
  return { pathname: url.pathname, search: url.searchParams };
}

/** onClick for an <a href>: navigate inside the page unless the person asked for a new tab. */
export function linkHandler(to: string) {
  return (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
}
