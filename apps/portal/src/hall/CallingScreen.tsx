import { useEffect, useMemo, useState } from "react";
import { useQuery } from "urql";
import { CENTER_CODE } from "../lib/client";
import { useHallT } from "./messages-hall";
import { HallScreenQuery } from "./queries-hall";
import { announce, speechAvailable, spokenNumber } from "./speech";
import { throttle, useHallStream, type HallCall } from "./useHallStream";
import { LanguageSwitch, StreamBadge } from "./parts";

const SHOWN = 8;

/**
 * 叫号屏: made for a 1920×1080 screen above the windows. The latest call large, the ones before
 * it below, how many wait per service at the side; each call spoken in Mandarin where the
 * browser can (the hall's staff turn the sound on once: browsers speak only after a touch).
 */
export function CallingScreen() {
  const { th } = useHallT();
  const [{ data }, reload] = useQuery({ query: HallScreenQuery, variables: { centerCode: CENTER_CODE }, requestPolicy: "cache-and-network" });
  const [calls, setCalls] = useState<HallCall[]>([]);
  const [sound, setSound] = useState(false);
  const refresh = useMemo(() => throttle(() => reload({ requestPolicy: "network-only" }), 1000), [reload]);
  useEffect(() => {
    if (data?.hallScreen) setCalls(data.hallScreen.calls);
  }, [data]);
  const state = useHallStream(CENTER_CODE, {
    onCall: (call) => {
      setCalls((before) => [call, ...before.filter((c) => c.ticketId !== call.ticketId)].slice(0, 12));
      if (sound) announce(th("hall.screen.speech", { number: spokenNumber(call.number), window: call.windowName || call.windowCode }));
      refresh();
    },
    onQueue: refresh,
    onOpen: refresh,
  });
  const [latest, ...earlier] = calls;
  return (
    <div className="hall-screen" data-testid="calling-screen">
      <header className="hall-screen-header">
        <h1>{th("hall.screen.title")}</h1>
        <div className="hall-screen-tools">
          {speechAvailable() && (
            <button type="button" className="hall-screen-sound" aria-pressed={sound} onClick={() => setSound(!sound)} data-testid="sound">
              {sound ? th("hall.screen.soundOn") : th("hall.screen.sound")}
            </button>
          )}
          <StreamBadge state={state} />
          <LanguageSwitch />
        </div>
      </header>
      <div className="hall-screen-body">
        <section className="hall-screen-calls" aria-live="polite">
          {latest ? (
            <div className="hall-screen-latest" data-testid="latest-call" key={`${latest.ticketId}-${latest.recall}`}>
              <span className="hall-screen-latest-number">{latest.number}</span>
              <span className="hall-screen-latest-window">{latest.windowCode}</span>
              <span className="hall-screen-latest-text">{th("hall.screen.latest", { number: latest.number, window: latest.windowName })}</span>
            </div>
          ) : (
            <p className="hall-screen-none">{th("hall.screen.none")}</p>
          )}
          <table className="hall-screen-table">
            <thead>
              <tr>
                <th scope="col">{th("hall.screen.number")}</th>
                <th scope="col">{th("hall.screen.window")}</th>
              </tr>
            </thead>
            <tbody data-testid="earlier-calls">
              {earlier.slice(0, SHOWN - 1).map((call) => (
                <tr key={call.ticketId}>
                  <td>{call.number}</td>
                  <td>{call.windowCode} {call.windowName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <aside className="hall-screen-waiting" aria-label={th("hall.screen.waiting")}>
          <h2>{th("hall.screen.waiting")}</h2>
          <ul>
            {(data?.hallScreen.waiting ?? []).map((w) => (
              <li key={w.prefix}>
                <span>{w.prefix} · {w.departmentName}</span>
                <strong>{w.waiting}</strong>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </div>
  );
}
