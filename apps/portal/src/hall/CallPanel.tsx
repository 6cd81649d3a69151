import { Alert, Button, Select, Space, Tag } from "antd";
import { useMemo, useState } from "react";
import { useMutation, useQuery, type CombinedError } from "urql";
import type { TicketFieldsFragment } from "../gql/graphql";
import { CENTER_CODE } from "../lib/client";
import { hallErrorKey, useHallT } from "./messages-hall";
import { CallNextMutation, FinishMutation, HallWindowsQuery, NoShowMutation, RecallMutation, StartCaseMutation, TransferMutation, WindowQueueQuery } from "./queries-hall";
import { statusKey } from "./parts";
import { throttle, useHallStream } from "./useHallStream";

export interface StartedFromTicket {
  ticketId: string;
  number: string;
  itemId: string | null;
  departmentId: string;
}

export interface CallPanelProps {
  windowId: string;
  /** The clerk started a case from the ticket in hand: register it with `ticketId` (acceptCase/decideInstantly take it). */
  onCaseStarted?: (started: StartedFromTicket) => void;
  centerCode?: string;
}

const minutes = (seconds: number | null | undefined) => Math.max(0, Math.round((seconds ?? 0) / 60));

/**
 * 叫号 at a window, for the workbench: call the next ticket the window may serve, recall it,
 * mark a no-show, transfer it to another window, start a case from it, finish. Only the clerk
 * on duty at the window may call (the hall refuses anyone else, and says so here).
 */
export function CallPanel({ windowId, onCaseStarted, centerCode = CENTER_CODE }: CallPanelProps) {
  const { th } = useHallT();
  const [{ data, error: loadError }, reload] = useQuery({ query: WindowQueueQuery, variables: { windowId }, requestPolicy: "cache-and-network" });
  const [{ data: windowsData }] = useQuery({ query: HallWindowsQuery, variables: { centerCode } });
  const [calling, callNext] = useMutation(CallNextMutation);
  const [, recall] = useMutation(RecallMutation);
  const [, noShow] = useMutation(NoShowMutation);
  const [, transfer] = useMutation(TransferMutation);
  const [, startCase] = useMutation(StartCaseMutation);
  const [, finish] = useMutation(FinishMutation);
  const [message, setMessage] = useState<{ type: "error" | "info" | "success"; text: string } | null>(null);
  const [transferTo, setTransferTo] = useState<string | undefined>(undefined);
  const [transferring, setTransferring] = useState(false);
  const refresh = useMemo(() => throttle(() => reload({ requestPolicy: "network-only" }), 500), [reload]);
  useHallStream(centerCode, { onQueue: refresh, onOpen: refresh });

  const queue = data?.windowQueue;
  const current = queue?.current ?? null;
  const otherWindows = useMemo(() => {
    const seen = new Map<string, { id: string; code: string; name: string }>();
    for (const s of windowsData?.hallServices ?? []) for (const w of s.windows) if (w.id !== windowId) seen.set(w.id, w);
    return [...seen.values()].sort((a, b) => a.code.localeCompare(b.code));
  }, [windowsData, windowId]);

  const fail = (error: CombinedError | undefined) => {
    const extensions = error?.graphQLErrors?.[0]?.extensions ?? {};
    setMessage({ type: "error", text: th(hallErrorKey(extensions.code as string | undefined)) });
  };
  const after = (result: { error?: CombinedError }, ok?: () => void) => {
    if (result.error) fail(result.error);
    else {
      ok?.();
      refresh();
    }
  };

  const notOnDuty = loadError?.graphQLErrors?.[0]?.extensions?.code === "NOT_ON_DUTY";
  return (
    <section className="hall-panel" aria-labelledby="hall-panel-title" data-testid="call-panel">
      <header className="hall-panel-header">
        <h2 id="hall-panel-title">
          {th("hall.panel.title")} · {queue ? `${queue.window.code} ${queue.window.name}` : ""}
        </h2>
        {queue && (
          <Space size="small" wrap>
            {queue.post && <Tag color="blue">{th("hall.panel.onDuty", { post: queue.post })}</Tag>}
            <span data-testid="panel-waiting">{th("hall.panel.waiting", { n: queue.waiting })}</span>
          </Space>
        )}
      </header>
      {notOnDuty && <Alert type="warning" showIcon title={th("hall.panel.notOnDuty")} />}
      {message && <Alert type={message.type} showIcon title={message.text} closable onClose={() => setMessage(null)} data-testid="panel-message" />}
      <div className="hall-panel-current" aria-live="polite">
        <span className="hall-panel-current-label">{th("hall.panel.current")}</span>
        {current ? (
          <>
            <span className="hall-panel-number" data-testid="panel-current">{current.number}</span>
            <span>{current.itemName ?? current.departmentName}</span>
            <span>{th(statusKey(current.status), { window: current.calledTo?.code ?? "" })}</span>
            <span>{th("hall.panel.waited", { m: minutes(current.waitingSeconds) })}</span>
          </>
        ) : (
          <span data-testid="panel-current-none">{th("hall.panel.noCurrent")}</span>
        )}
      </div>
      <div className="hall-panel-actions">
        <Button
          type="primary"
          size="large"
          loading={calling.fetching}
          data-testid="call-next"
          onClick={async () => {
            setMessage(null);
            const result = await callNext({ windowId });
            after(result, () => {
              if (!result.data?.callNextTicket) setMessage({ type: "info", text: th("hall.panel.nobodyWaiting") });
            });
          }}
        >
          {th("hall.panel.callNext")}
        </Button>
        <Button size="large" disabled={current?.status !== "CALLED"} data-testid="recall" onClick={async () => current && after(await recall({ ticketId: current.id }))}>
          {th("hall.panel.recall")}
        </Button>
        <Button size="large" danger disabled={current?.status !== "CALLED"} data-testid="no-show" onClick={async () => current && after(await noShow({ ticketId: current.id }))}>
          {th("hall.panel.noShow")}
        </Button>
        <Button
          size="large"
          disabled={!current}
          data-testid="start-case"
          onClick={async () => {
            if (!current) return;
            const result = await startCase({ ticketId: current.id });
            after(result, () => {
              const t: TicketFieldsFragment | undefined = result.data?.startCaseFromTicket;
              if (!t) return;
              setMessage({ type: "success", text: th("hall.panel.caseStarted", { number: t.number }) });
              onCaseStarted?.({ ticketId: t.id, number: t.number, itemId: t.item?.id ?? null, departmentId: t.department.id });
            });
          }}
        >
          {th("hall.panel.startCase")}
        </Button>
        <Button size="large" disabled={!current} data-testid="finish" onClick={async () => current && after(await finish({ ticketId: current.id }))}>
          {th("hall.panel.finish")}
        </Button>
        <Button size="large" disabled={!current} data-testid="transfer" aria-expanded={transferring} onClick={() => setTransferring(!transferring)}>
          {th("hall.panel.transfer")}
        </Button>
      </div>
      {transferring && current && (
        <div className="hall-panel-transfer">
          <label htmlFor="transfer-to">{th("hall.panel.transferTo")}</label>
          <Select
            id="transfer-to"
            style={{ minWidth: 240 }}
            value={transferTo}
            onChange={setTransferTo}
            options={otherWindows.map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
            data-testid="transfer-to"
          />
          <Button
            type="primary"
            disabled={!transferTo}
            data-testid="transfer-confirm"
            onClick={async () => {
              if (!transferTo) return;
              after(await transfer({ ticketId: current.id, toWindowId: transferTo }), () => {
                setTransferring(false);
                setTransferTo(undefined);
              });
            }}
          >
            {th("hall.panel.transferConfirm")}
          </Button>
        </div>
      )}
      {queue && queue.today.length > 0 && (
        <details className="hall-panel-today">
          <summary>{th("hall.panel.today")} ({queue.today.length})</summary>
          <ul>
            {queue.today.map((t) => (
              <li key={t.id}>
                <strong>{t.number}</strong> {th(statusKey(t.status), { window: t.calledTo?.code ?? "" })}
                {t.waitingSeconds !== null && t.waitingSeconds !== undefined && <> · {th("hall.panel.waited", { m: minutes(t.waitingSeconds) })}</>}
                {t.handlingSeconds !== null && t.handlingSeconds !== undefined && <> · {th("hall.panel.handled", { m: minutes(t.handlingSeconds) })}</>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
