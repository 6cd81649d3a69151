import { Alert, Button, Card, DatePicker, Descriptions, Empty, Progress, Select, Skeleton, Space, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState, type ChangeEvent } from "react";
import { useClient, useQuery, type CombinedError } from "urql";
import type { DiscrepancyCategory, FinanceStatementQuery } from "../../gql/graphql";
import { formatDateTime, formatFen } from "../../lib/format";
import { linkHandler, navigate } from "../../lib/router";
import { FinanceError } from "./FinanceError";
import { useFinanceT, type FinanceMessageKey } from "./messages-finance";
import { AppendStatementMutation, BeginStatementMutation, CloseStatementMutation, StatementQuery, TakingsQuery } from "./queries-finance";
import { parseStatementCsv, type ParsedStatement } from "./statement-csv";
import { beijingToday } from "./Takings";

/** Lines per part sent: well under the service's 5,000, so a large file shows its progress. */
const PART_LINES = 1000;
const DISCREPANCY_PAGE = 20;

type Progressing = { phase: "idle" } | { phase: "sending"; part: number; parts: number; lines: number; total: number } | { phase: "closing" } | { phase: "failed"; error: CombinedError };

/** 银行对账: one account's statement of one day, uploaded in parts with its progress, then its report. */
export function Statements({ centerCode }: { centerCode: string }) {
  const { ta } = useFinanceT();
  const client = useClient();
  const [accounts] = useQuery({ query: TakingsQuery, variables: { centerCode, day: null } });
  const [accountNo, setAccountNo] = useState<string | null>(null);
  const [day, setDay] = useState(beijingToday());
  const [file, setFile] = useState<{ name: string; parsed: ParsedStatement } | null>(null);
  const [progress, setProgress] = useState<Progressing>({ phase: "idle" });

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setProgress({ phase: "idle" });
    setFile(chosen ? { name: chosen.name, parsed: parseStatementCsv(await chosen.text()) } : null);
  };

  const upload = async () => {
    if (!accountNo || !file || file.parsed.problem || file.parsed.entries.length === 0) return;
    const { entries, totalFen } = file.parsed;
    const parts = Math.ceil(entries.length / PART_LINES);
    setProgress({ phase: "sending", part: 0, parts, lines: 0, total: entries.length });
    const begun = await client.mutation(BeginStatementMutation, { input: { statementDate: day, accountNo, lineCount: entries.length, totalFen } }).toPromise();
    if (begun.error || !begun.data) return setProgress({ phase: "failed", error: begun.error! });
    const statementId = begun.data.beginBankStatement.id;
    for (let part = 1; part <= parts; part += 1) {
      const appended = await client
        .mutation(AppendStatementMutation, { input: { statementId, partNo: part, entries: entries.slice((part - 1) * PART_LINES, part * PART_LINES) } })
        .toPromise();
      if (appended.error || !appended.data) return setProgress({ phase: "failed", error: appended.error! });
      setProgress({ phase: "sending", part, parts, lines: appended.data.appendBankStatementLines.receivedLines, total: entries.length });
    }
    setProgress({ phase: "closing" });
    const closed = await client.mutation(CloseStatementMutation, { statementId }).toPromise();
    if (closed.error || !closed.data) return setProgress({ phase: "failed", error: closed.error! });
    navigate(`/staff/finance/statements/${encodeURIComponent(statementId)}`);
  };

  const busy = progress.phase === "sending" || progress.phase === "closing";
  const percent = progress.phase === "sending" ? Math.round((progress.lines / Math.max(progress.total, 1)) * 100) : progress.phase === "closing" ? 100 : 0;
  const ready = Boolean(accountNo && file && !file.parsed.problem && file.parsed.entries.length > 0);
  return (
    <section aria-labelledby="statements-heading" data-testid="finance-statements">
      <Typography.Title level={2} id="statements-heading" style={{ fontSize: 18 }}>{ta("statements.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary">{ta("statements.intro")}</Typography.Paragraph>
      <Card size="small">
        <div className="statement-form">
          <div>
            <label htmlFor="statement-account" className="field-label">{ta("statements.account")}</label>
            <Select
              id="statement-account"
              value={accountNo}
              onChange={setAccountNo}
              loading={accounts.fetching}
              showSearch={{ optionFilterProp: "label" }}
              style={{ width: "100%" }}
              options={(accounts.data?.feeCollections ?? []).map((row) => ({ value: row.accountNo, label: `${row.department.name} ${row.accountNo}` }))}
              data-testid="statement-account"
            />
          </div>
          <div>
            <label htmlFor="statement-day" className="field-label">{ta("statements.day")}</label>
            <DatePicker
              id="statement-day"
              value={dayjs(day)}
              allowClear={false}
              disabledDate={(candidate: Dayjs) => candidate.format("YYYY-MM-DD") > beijingToday()}
              onChange={(value) => value && setDay(value.format("YYYY-MM-DD"))}
              style={{ width: "100%" }}
            />
          </div>
          <div>
            <label htmlFor="statement-file" className="field-label">{ta("statements.file")}</label>
            <input id="statement-file" type="file" accept=".csv,text/csv,text/plain" onChange={onFile} disabled={busy} className="file-input" data-testid="statement-file" />
          </div>
        </div>
        <div aria-live="polite" data-testid="statement-file-state">
          {file?.parsed.problem && <Alert type="error" showIcon role="alert" title={ta("statements.badFile", { line: file.parsed.problem.line, problem: file.parsed.problem.text })} />}
          {file && !file.parsed.problem && file.parsed.entries.length === 0 && <Alert type="warning" showIcon title={ta("statements.empty")} />}
          {file && !file.parsed.problem && file.parsed.entries.length > 0 && (
            <Typography.Text>{ta("statements.parsed", { name: file.name, n: file.parsed.entries.length, total: formatFen(file.parsed.totalFen) })}</Typography.Text>
          )}
        </div>
        <Space wrap style={{ marginTop: 12 }}>
          <Button type="primary" onClick={upload} disabled={!ready} loading={busy} data-testid="statement-upload">{ta("statements.upload")}</Button>
          {!ready && <Typography.Text type="secondary">{ta("statements.needAll")}</Typography.Text>}
        </Space>
        <div aria-live="polite" style={{ marginTop: 12 }} data-testid="statement-progress">
          {busy && (
            <>
              <Progress percent={percent} status="active" aria-label={ta("statements.upload")} />
              <Typography.Text>
                {progress.phase === "sending" ? ta("statements.progress", { part: progress.part, parts: progress.parts, lines: progress.lines, total: progress.total }) : ta("statements.closing")}
              </Typography.Text>
            </>
          )}
          {progress.phase === "failed" && <FinanceError error={progress.error} />}
        </div>
      </Card>
    </section>
  );
}

type Report = NonNullable<NonNullable<FinanceStatementQuery["bankStatement"]>["report"]>;
type Discrepancy = Report["discrepancies"][number];
const CATEGORIES: DiscrepancyCategory[] = ["PAID_AT_BANK_UNKNOWN_HERE", "RECORDED_HERE_MISSING_AT_BANK", "AMOUNT_MISMATCH", "DETAIL_MISMATCH"];

/** 对账结果: the statement's buckets, the day's totals and every discrepancy, 20 a page from the server. */
export function StatementReport({ statementId }: { statementId: string }) {
  const { ta } = useFinanceT();
  const [category, setCategory] = useState<DiscrepancyCategory | null>(null);
  const [offset, setOffset] = useState(0);
  const [result] = useQuery({ query: StatementQuery, variables: { id: statementId, category, offset, limit: DISCREPANCY_PAGE } });
  const back = <a href="/staff/finance/statements" onClick={linkHandler("/staff/finance/statements")} className="back-link">← {ta("statements.heading")}</a>;
  const statement = result.data?.bankStatement;
  if (result.fetching && !statement) return <Skeleton active aria-label={ta("finance.loading")} />;
  if (!statement?.report) return <Space orientation="vertical">{back}<FinanceError error={result.error} />{!result.error && <Empty description={ta("error.STATEMENT_UNKNOWN")} />}</Space>;
  const report = statement.report;
  const buckets: Array<{ key: string; label: FinanceMessageKey; bucket: Report["matched"] }> = [
    { key: "matched", label: "report.matched", bucket: report.matched },
    { key: "PAID_AT_BANK_UNKNOWN_HERE", label: "report.PAID_AT_BANK_UNKNOWN_HERE", bucket: report.paidAtBankUnknownHere },
    { key: "RECORDED_HERE_MISSING_AT_BANK", label: "report.RECORDED_HERE_MISSING_AT_BANK", bucket: report.recordedHereMissingAtBank },
    { key: "AMOUNT_MISMATCH", label: "report.AMOUNT_MISMATCH", bucket: report.amountMismatch },
    { key: "DETAIL_MISMATCH", label: "report.DETAIL_MISMATCH", bucket: report.detailMismatch },
  ];
  const discrepancyCount = buckets.slice(1).reduce((sum, row) => sum + row.bucket.count, 0);
  const shownCount = category ? buckets.find((row) => row.key === category)!.bucket.count : discrepancyCount;
  const total = report.totals.find((row) => row.accountNo === statement.accountNo) ?? report.totals[0];
  const amount = (fen: number | null | undefined) => (fen == null ? "—" : formatFen(fen));
  return (
    <article aria-labelledby="report-heading" data-testid="finance-report">
      {back}
      <Typography.Title level={2} id="report-heading" style={{ fontSize: 18, marginTop: 12 }}>{ta("report.heading")}</Typography.Title>
      <Typography.Paragraph>
        {ta("report.of", { account: statement.accountNo, department: statement.department.name, day: statement.statementDate })}
        <br />
        {ta("report.lines", { n: statement.lineCount, total: formatFen(statement.totalFen) })} · {ta("report.reconciledAt")} {formatDateTime(report.reconciledAt)}
      </Typography.Paragraph>
      {total && (
        <Alert
          type={total.differenceFen === 0 && discrepancyCount === 0 ? "success" : "warning"}
          showIcon
          title={total.differenceFen === 0 ? ta("report.balanced") : ta("report.unbalanced", { difference: formatFen(total.differenceFen) })}
          data-testid="report-balance"
        />
      )}
      <Table
        style={{ marginTop: 12 }}
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={buckets}
        columns={[
          { key: "label", title: ta("report.bucket"), render: (_: unknown, row: (typeof buckets)[number]) => ta(row.label) },
          { key: "count", title: ta("report.count"), align: "right", render: (_: unknown, row: (typeof buckets)[number]) => <span data-testid={`report-count-${row.key}`}>{row.bucket.count}</span> },
          { key: "bank", title: ta("report.bankTotal"), align: "right", render: (_: unknown, row: (typeof buckets)[number]) => formatFen(row.bucket.bankTotalFen) },
          { key: "recorded", title: ta("report.recordedTotal"), align: "right", render: (_: unknown, row: (typeof buckets)[number]) => formatFen(row.bucket.recordedTotalFen), responsive: ["sm"] },
        ]}
        data-testid="report-buckets"
      />
      <section aria-labelledby="discrepancies-heading" style={{ marginTop: 16 }}>
        <h3 id="discrepancies-heading" className="section-heading">{ta("report.discrepancies", { n: discrepancyCount })}</h3>
        <div className="area-filters">
          <Select<DiscrepancyCategory | "">
            value={category ?? ""}
            onChange={(value) => {
              setCategory(value === "" ? null : value);
              setOffset(0);
            }}
            aria-label={ta("report.category")}
            style={{ minWidth: 220 }}
            options={[{ value: "", label: ta("report.allCategories") }, ...CATEGORIES.map((value) => ({ value, label: ta(`report.${value}`) }))]}
          />
        </div>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="discrepancies-heading">
        <Table<Discrepancy>
          rowKey={(row) => `${row.category}:${row.bankTxnId}`}
          size="small"
          loading={result.fetching && !result.data}
          pagination={false}
          dataSource={report.discrepancies}
          locale={{ emptyText: <Empty description={ta("report.noDiscrepancies")} /> }}
          columns={[
            { key: "category", title: ta("report.col.category"), render: (_: unknown, row: Discrepancy) => ta(`report.${row.category}`) },
            { key: "reason", title: ta("report.col.reason"), render: (_: unknown, row: Discrepancy) => (row.reason ? ta(`reason.${row.reason}` as FinanceMessageKey) : "—") },
            { key: "txn", title: ta("report.col.txn"), render: (_: unknown, row: Discrepancy) => <span className="mono">{row.bankTxnId}</span> },
            { key: "notice", title: ta("report.col.notice"), render: (_: unknown, row: Discrepancy) => <span className="mono">{row.noticeNo}</span> },
            { key: "bank", title: ta("report.col.bank"), align: "right", render: (_: unknown, row: Discrepancy) => amount(row.bankAmountFen) },
            { key: "recorded", title: ta("report.col.recorded"), align: "right", render: (_: unknown, row: Discrepancy) => amount(row.recordedAmountFen) },
            { key: "paidAt", title: ta("report.col.paidAt"), render: (_: unknown, row: Discrepancy) => formatDateTime(row.paidAt) },
          ]}
          data-testid="report-discrepancies"
        />
        </div>
        {shownCount > DISCREPANCY_PAGE && (
          <nav aria-label={ta("finance.pages")} className="area-pager">
            <Button onClick={() => setOffset(Math.max(0, offset - DISCREPANCY_PAGE))} disabled={offset === 0}>{ta("finance.previous")}</Button>
            <span>{ta("finance.page", { n: offset / DISCREPANCY_PAGE + 1 })}</span>
            <Button onClick={() => setOffset(offset + DISCREPANCY_PAGE)} disabled={offset + DISCREPANCY_PAGE >= shownCount}>{ta("finance.next")}</Button>
          </nav>
        )}
      </section>
    </article>
  );
}
