import { useEffect, useRef, useState } from "react";
import { currentAccessToken, renew } from "../../lib/session";

/** A warning change as supervision pushes it (the supervision.warning.changed payload). */
export interface WarningChange {
  warningId: string;
  change: "RAISED" | "ACKNOWLEDGED" | "CLOSED" | "WITHDRAWN";
  kind: string;
  level: "YELLOW" | "RED";
  status: "OPEN" | "ACKNOWLEDGED" | "CLOSED";
  centerCode: string;
  departmentId: string | null;
  windowId: string | null;
  caseId: string | null;
  jointApprovalId: string | null;
  clock: string | null;
  deadline: string | null;
  detail: string;
  raisedAt: string;
  closedAt: string | null;
  changedAt: string;
}

export type StreamState = "connecting" | "live" | "reconnecting";

interface Frame {
  event: string;
  data: string;
  retry?: number;
}

/** Splits a server-sent events text into complete frames; returns the unfinished rest. */
export function parseFrames(buffer: string): { frames: Frame[]; rest: string } {
  const frames: Frame[] = [];
  const normalised = buffer.replace(/\r\n?/g, "\n");
  const parts = normalised.split("\n\n");
  const rest = parts.pop() ?? "";
  for (const part of parts) {
    let event = "message";
    const data: string[] = [];
    let retry: number | undefined;
    for (const line of part.split("\n")) {
      if (!line || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
      else if (field === "retry" && /^\d+$/.test(value)) retry = Number(value);
    }
    if (data.length > 0 || retry !== undefined) frames.push({ event, data: data.join("\n"), retry });
  }
  return { frames, rest };
}

/**
 * The gateway's push stream (GET /supervision/stream), read with fetch because the browser's
 * EventSource cannot send the Authorization header. Reconnects after a break (the server's
 * `retry`, 2 s, doubling up to 30 s while it keeps failing); an expired token is renewed first.
 * `onOpen` runs on every (re)connection, so the caller reloads what it may have missed meanwhile;
 * `onCounts` whenever the case counts the person may see have changed (a bare hint, sent at most
 * every 250 ms: the page asks for the counts again).
 */
export function useWarningStream(onChange: (change: WarningChange) => void, onOpen: () => void, onCounts: () => void): StreamState {
  const [state, setState] = useState<StreamState>("connecting");
  const handlers = useRef({ onChange, onOpen, onCounts });
  handlers.current = { onChange, onOpen, onCounts };

  useEffect(() => {
    let stopped = false;
    let controller: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let retryMs = 2000;
    let failures = 0;

    const again = () => {
      if (stopped) return;
      setState("reconnecting");
      const wait = Math.min(30_000, retryMs * 2 ** Math.min(failures, 4));
      failures += 1;
      timer = setTimeout(() => void connect(), wait);
    };

    const connect = async () => {
      controller = new AbortController();
      try {
        const token = currentAccessToken();
        const response = await fetch("/supervision/stream", {
          headers: { accept: "text/event-stream", ...(token ? { authorization: `Bearer ${token}` } : {}) },
          cache: "no-store",
          signal: controller.signal,
        });
        if (response.status === 401) {
          // The token ran out while the page stayed open: renew it, then try again.
          await renew();
          return again();
        }
        if (!response.ok || !response.body) return again();
        failures = 0;
        setState("live");
        handlers.current.onOpen();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          const { frames, rest } = parseFrames(buffer);
          buffer = rest;
          for (const frame of frames) {
            if (frame.retry !== undefined) retryMs = frame.retry;
            if (frame.event === "counts") handlers.current.onCounts();
            if (frame.event !== "warning" || !frame.data) continue;
            try {
              handlers.current.onChange(JSON.parse(frame.data) as WarningChange);
            } catch {
              // A frame we cannot read is skipped; the lists are reloaded on the next connection.
            }
          }
        }
        again();
      } catch {
        if (!stopped) again();
      }
    };

    void connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
    };
  }, []);

  return state;
}
