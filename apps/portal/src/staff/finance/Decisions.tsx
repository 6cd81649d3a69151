import { Alert, Button, Card, Descriptions, Empty, Input, Skeleton, Space, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useMutation, useQuery, type CombinedError } from "urql";
import type { FinancePendingReductionsQuery, FinancePendingRefundsQuery } from "../../gql/graphql";
import { useCursorPages } from "../../lib/cursor-pages";
import { formatDateTime, formatFen } from "../../lib/format";
import { FinanceError } from "./FinanceError";
import { useFinanceT, type FinanceMessageKey } from "./messages-finance";
import { DecideReductionMutation, DecideRefundMutation, PendingReductionsQuery, PendingRefundsQuery, RequesterQuery } from "./queries-finance";
import { CursorPager } from "../../components/CursorPager";

/** Who asked, by name and staff code (the request keeps the asker's staff id). */
function useRequester(staffId: string): string {
  const [result] = useQuery({ query: RequesterQuery, variables: { id: staffId } });
  const staff = result.data?.staff;
  return staff ? `${staff.name}（${staff.code}）` : staffId;
}

type Reduction = FinancePendingReductionsQuery["feeReductionPage"]["nodes"][number];
type Refund = FinancePendingRefundsQuery["refundPage"]["nodes"][number];
const PAGE_SIZE = 10;

/** 待审批: the reductions and refunds department staff asked for, 10 a page from the server, each decided here. */
export function Decisions({ centerCode }: { centerCode: string }) {
  const { ta } = useFinanceT();
  return (
    <section aria-labelledby="decisions-heading" data-testid="finance-decisions">
      <Typography.Title level={2} id="decisions-heading" style={{ fontSize: 18 }}>{ta("decisions.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary">{ta("decisions.intro")}</Typography.Paragraph>
      <ReductionList centerCode={centerCode} />
      <RefundList centerCode={centerCode} />
    </section>
  );
}

/** One list of requests awaiting a decision: its count, the last decision's outcome, the page of cards, the pager. */
function RequestList<T extends { id: string }>({ kind, heading, result, page, pages, card }: {
  kind: "reductions" | "refunds";
  heading: FinanceMessageKey;
  result: { error?: CombinedError; fetching: boolean };
  page: { totalCount: number; nextCursor?: string | null; nodes: T[] } | undefined;
  pages: ReturnType<typeof useCursorPages>;
  card: (node: T, onDone: (approved: boolean) => void) => ReactNode;
}) {
  const { ta } = useFinanceT();
  const [decided, setDecided] = useState<boolean | null>(null);
  return (
    <section aria-labelledby={`${kind}-heading`} className="finance-list" data-testid={`finance-${kind}`}>
      <h3 id={`${kind}-heading`} className="section-heading">
        {ta(heading)} <span className="muted">{page ? ta("finance.total", { n: page.totalCount }) : ""}</span>
      </h3>
      <div aria-live="polite">{decided !== null && <Alert type="success" showIcon role="status" title={ta(decided ? "decisions.approved" : "decisions.rejected")} data-testid="finance-decided" />}</div>
      <FinanceError error={result.error} />
      {!page && result.fetching ? (
        <Skeleton active aria-label={ta("finance.loading")} />
      ) : page && page.nodes.length === 0 ? (
        <Empty description={ta("decisions.none")} />
      ) : (
        page?.nodes.map((node) => card(node, setDecided))
      )}
      <CursorPager pages={pages} nextCursor={page?.nextCursor} testId={`finance-${kind}`} />
    </section>
  );
}

function ReductionList({ centerCode }: { centerCode: string }) {
  const pages = useCursorPages("reductions");
  const [result] = useQuery({ query: PendingReductionsQuery, variables: { centerCode, first: PAGE_SIZE, after: pages.after }, requestPolicy: "cache-and-network" });
  return (
    <RequestList<Reduction> kind="reductions" heading="decisions.reductions" result={result} page={result.data?.feeReductionPage} pages={pages}
      card={(reduction, onDone) => <ReductionCard key={reduction.id} reduction={reduction} onDone={onDone} />} />
  );
}

function RefundList({ centerCode }: { centerCode: string }) {
  const pages = useCursorPages("refunds");
  const [result] = useQuery({ query: PendingRefundsQuery, variables: { centerCode, first: PAGE_SIZE, after: pages.after }, requestPolicy: "cache-and-network" });
  return (
    <RequestList<Refund> kind="refunds" heading="decisions.refunds" result={result} page={result.data?.refundPage} pages={pages}
      card={(refund, onDone) => <RefundCard key={refund.id} refund={refund} onDone={onDone} />} />
  );
}

type Outcome = { kind: "done"; approved: boolean } | { kind: "error"; error: CombinedError } | null;

/** The decision part of a request's card: a note, approve and reject; the service's refusal shown as it says. */
function DecisionControls({ id, decide, busy, onDone }: { id: string; decide: (approve: boolean, note: string | null) => Promise<CombinedError | undefined>; busy: boolean; onDone: (approved: boolean) => void }) {
  const { ta } = useFinanceT();
  const [note, setNote] = useState("");
  const [outcome, setOutcome] = useState<Outcome>(null);
  const act = async (approve: boolean) => {
    setOutcome(null);
    const error = await decide(approve, note.trim() || null);
    setOutcome(error ? { kind: "error", error } : { kind: "done", approved: approve });
    if (!error) onDone(approve);
  };
  if (outcome?.kind === "done") return null;
  return (
    <div className="decision-controls">
      <label htmlFor={`note-${id}`} className="field-label">{ta("decisions.note")}</label>
      <Input id={`note-${id}`} value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} data-testid="finance-decision-note" />
      <Space wrap style={{ marginTop: 8 }}>
        <Button type="primary" loading={busy} onClick={() => act(true)} data-testid="finance-approve">{ta("decisions.approve")}</Button>
        <Button danger loading={busy} onClick={() => act(false)} data-testid="finance-reject">{ta("decisions.reject")}</Button>
      </Space>
      <div aria-live="polite" style={{ marginTop: 8 }}>{outcome?.kind === "error" && <FinanceError error={outcome.error} />}</div>
    </div>
  );
}

function RequestCard({ title, testId, children }: { title: ReactNode; testId: string; children: ReactNode }) {
  return (
    <Card size="small" title={<span className="card-heading">{title}</span>} className="request-card" data-testid={testId}>
      {children}
    </Card>
  );
}

function ReductionCard({ reduction, onDone }: { reduction: Reduction; onDone: (approved: boolean) => void }) {
  const { ta } = useFinanceT();
  const [state, decide] = useMutation(DecideReductionMutation);
  const requester = useRequester(reduction.requestedBy);
  const notice = reduction.notice;
  return (
    <RequestCard title={`${notice.itemName} · ${reduction.waiver ? ta("decisions.waiver") : ta("decisions.percent", { n: reduction.percent })}`} testId="finance-reduction">
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={ta("decisions.noticeNo")}><span className="mono break">{notice.noticeNo}</span></Descriptions.Item>
        <Descriptions.Item label={ta("decisions.payer")}>{notice.payerName}</Descriptions.Item>
        <Descriptions.Item label={ta("decisions.department")}>{notice.departmentName}</Descriptions.Item>
        <Descriptions.Item label={ta("decisions.amount")}>{formatFen(notice.amountFen)}</Descriptions.Item>
        <Descriptions.Item label={ta("decisions.policy")}>{reduction.policy}</Descriptions.Item>
        <Descriptions.Item label={ta("decisions.reason")}>{reduction.reason}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ margin: "4px 0 8px" }}>
        {ta("decisions.requested", { who: requester, when: formatDateTime(reduction.requestedAt) })}
      </Typography.Paragraph>
      <DecisionControls
        id={reduction.id}
        busy={state.fetching}
        onDone={onDone}
        decide={async (approve, note) => (await decide({ input: { reductionId: reduction.id, approve, note } })).error}
      />
    </RequestCard>
  );
}

function RefundCard({ refund, onDone }: { refund: Refund; onDone: (approved: boolean) => void }) {
  const { ta } = useFinanceT();
  const [state, decide] = useMutation(DecideRefundMutation);
  const requester = useRequester(refund.requestedBy);
  return (
    <RequestCard title={`${refund.notice.itemName} · ${formatFen(refund.amountFen)}`} testId="finance-refund">
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={ta("decisions.noticeNo")}><span className="mono break">{refund.noticeNo}</span></Descriptions.Item>
        <Descriptions.Item label={ta("decisions.payer")}>{refund.notice.payerName}</Descriptions.Item>
        <Descriptions.Item label={ta("decisions.department")}>{refund.notice.departmentName}</Descriptions.Item>
        <Descriptions.Item label={ta("decisions.refundAccount")}><span className="mono break">{refund.accountNo}</span></Descriptions.Item>
        <Descriptions.Item label={ta("decisions.reason")}>{refund.reason}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ margin: "4px 0 8px" }}>
        {ta("decisions.requested", { who: requester, when: formatDateTime(refund.requestedAt) })}
      </Typography.Paragraph>
      <DecisionControls id={refund.id} busy={state.fetching} onDone={onDone} decide={async (approve, note) => (await decide({ input: { refundId: refund.id, approve, note } })).error} />
    </RequestCard>
  );
}
