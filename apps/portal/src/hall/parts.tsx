import type { TicketFieldsFragment } from "../gql/graphql";
import type { HallMessageKey } from "./messages-hall";
import { useHallT } from "./messages-hall";
import type { StreamState } from "./useHallStream";

/** Whether the screen is live; after a break it says so until the stream is back. */
export function StreamBadge({ state }: { state: StreamState }) {
  const { th } = useHallT();
  return (
    <span className={`hall-stream hall-stream-${state}`} role="status" data-testid="stream-state" data-state={state}>
      {state === "reconnecting" ? th("hall.stream.reconnecting") : th("hall.stream.live")}
    </span>
  );
}

/** 中文 / English on the hall's own screens (they have no portal header). */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useHallT();
  return (
    <button
      type="button"
      className="hall-language"
      data-testid="language-switch"
      lang={locale === "en" ? "zh-CN" : "en"}
      aria-label={`${t("lang.switch")} (${t("lang.switchLabel")})`}
      onClick={() => setLocale(locale === "en" ? "zh-CN" : "en")}
    >
      {t("lang.switch")}
    </button>
  );
}

export const statusKey = (status: string) => `hall.ticket.status.${status}` as HallMessageKey;

/** A ticket as its holder sees it: the number, where it stands, the windows. */
export function TicketSlip({ ticket }: { ticket: TicketFieldsFragment }) {
  const { th } = useHallT();
  const windows = ticket.windows.map((w) => `${w.code} ${w.name}`).join("、");
  return (
    <section className="hall-ticket" aria-label={th("hall.ticket.yourNumber")} data-testid="ticket-slip">
      <p className="hall-ticket-label">{th("hall.ticket.yourNumber")}</p>
      <p className="hall-ticket-number" data-testid="ticket-number">{ticket.number}</p>
      <p className="hall-ticket-what">{ticket.itemName ?? ticket.departmentName}</p>
      {ticket.status === "WAITING" ? (
        <p className="hall-ticket-ahead" data-testid="ticket-ahead">{ticket.waitingAhead ? th("hall.ticket.ahead", { n: ticket.waitingAhead }) : th("hall.ticket.aheadNone")}</p>
      ) : (
        <p className="hall-ticket-ahead">{th(statusKey(ticket.status), { window: ticket.calledTo ? `${ticket.calledTo.code} ${ticket.calledTo.name}` : "" })}</p>
      )}
      <p className="hall-ticket-windows">{th("hall.ticket.windows", { windows })}</p>
    </section>
  );
}
