import { useEffect, useRef, useState } from "react";

export interface HallCall {
  ticketId: string;
  number: string;
  windowCode: string;
  windowName: string;
  calledAt: string;
  recall: number;
}

export type StreamState = "connecting" | "live" | "reconnecting";

/**
 * The hall's public push stream (/hall/stream, server-sent events). EventSource reconnects by
 * itself after a network break (the server asks for 2 s), and this opens a new one when an answer
 * was no stream (the hall away behind the gateway); each time it opens again `onOpen` runs, so the
 * page reloads its state and misses nothing that happened while it was away. A frame seen twice
 * (an event redelivered) is handled once.
 */
export function useHallStream(
  centerCode: string,
  handlers: { onCall?: (call: HallCall) => void; onQueue?: () => void; onBoard?: () => void; onOpen?: () => void },
): StreamState {
  const [state, setState] = useState<StreamState>("connecting");
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const seen = new Set<string>();
    const fresh = (event: MessageEvent) => {
      if (!event.lastEventId) return true;
      if (seen.has(event.lastEventId)) return false;
      seen.add(event.lastEventId);
      if (seen.size > 500) seen.delete(seen.values().next().value as string);
      return true;
    };
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let opened = false;
    let stopped = false;
    const connect = () => {
      source = new EventSource(`/hall/stream?centerCode=${encodeURIComponent(centerCode)}`);
      source.onopen = () => {
        setState("live");
        // The first open finds the state the page loaded anyway; later ones follow a break.
        if (opened) latest.current.onOpen?.();
        opened = true;
      };
      source.onerror = () => {
        setState("reconnecting");
        // A network break: EventSource tries again by itself. An answer that is no stream (the
        // gateway's 502 while the hall is away) closes it for good: then this opens a new one.
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          retry = setTimeout(connect, 2_000);
        }
      };
      source.addEventListener("call", (event) => {
        const e = event as MessageEvent;
        if (fresh(e)) latest.current.onCall?.(JSON.parse(e.data) as HallCall);
      });
      source.addEventListener("queue", (event) => {
        if (fresh(event as MessageEvent)) latest.current.onQueue?.();
      });
      source.addEventListener("board", (event) => {
        if (fresh(event as MessageEvent)) latest.current.onBoard?.();
      });
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [centerCode]);
  return state;
}

/** Runs `fn` at most once per `ms`, the last call winning (a burst of queue changes reloads once). */
export function throttle(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  };
}
