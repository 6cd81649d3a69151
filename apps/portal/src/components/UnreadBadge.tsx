import { Badge } from "antd";
import { useEffect } from "react";
import { useQuery } from "urql";
import { useT } from "../lib/i18n";
import { INBOX_CHANGED, UnreadNotificationsQuery } from "../lib/queries-notifications";
import { linkHandler } from "../lib/router";

/** The header's link to the inbox with the count of unread messages, asked again each minute and when the inbox changes. */
export function InboxLink({ current }: { current: boolean }) {
  const t = useT();
  const [{ data }, again] = useQuery({ query: UnreadNotificationsQuery, requestPolicy: "cache-and-network" });
  useEffect(() => {
    const refresh = () => again({ requestPolicy: "network-only" });
    const timer = window.setInterval(refresh, 60_000);
    window.addEventListener(INBOX_CHANGED, refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(INBOX_CHANGED, refresh);
    };
  }, [again]);
  const unread = data?.myUnreadNotificationCount ?? 0;
  // The name read out is the visible words and the count in words (WCAG 2.5.3: no aria-label that hides what is seen).
  return (
    <a href="/my/notifications" onClick={linkHandler("/my/notifications")} aria-current={current ? "page" : undefined} data-testid="nav-notifications">
      {t("nav.notifications")}
      {unread > 0 && <Badge count={unread} size="small" offset={[4, -2]} data-testid="nav-unread" aria-hidden="true" style={{ boxShadow: "none" }} />}
      {unread > 0 && <span className="visually-hidden">{t("nav.notificationsUnread", { count: unread })}</span>}
    </a>
  );
}
