import { Alert, Button, Card, Empty, Form, Input, InputNumber, Select, Skeleton, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import type { TownshipReportQuery as TownshipReportResult } from "../../gql/graphql";
import { ErrorNotice } from "../../components/ErrorNotice";
import { downloadText } from "../../lib/download";
import { formatDateTime } from "../../lib/format";
import { decimal, percent, recentMonths } from "../supervision/period";
import { useTownshipsT } from "./messages-townships";
import { SubmitTownshipReportMutation, TownshipReportQuery } from "./queries-townships";

type Report = TownshipReportResult["townshipMonthlyReport"];
type Line = Report["rows"][number];

/** Dark enough on white for axe (antd's own green and orange tags are not). */
const TIMELINESS_COLOR: Record<Line["timeliness"], string> = { ON_TIME: "#2e7d32", LATE: "#ad4e00", MISSING: "#b71c1c", NOT_DUE: "default" };

/**
 * 乡镇月报与积分排位: the townships' month as supervision ranks it (the county's rule), to read,
 * download as the service's CSV and print. The county's overseers see every township, a
 * township's its own line (supervision decides); a township's administration sends its report here.
 */
export function TownshipReport({ centerCode, mayReport }: { centerCode: string; mayReport: boolean }) {
  const { ta } = useTownshipsT();
  const months = recentMonths(13);
  // Last month by default: the month whose report falls due by the 3rd of this one.
  const [month, setMonth] = useState(months[1]!);
  const countyCode = `${centerCode.slice(0, 6)}000000`;
  const [{ data, fetching, error }, reload] = useQuery({ query: TownshipReportQuery, variables: { countyCode, month }, requestPolicy: "cache-and-network" });
  const report = data?.townshipMonthlyReport?.month === month ? data.townshipMonthlyReport : null;

  return (
    <section aria-labelledby="report-heading" data-testid="township-report" className="tw-report">
      <Typography.Title level={2} id="report-heading" style={{ fontSize: 18 }} className="no-print">{ta("rp.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary" className="no-print">{ta("rp.intro", { day: report?.rule.dueDayOfMonth ?? 3 })}</Typography.Paragraph>
      <div className="area-filters no-print">
        <label htmlFor="tw-report-month">{ta("rp.month")}</label>
        <Select id="tw-report-month" value={month} onChange={setMonth} options={months.map((m) => ({ value: m, label: m }))} style={{ width: 120 }} data-testid="tw-report-month" />
        <Button type="primary" disabled={!report} onClick={() => report && downloadText(`${ta("rp.title", { month: report.month })}.csv`, report.csv, "text/csv;charset=utf-8")} data-testid="tw-report-csv">
          {ta("rp.download")}
        </Button>
        <Button disabled={!report} onClick={() => window.print()} data-testid="tw-report-print">{ta("rp.print")}</Button>
      </div>
      {error && !data ? <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: "network-only" })} /> : null}
      {!report && fetching ? <Skeleton active aria-label={ta("rp.preparing")} /> : null}
      {report && <ReportSheet report={report} />}
      {mayReport && <SubmitReport centerCode={centerCode} months={months.slice(1)} onSent={() => reload({ requestPolicy: "network-only" })} />}
    </section>
  );
}

function ReportSheet({ report }: { report: Report }) {
  const { ta } = useTownshipsT();
  const title = ta("rp.title", { month: report.month });
  return (
    <Card size="small" data-testid="tw-report-sheet">
      <h3 className="tw-report-title">{title}</h3>
      <Space wrap size={[16, 4]}>
        <Typography.Text>{ta("rp.period", { from: report.from, to: report.to })}</Typography.Text>
        <Typography.Text>{ta("rp.due", { day: report.dueOn })}</Typography.Text>
      </Space>
      <Table<Line>
        rowKey="centerCode"
        size="small"
        pagination={false}
        style={{ marginTop: 12 }}
        caption={<span className="visually-hidden">{title}</span>}
        dataSource={report.rows}
        locale={{ emptyText: <Empty description={ta("rp.empty")} /> }}
        expandable={{ expandedRowRender: (line) => <Information line={line} />, columnTitle: <span className="visually-hidden">{ta("rp.col.information")}</span> }}
        columns={[
          { key: "rank", title: ta("rp.col.rank"), dataIndex: "rank", width: 56 },
          { key: "name", title: ta("rp.col.name"), render: (_: unknown, line: Line) => <span data-testid="tw-report-name">{line.name ?? line.centerCode}</span> },
          { key: "timeliness", title: ta("rp.col.timeliness"), render: (_: unknown, line: Line) => <Tag color={TIMELINESS_COLOR[line.timeliness]}>{ta(`rp.timeliness.${line.timeliness}`)}</Tag> },
          { key: "consultations", title: ta("rp.col.consultations"), render: (_: unknown, line: Line) => line.submission?.consultations ?? "—", responsive: ["lg"] },
          { key: "information", title: ta("rp.col.information"), render: (_: unknown, line: Line) => line.submission?.informationItems.length ?? 0, responsive: ["lg"] },
          { key: "accepted", title: ta("rp.col.accepted"), render: (_: unknown, line: Line) => line.figures.accepted, responsive: ["md"] },
          { key: "concluded", title: ta("rp.col.concluded"), render: (_: unknown, line: Line) => line.figures.concluded, responsive: ["md"] },
          { key: "onTime", title: ta("rp.col.onTime"), render: (_: unknown, line: Line) => percent(line.figures.onTimeRate), responsive: ["sm"] },
          { key: "red", title: ta("rp.col.redWarnings"), render: (_: unknown, line: Line) => line.figures.redWarnings, responsive: ["xl"] },
          { key: "pReport", title: ta("rp.col.pointsReport"), render: (_: unknown, line: Line) => decimal(line.points.report), responsive: ["xl"] },
          { key: "pInformation", title: ta("rp.col.pointsInformation"), render: (_: unknown, line: Line) => decimal(line.points.information), responsive: ["xl"] },
          { key: "pOnTime", title: ta("rp.col.pointsOnTime"), render: (_: unknown, line: Line) => decimal(line.points.onTime), responsive: ["xl"] },
          { key: "pWarnings", title: ta("rp.col.pointsWarnings"), render: (_: unknown, line: Line) => decimal(line.points.warnings), responsive: ["xl"] },
          { key: "total", title: ta("rp.col.total"), render: (_: unknown, line: Line) => <strong data-testid="tw-report-total">{decimal(line.points.total)}</strong> },
        ]}
        data-testid="tw-report-table"
      />
      <p className="tw-report-rule" data-testid="tw-report-rule">
        <strong>{ta("rp.rule")}</strong>
        {ta("rp.rule.text", { ...report.rule })}
      </p>
    </Card>
  );
}

/** A township's work information and when it reported, under its line. */
function Information({ line }: { line: Line }) {
  const { ta } = useTownshipsT();
  const sent = line.submission;
  return (
    <section aria-label={ta("rp.informationOf", { name: line.name ?? line.centerCode })}>
      {sent && <div className="tw-report-when">{ta("rp.submittedAt", { first: formatDateTime(sent.firstSubmittedAt), last: formatDateTime(sent.submittedAt), revision: sent.revision })}</div>}
      {sent && sent.informationItems.length > 0 ? (
        <ol className="tw-report-information">
          {sent.informationItems.map((item, index) => (
            <li key={index}><strong>{item.title}</strong>：{item.summary}</li>
          ))}
        </ol>
      ) : (
        <div>{ta("rp.noInformation")}</div>
      )}
      {sent?.note ? <div>{ta("rp.note", { note: sent.note })}</div> : null}
    </section>
  );
}

type SubmitValues = { month: string; consultations: number; informationItems: Array<{ title: string; summary: string }>; note?: string };

/** 上报: a township's administration sends its month (consultations, work information); sending again replaces it. */
function SubmitReport({ centerCode, months, onSent }: { centerCode: string; months: string[]; onSent: () => void }) {
  const { ta } = useTownshipsT();
  const [form] = Form.useForm<SubmitValues>();
  const [result, submit] = useMutation(SubmitTownshipReportMutation);
  const [sent, setSent] = useState<{ month: string; revision: number } | null>(null);
  const required = [{ required: true, message: ta("sb.required") }];

  const send = async (values: SubmitValues) => {
    setSent(null);
    const answer = await submit({
      input: {
        centerCode,
        month: values.month,
        consultations: values.consultations,
        informationItems: (values.informationItems ?? []).map((item) => ({ title: item.title.trim(), summary: item.summary.trim() })),
        note: values.note?.trim() || null,
      },
    });
    if (answer.data) {
      setSent({ month: answer.data.submitTownshipReport.month, revision: answer.data.submitTownshipReport.revision });
      onSent();
    }
  };

  return (
    <Card size="small" title={<h3 className="card-heading">{ta("sb.heading")}</h3>} style={{ marginTop: 16 }} className="no-print" data-testid="tw-submit">
      <Typography.Paragraph type="secondary">{ta("sb.intro")}</Typography.Paragraph>
      <Form<SubmitValues> form={form} layout="vertical" onFinish={send} initialValues={{ month: months[0], consultations: 0, informationItems: [{ title: "", summary: "" }] }}>
        <Space wrap align="start">
          <Form.Item name="month" label={ta("sb.month")} rules={required}>
            <Select options={months.map((m) => ({ value: m, label: m }))} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="consultations" label={ta("sb.consultations")} rules={required}>
            <InputNumber min={0} max={1_000_000} precision={0} data-testid="tw-submit-consultations" />
          </Form.Item>
        </Space>
        <fieldset className="tw-fieldset">
          <legend>{ta("sb.information")}</legend>
          <Form.List name="informationItems">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <div key={field.key} className="tw-information-item">
                    <Form.Item name={[field.name, "title"]} label={`${ta("sb.infoTitle")} ${index + 1}`} rules={[{ ...required[0]!, whitespace: true }]}>
                      <Input maxLength={200} data-testid="tw-submit-title" />
                    </Form.Item>
                    <Form.Item name={[field.name, "summary"]} label={`${ta("sb.infoSummary")} ${index + 1}`} rules={[{ ...required[0]!, whitespace: true }]}>
                      <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} data-testid="tw-submit-summary" />
                    </Form.Item>
                    <Button size="small" onClick={() => remove(field.name)} aria-label={`${ta("sb.removeInformation")} ${index + 1}`}>{ta("sb.removeInformation")}</Button>
                  </div>
                ))}
                <Button onClick={() => add({ title: "", summary: "" })} style={{ marginTop: 8 }}>{ta("sb.addInformation")}</Button>
              </>
            )}
          </Form.List>
        </fieldset>
        <Form.Item name="note" label={ta("sb.note")} style={{ marginTop: 12 }}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1 }} />
        </Form.Item>
        {result.error && <Alert type="error" role="alert" showIcon title={ta("sb.failed")} style={{ marginBottom: 12 }} data-testid="tw-submit-error" />}
        {sent && <Alert type="success" role="status" showIcon title={ta("sb.done", { month: sent.month, revision: sent.revision })} style={{ marginBottom: 12 }} data-testid="tw-submit-done" />}
        <Button type="primary" htmlType="submit" loading={result.fetching} data-testid="tw-submit-send">{ta("sb.submit")}</Button>
      </Form>
    </Card>
  );
}
