import { Descriptions, Empty, Input, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useQuery } from "urql";
import type { FinanceNoticeQuery } from "../../gql/graphql";
import { formatDateTime, formatFen } from "../../lib/format";
import { FinanceError } from "./FinanceError";
import { useFinanceT, type FinanceMessageKey } from "./messages-finance";
import { NoticeByNoQuery } from "./queries-finance";

type Line = NonNullable<FinanceNoticeQuery["paymentNotice"]>["lineItems"][number];

/** 查缴款通知书: one notice by its number, as fees shows it to finance. */
export function NoticeLookup() {
  const { ta } = useFinanceT();
  const [typed, setTyped] = useState("");
  const [noticeNo, setNoticeNo] = useState("");
  const [result] = useQuery({ query: NoticeByNoQuery, variables: { noticeNo }, pause: noticeNo.length === 0 });
  const notice = result.data?.paymentNotice;
  return (
    <section aria-labelledby="notice-heading" data-testid="finance-notice">
      <Typography.Title level={2} id="notice-heading" style={{ fontSize: 18 }}>{ta("notice.heading")}</Typography.Title>
      <form role="search" className="area-filters" onSubmit={(event) => { event.preventDefault(); setNoticeNo(typed.trim()); }}>
        <Input.Search
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onSearch={(value) => setNoticeNo(value.trim())}
          aria-label={ta("notice.number")}
          placeholder={ta("notice.number")}
          enterButton={ta("notice.find")}
          maxLength={32}
          inputMode="numeric"
          style={{ maxWidth: 420 }}
        />
      </form>
      <FinanceError error={result.error} />
      {noticeNo && result.data && !notice && <Empty description={ta("notice.notFound")} />}
      {notice && (
        <>
          <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }}>
            <Descriptions.Item label={ta("notice.status")}><Tag>{ta(`noticeStatus.${notice.status}` as FinanceMessageKey)}</Tag></Descriptions.Item>
            <Descriptions.Item label={ta("notice.payer")}>{notice.payerName}</Descriptions.Item>
            <Descriptions.Item label={ta("notice.amount")}>{formatFen(notice.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={ta("notice.standard")}>{formatFen(notice.standardAmountFen)}</Descriptions.Item>
            <Descriptions.Item label={ta("notice.item")}>{notice.itemName}</Descriptions.Item>
            <Descriptions.Item label={ta("notice.department")}>{notice.departmentName}</Descriptions.Item>
            <Descriptions.Item label={ta("notice.account")}><span className="mono break">{notice.account ? `${notice.account.accountNo} ${notice.account.bankName}` : "—"}</span></Descriptions.Item>
            <Descriptions.Item label={ta("notice.issued")}>{formatDateTime(notice.issuedAt)}</Descriptions.Item>
            <Descriptions.Item label={ta("notice.expires")}>{notice.expiresDay}</Descriptions.Item>
            <Descriptions.Item label={ta("notice.paid")}>{notice.paidAt ? formatDateTime(notice.paidAt) : "—"}</Descriptions.Item>
            <Descriptions.Item label={ta("notice.receipt")}>{notice.receiptNo ?? "—"}</Descriptions.Item>
          </Descriptions>
          <h3 className="section-heading">{ta("notice.lines")}</h3>
          <Table<Line>
            rowKey="feeCode"
            size="small"
            pagination={false}
            dataSource={notice.lineItems}
            columns={[
              { key: "description", title: ta("notice.item"), render: (_: unknown, line: Line) => `${line.description} × ${line.quantity}` },
              { key: "standard", title: ta("notice.standard"), align: "right", render: (_: unknown, line: Line) => formatFen(line.standardAmountFen) },
              { key: "amount", title: ta("notice.amount"), align: "right", render: (_: unknown, line: Line) => formatFen(line.amountFen) },
            ]}
          />
        </>
      )}
    </section>
  );
}
