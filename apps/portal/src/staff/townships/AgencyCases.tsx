import { Empty, Radio, Skeleton, Table, Timeline, Typography } from "antd";
import { useMemo, useState } from "react";
import { useQuery } from "urql";
import type { AgencyCasesQuery as AgencyCasesResult, CaseStatus } from "../../gql/graphql";
import { ErrorNotice } from "../../components/ErrorNotice";
import { StatusTag } from "../../components/CaseFacts";
import { useCursorPages } from "../../lib/cursor-pages";
import { formatDateTime } from "../../lib/format";
import { linkHandler } from "../../lib/router";
import { isTownshipsKey, useTownshipsT } from "./messages-townships";
import { AgencySlipQuery, AgencyCasesQuery, CountyCentersQuery } from "./queries-townships";
import { CursorPager } from "../../components/CursorPager";

type Row = AgencyCasesResult["agencyCases"]["nodes"][number];
type Names = ReadonlyMap<string, string>;

/** Still the agent's to follow: everything but what ended at delivery or otherwise (a concluded case is still to hand over). */
const NOT_DELIVERED: CaseStatus[] = ["SUBMITTED", "MATERIALS_REQUESTED", "ACCEPTED", "REVIEWED", "FORWARDED", "VETO_PROPOSED", "AWAITING_COUNTY_MEETING", "APPROVED", "DENIED", "CONCLUDED"];
const PAGE = 20;

/**
 * 代办件: the cases a township (with its village points) or a village point took in as agent,
 * 20 a page from the server (`agencyCases`), each with its routing slip on opening. Staff who
 * work at the workbench open the case there to accept or hand over; the services decide.
 */
export function AgencyCases({ centerCode, atWorkbench }: { centerCode: string; atWorkbench: boolean }) {
  const { ta } = useTownshipsT();
  const [which, setWhich] = useState<"open" | "all">("open");
  const pages = useCursorPages(which);
  const statuses = which === "open" ? NOT_DELIVERED : null;
  const [result, reload] = useQuery({ query: AgencyCasesQuery, variables: { statuses, first: PAGE, after: pages.after }, requestPolicy: "cache-and-network" });
  const [centers] = useQuery({ query: CountyCentersQuery, variables: { countyCode: `${centerCode.slice(0, 6)}000000` } });
  const names: Names = useMemo(() => new Map((centers.data?.serviceCenters ?? []).map((center) => [center.code, center.name])), [centers.data]);
  const page = result.data?.agencyCases;
  const level = centerCode.endsWith("000") ? "TOWNSHIP" : "VILLAGE";

  return (
    <section aria-labelledby="agency-heading" data-testid="agency-cases">
      <Typography.Title level={2} id="agency-heading" style={{ fontSize: 18 }}>{ta("ag.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary">{ta(`ag.intro.${level}`)}</Typography.Paragraph>
      <Radio.Group
        value={which}
        onChange={(event) => setWhich(event.target.value)}
        optionType="button"
        aria-label={ta("ag.filter")}
        options={[{ value: "open", label: ta("ag.filter.open") }, { value: "all", label: ta("ag.filter.all") }]}
        data-testid="agency-filter"
      />
      {result.error && <ErrorNotice error={result.error} onRetry={() => reload({ requestPolicy: "network-only" })} />}
      <div aria-live="polite" className="area-count">{page ? ta("ag.total", { n: page.totalCount }) : ""}</div>
      {!page && result.fetching ? (
        <Skeleton active aria-label={ta("tw.loading")} />
      ) : (
        <Table<Row>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={page?.nodes ?? []}
          locale={{ emptyText: <Empty description={ta("ag.empty")} /> }}
          expandable={{ expandedRowRender: (row) => <Slip row={row} names={names} />, columnTitle: <span className="visually-hidden">{ta("ag.slip")}</span> }}
          columns={[
            { key: "receipt", title: ta("ag.col.receipt"), render: (_: unknown, row: Row) => <span className="mono" data-testid="agency-receipt">{row.receiptNo}</span> },
            { key: "item", title: ta("ag.col.item"), render: (_: unknown, row: Row) => row.item.name ?? "—", responsive: ["md"] },
            { key: "applicant", title: ta("ag.col.applicant"), dataIndex: "applicantName", responsive: ["sm"] },
            { key: "intake", title: ta("ag.col.intake"), render: (_: unknown, row: Row) => (row.intakeCenterCode ? names.get(row.intakeCenterCode) ?? row.intakeCenterCode : "—"), responsive: ["lg"] },
            { key: "department", title: ta("ag.col.department"), render: (_: unknown, row: Row) => row.department.name ?? "—", responsive: ["xl"] },
            { key: "status", title: ta("ag.col.status"), render: (_: unknown, row: Row) => <span className="agency-status"><StatusTag status={row.status} /></span> },
            {
              key: "deadline",
              title: ta("ag.col.deadline"),
              responsive: ["md"],
              render: (_: unknown, row: Row) => (row.clock?.onHold ? ta("ag.onHold") : row.clock?.deadlineDay ?? "—"),
            },
            { key: "submitted", title: ta("ag.col.submitted"), render: (_: unknown, row: Row) => formatDateTime(row.submittedAt), responsive: ["lg"] },
            ...(atWorkbench
              ? [{
                  key: "work",
                  title: <span className="visually-hidden">{ta("ag.work")}</span>,
                  render: (_: unknown, row: Row) => {
                    // Opened beside the workbench's agency queue, where the case and its neighbours are.
                    const path = `/staff/workbench/cases/${encodeURIComponent(row.id)}?queue=agency`;
                    return <a href={path} onClick={linkHandler(path)} style={{ whiteSpace: "nowrap" }} aria-label={ta("ag.workOf", { receipt: row.receiptNo })}>{ta("ag.work")}</a>;
                  },
                }]
              : []),
          ]}
          data-testid="agency-table"
        />
      )}
      <CursorPager pages={pages} nextCursor={page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null} testId="agency" />
    </section>
  );
}

/** 流转单: every step with who took it and where — the village point, the township, or the county department. */
function Slip({ row, names }: { row: Row; names: Names }) {
  const { ta } = useTownshipsT();
  const [{ data, fetching, error }] = useQuery({ query: AgencySlipQuery, variables: { id: row.id } });
  if (error) return <ErrorNotice error={error} />;
  if (!data && fetching) return <Skeleton active aria-label={ta("tw.loading")} />;
  const steps = data?.case?.routingSlip ?? [];
  return (
    <section aria-label={ta("ag.slipOf", { receipt: row.receiptNo })} data-testid="agency-slip">
      <Timeline
        items={steps.map((step) => {
          const action = isTownshipsKey(`step.${step.action}`) ? ta(`step.${step.action}` as "step.SUBMIT") : step.action;
          const who = step.actorKind === "SYSTEM" ? ta("ag.who.system") : step.actorKind === "APPLICANT" ? ta("ag.who.applicant") : step.actor?.name ?? step.actorKind;
          // No center on the step: it was taken at the case's own center (the county department, or the township for its own item).
          const at = step.actorCenterCode ?? row.centerCode;
          const where = names.get(at) ?? at;
          return {
            key: step.seq,
            content: (
              <div>
                <div data-testid="agency-slip-step">{ta("ag.slipStep", { action, who, where })}</div>
                <div className="agency-when">{formatDateTime(step.occurredAt)}</div>
                {step.opinion ? <div>{step.opinion}</div> : null}
              </div>
            ),
          };
        })}
      />
    </section>
  );
}
