import { Button, Empty, Spin, Tag } from "antd";
import { forwardRef, memo, useImperativeHandle, useRef } from "react";
import type { WorkbenchQueueQuery } from "../../gql/graphql";
import { formatDateTime, formatDay } from "../../lib/format";
import type { MessageKey } from "../../lib/messages";
import { linkHandler } from "../../lib/router";
import { useWorkbenchT } from "./messages-workbench";

export type QueueCase = WorkbenchQueueQuery["caseQueue"]["nodes"][number];

// Yellow and red of their own: antd's gold and red tags on white fall under 4.5:1 for small text.
const LEVEL_STYLE: Record<string, { color: string; className: string }> = {
  GREEN: { color: "#2e7d32", className: "wb-level-green" },
  YELLOW: { color: "#8a6100", className: "wb-level-yellow" },
  RED: { color: "#b71c1c", className: "wb-level-red" },
};

/** The deadline as the window reads it: remaining working days, yellow at one day left, red when overdue; or what stops it. */
export function ClockBadge({ clock, stageClock, status }: { clock: QueueCase["clock"]; stageClock: QueueCase["stageClock"]; status: string }) {
  const { ta } = useWorkbenchT();
  if (!clock) {
    if (status === "SUBMITTED" || status === "MATERIALS_REQUESTED") {
      return (
        <span className="wb-clock" data-testid="wb-clock" data-level="NONE">
          {ta("wb.notAccepted")}
          {stageClock?.deadlineDay ? ` · ${ta("wb.acceptBy", { day: formatDay(stageClock.deadlineDay) })}` : ""}
        </span>
      );
    }
    return null;
  }
  if (clock.onHold) return <Tag data-testid="wb-clock" data-level="HOLD">{ta("wb.onHold")}</Tag>;
  const level = LEVEL_STYLE[clock.level] ?? LEVEL_STYLE.GREEN!;
  const words = clock.level === "RED" && clock.remainingWorkingDays <= 0 ? ta("wb.overdue") : clock.remainingWorkingDays === 0 ? ta("wb.dueToday") : ta("wb.remaining", { days: clock.remainingWorkingDays });
  return (
    <span className={`wb-clock ${level.className}`} data-testid="wb-clock" data-level={clock.level}>
      <span className="wb-level-mark" aria-hidden="true" />
      <span className="visually-hidden">{ta(`wb.level.${clock.level}` as "wb.level.GREEN")}: </span>
      {words}
      {clock.deadlineDay ? <span className="wb-meta"> · {ta("wb.deadline", { day: formatDay(clock.deadlineDay) })}</span> : null}
    </span>
  );
}

export interface QueueHandle {
  focus(index: number): void;
}

/**
 * The window's queue, soonest due first (the service sorts it). Each case is a link: Enter opens
 * it, j/k move between them (the area's key handler), the open one is aria-current.
 */
export const Queue = forwardRef<QueueHandle, {
  cases: QueueCase[];
  totalCount: number;
  loading: boolean;
  hasMore: boolean;
  openId: string | null;
  selected: number;
  onSelect: (index: number) => void;
  onMore: () => void;
  onPreload: (id: string) => void;
}>(function Queue({ cases, totalCount, loading, hasMore, openId, selected, onSelect, onMore, onPreload }, ref) {
  const { ta } = useWorkbenchT();
  const links = useRef<Array<HTMLAnchorElement | null>>([]);
  useImperativeHandle(ref, () => ({ focus: (index) => links.current[index]?.focus() }), []);
  if (loading && cases.length === 0) return <Spin description={ta("wb.loadingQueue")}><div style={{ minHeight: 120 }} /></Spin>;
  if (cases.length === 0) return <Empty description={ta("wb.emptyQueue")} data-testid="wb-queue-empty" />;
  return (
    <div>
      <p className="wb-meta" data-testid="wb-queue-count" aria-live="polite">{ta("wb.queueCount", { count: totalCount })}</p>
      <ol className="wb-queue" data-testid="wb-queue" aria-busy={loading}>
        {cases.map((item, index) => (
          <QueueRow
            key={item.id}
            item={item}
            index={index}
            selected={index === selected}
            open={item.id === openId}
            links={links}
            onSelect={onSelect}
            onPreload={onPreload}
          />
        ))}
      </ol>
      {hasMore && (
        <Button onClick={onMore} loading={loading} data-testid="wb-queue-more" block>
          {ta("wb.more")}
        </Button>
      )}
    </div>
  );
});

/** One line of the queue; memoized so that opening a case re-renders two lines, not the whole queue. */
const QueueRow = memo(function QueueRow({
  item, index, selected, open, links, onSelect, onPreload,
}: {
  item: QueueCase;
  index: number;
  selected: boolean;
  open: boolean;
  links: { current: Array<HTMLAnchorElement | null> };
  onSelect: (index: number) => void;
  onPreload: (id: string) => void;
}) {
  const { ta, t } = useWorkbenchT();
  const path = `/staff/workbench/cases/${item.id}`;
  return (
    <li className={selected ? "wb-queue-item wb-selected" : "wb-queue-item"}>
      <a
        ref={(element) => { links.current[index] = element; }}
        href={path}
        onClick={linkHandler(path)}
        onFocus={() => { onSelect(index); onPreload(item.id); }}
        onMouseEnter={() => onPreload(item.id)}
        aria-current={open ? "true" : undefined}
        data-testid="wb-queue-case"
        data-case-id={item.id}
        data-receipt={item.receiptNo}
      >
        <span className="wb-queue-top">
          <strong>{item.item.name}</strong>
        </span>
        <span className="wb-queue-meta">
          {item.applicantName} · {item.receiptNo} · {t(`status.${item.status}` as MessageKey)} · {ta(`wb.kind.${item.kind}`)}
        </span>
        <span className="wb-queue-meta">
          <ClockBadge clock={item.clock} stageClock={item.stageClock} status={item.status} />
          <span className="wb-meta"> · {formatDateTime(item.submittedAt)}</span>
        </span>
      </a>
    </li>
  );
});
