import { Button, Modal, Segmented, Typography, message as toast } from "antd";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useClient, useQuery } from "urql";
import type { CombinedError } from "@urql/core";
import type { WorkbenchCaseFieldsFragment } from "../../gql/graphql";
import { CENTER_CODE } from "../../lib/client";
import { linkHandler, navigate, useLocation } from "../../lib/router";
import type { AreaProps } from "../area-props";
import { isAgentCenter, isVillagePoint } from "../areas";
import { ActDialog, type CaseAct } from "./ActDialog";
import { CaseWork } from "./CaseWork";
import { Duty } from "./Duty";
import { useWorkbenchT, type WorkbenchMessageKey } from "./messages-workbench";
import { WorkbenchCaseQuery, WorkbenchQueueQuery } from "./queries-workbench";
import { Queue, type QueueCase, type QueueHandle } from "./Queue";
import { ACT_KEYS, typingIn } from "./shortcuts";
import "./workbench.css";

const PAGE = 50;
const BASE = "/staff/workbench";

// The hall's call panel (叫号) comes with the workbench only for someone who sits at a window.
const CallPanel = lazy(() => import("../../hall/CallPanel").then((module) => ({ default: module.CallPanel })));

/** Whose cases the queue holds: the window's, the departments' the clerk serves, or (代办) the county's the center serves as agent. */
type Scope = "window" | "department" | "agency";

/**
 * 窗口工作台: the window's queue soonest due first, one case open beside it, the acts the services
 * allow on it, and the duty panel. Cases open without a reload (/staff/workbench/cases/<id>), the
 * next one in the queue is fetched ahead, and the common acts have keys (`?` lists them).
 */
export function WorkbenchArea({ subpath, claims }: AreaProps) {
  const { ta } = useWorkbenchT();
  const client = useClient();
  const openId = /^\/cases\/([^/]+)$/.exec(subpath)?.[1] ?? null;
  const scopes = useMemo(() => {
    const available: Scope[] = [];
    if (claims.windowId) available.push("window");
    if (!isVillagePoint(claims.centerCode)) available.push("department");
    if (isAgentCenter(claims.centerCode)) available.push("agency");
    return available;
  }, [claims.windowId, claims.centerCode]);
  // A link from 乡镇与代办 asks for the agency queue (`?queue=agency`).
  const asked = useLocation().search.get("queue");
  const [scope, setScope] = useState<Scope>(scopes.find((available) => available === asked) ?? scopes[0]!);
  const [ticketInHand, setTicketInHand] = useState<string | null>(null);

  // The queue: pages fetched from the service as the person asks for more.
  const [queue, setQueue] = useState<{ cases: QueueCase[]; totalCount: number; endCursor: string | null; hasMore: boolean }>({ cases: [], totalCount: 0, endCursor: null, hasMore: false });
  const [queueLoading, setQueueLoading] = useState(true);
  const [queueError, setQueueError] = useState<CombinedError | undefined>();
  const loadQueue = useCallback(
    async (more: boolean, size = PAGE) => {
      setQueueLoading(true);
      const result = await client
        .query(
          WorkbenchQueueQuery,
          { centerCode: claims.centerCode ?? CENTER_CODE, windowId: scope === "window" ? claims.windowId : null, asAgent: scope === "agency", first: size, after: more ? queue.endCursor : null },
          { requestPolicy: "network-only" },
        )
        .toPromise();
      setQueueLoading(false);
      setQueueError(result.error);
      const page = result.data?.caseQueue;
      if (!page) return;
      setQueue((previous) => ({
        cases: more ? [...previous.cases, ...page.nodes] : page.nodes,
        totalCount: page.totalCount,
        endCursor: page.pageInfo.endCursor ?? null,
        hasMore: page.pageInfo.hasNextPage,
      }));
    },
    [client, claims.centerCode, claims.windowId, scope, queue.endCursor],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void loadQueue(false), [scope]);

  const [selected, setSelected] = useState(0);
  const queueRef = useRef<QueueHandle>(null);
  const openIndex = openId ? queue.cases.findIndex((item) => item.id === openId) : -1;
  useEffect(() => {
    if (openIndex >= 0) setSelected(openIndex);
  }, [openIndex]);

  // Cases fetched ahead are answered from the client's cache when opened.
  const preloaded = useRef(new Set<string>());
  const preload = useCallback(
    (id: string) => {
      if (preloaded.current.has(id)) return;
      preloaded.current.add(id);
      void client.query(WorkbenchCaseQuery, { id }).toPromise();
    },
    [client],
  );

  // The open case, and what an act just made of it.
  const [{ data, fetching, error }, refetch] = useQuery({ query: WorkbenchCaseQuery, variables: { id: openId ?? "" }, pause: !openId });
  const [acted, setActed] = useState<WorkbenchCaseFieldsFragment | null>(null);
  const [done, setDone] = useState<CaseAct | null>(null);
  useEffect(() => {
    setActed(null);
    setDone(null);
  }, [openId]);
  const found = acted && acted.id === openId ? acted : (data?.case ?? null);
  useEffect(() => {
    const next = queue.cases[openIndex + 1];
    if (openId && next) preload(next.id);
  }, [openId, openIndex, queue.cases, preload]);

  const [dialog, setDialog] = useState<CaseAct | null>(null);
  const [help, setHelp] = useState(false);
  const open = useCallback((id: string) => navigate(`${BASE}/cases/${id}`), []);

  const afterAct = (updated: WorkbenchCaseFieldsFragment, act: CaseAct) => {
    setDialog(null);
    setActed(updated);
    setDone(act);
    // The ticket in hand is served by this case now: the next acceptance is another applicant's.
    if (act === "ACCEPT" || act === "DECIDE_INSTANTLY") setTicketInHand(null);
    preloaded.current.clear();
    void loadQueue(false, Math.max(PAGE, queue.cases.length));
  };

  // Keyboard: j/k or arrows move in the queue, Enter opens, the act keys act, ? shows them all.
  const state = useRef({ queue, selected, found, dialog, help });
  state.current = { queue, selected, found, dialog, help };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { queue: current, selected: at, found: shown, dialog: dialogOpen, help: helpOpen } = state.current;
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      if (dialogOpen || helpOpen || document.querySelector(".ant-modal-wrap:not([style*='display: none'])")) return;
      const move = (to: number) => {
        if (current.cases.length === 0) return;
        const index = Math.max(0, Math.min(current.cases.length - 1, to));
        setSelected(index);
        queueRef.current?.focus(index);
        preload(current.cases[index]!.id);
      };
      if (event.key === "j" || event.key === "ArrowDown") {
        event.preventDefault();
        move(at + 1);
      } else if (event.key === "k" || event.key === "ArrowUp") {
        event.preventDefault();
        move(at - 1);
      } else if (event.key === "Enter" && !(event.target instanceof HTMLButtonElement) && !(event.target instanceof HTMLAnchorElement)) {
        const item = current.cases[at];
        if (item) open(item.id);
      } else if (event.key === "?") {
        event.preventDefault();
        setHelp(true);
      } else if (event.key === "Escape" && shown) {
        navigate(BASE);
      } else if (ACT_KEYS[event.key] && shown) {
        event.preventDefault();
        const act = ACT_KEYS[event.key]!;
        if (shown.allowedActs.includes(act)) setDialog(act);
        else void toast.info(ta("keys.notAllowed", { act: ta(`act.${act}`) }));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, preload, ta]);

  const windowId = claims.windowId;
  return (
    <div className={openId ? "wb wb-has-case" : "wb"} data-testid="workbench">
      <div className="wb-header">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{ta("wb.heading")}</Typography.Title>
        <Button onClick={() => setHelp(true)} aria-label={ta("keys.open")} data-testid="wb-help-open" aria-keyshortcuts="?">?</Button>
      </div>
      <div className="wb-layout">
        <div className="wb-side">
          <Duty />
          {windowId ? (
            <section className="wb-call-panel" aria-label={ta("call.slot")} data-testid="wb-call-panel">
              <Suspense fallback={null}>
                {/* The ticket the clerk starts serving is recorded on the acceptance that follows. */}
                <CallPanel windowId={windowId} onCaseStarted={(started) => setTicketInHand(started.ticketId)} />
              </Suspense>
            </section>
          ) : null}
          <section className="wb-queue-section">
            <div className="wb-queue-head">
              <h2 className="card-heading">{ta("wb.queue")}</h2>
              <Button size="small" onClick={() => loadQueue(false, Math.max(PAGE, queue.cases.length))} data-testid="wb-queue-refresh">{ta("wb.refresh")}</Button>
            </div>
            {scopes.length > 1 && (
              <Segmented
                aria-label={ta("wb.scope")}
                value={scope}
                onChange={(value) => setScope(value as Scope)}
                options={scopes.map((value) => ({ label: ta(SCOPE_LABELS[value]), value }))}
                data-testid="wb-scope"
                style={{ margin: "8px 0" }}
              />
            )}
            {queueError && !queueLoading ? <p role="alert" data-testid="wb-queue-error">{queueError.graphQLErrors[0]?.extensions?.code === "FORBIDDEN" ? ta("err.FORBIDDEN") : ta("wb.emptyQueue")}</p> : null}
            <Queue
              ref={queueRef}
              cases={queue.cases}
              totalCount={queue.totalCount}
              loading={queueLoading}
              hasMore={queue.hasMore}
              openId={openId}
              selected={selected}
              onSelect={setSelected}
              onMore={() => loadQueue(true)}
              onPreload={preload}
            />
          </section>
        </div>
        <section className="wb-main" aria-label={ta("wb.facts")}>
          {openId ? (
            <>
              <nav className="wb-case-nav" aria-label={ta("wb.queue")}>
                <a href={BASE} onClick={linkHandler(BASE)} data-testid="wb-back">← {ta("wb.back")}</a>
                {openIndex > 0 && <a href={`${BASE}/cases/${queue.cases[openIndex - 1]!.id}`} onClick={linkHandler(`${BASE}/cases/${queue.cases[openIndex - 1]!.id}`)}>{ta("wb.prevCase")}</a>}
                {openIndex >= 0 && openIndex + 1 < queue.cases.length && (
                  <a href={`${BASE}/cases/${queue.cases[openIndex + 1]!.id}`} onClick={linkHandler(`${BASE}/cases/${queue.cases[openIndex + 1]!.id}`)} data-testid="wb-next">{ta("wb.nextCase")}</a>
                )}
              </nav>
              <CaseWork found={found} fetching={fetching} error={error} onAct={setDialog} onRetry={() => refetch({ requestPolicy: "network-only" })} done={done} />
            </>
          ) : (
            <p className="wb-pick" data-testid="wb-pick">{ta("wb.pick")}</p>
          )}
        </section>
      </div>
      {dialog && found && <ActDialog key={`${found.id}-${dialog}`} act={dialog} found={found} ticketId={ticketInHand} onDone={afterAct} onClose={() => setDialog(null)} />}
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
    </div>
  );
}

const SCOPE_LABELS: Record<Scope, WorkbenchMessageKey> = { window: "wb.scopeWindow", department: "wb.scopeDepartment", agency: "wb.scopeAgency" };

const HELP_KEYS: Array<[string, WorkbenchMessageKey]> = [
  ["j ↓", "keys.next"],
  ["k ↑", "keys.prev"],
  ["Enter", "keys.enter"],
  ["a", "keys.accept"],
  ["n", "keys.notice"],
  ["r", "keys.review"],
  ["p", "keys.decide"],
  ["x", "keys.refuse"],
  ["t", "keys.refer"],
  ["c", "keys.conclude"],
  ["d", "keys.deliver"],
  ["Esc", "keys.back"],
  ["?", "keys.help"],
];

function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { ta } = useWorkbenchT();
  return (
    <Modal open={open} title={ta("keys.heading")} onCancel={onClose} footer={<Button onClick={onClose} autoFocus>{ta("keys.close")}</Button>} data-testid="wb-help">
      <table className="wb-keys" data-testid="wb-help-table">
        <tbody>
          {HELP_KEYS.map(([key, words]) => (
            <tr key={key}>
              <th scope="row"><kbd className="wb-kbd">{key}</kbd></th>
              <td>{ta(words)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
