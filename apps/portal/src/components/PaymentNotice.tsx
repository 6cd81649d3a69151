import { Button, Descriptions, Grid, Table, Tag } from "antd";
import type { MyCaseQuery } from "../gql/graphql";
import { formatDateTime, formatDay, formatFen } from "../lib/format";
import { useT } from "../lib/i18n";
import type { MessageKey } from "../lib/messages";

type Notice = NonNullable<MyCaseQuery["case"]>["paymentNotices"][number];

/** Prints this notice alone: the print stylesheet hides everything but the element marked for printing. */
function printNotice(id: string): void {
  const root = document.documentElement;
  const notice = document.querySelector(`[data-notice="${CSS.escape(id)}"]`);
  root.dataset.printing = "notice";
  notice?.classList.add("print-target");
  const done = () => {
    delete root.dataset.printing;
    notice?.classList.remove("print-target");
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}

/** 缴款通知书: what is due, where it goes, and where and how to pay it; printable on its own. */
export function PaymentNotice({ notice }: { notice: Notice }) {
  const t = useT();
  // On a phone the labels stand above their values: side by side they squeeze both.
  const wide = Grid.useBreakpoint().sm ?? true;
  return (
    <section className="payment-notice" data-notice={notice.id} data-testid="payment-notice" aria-labelledby={`notice-${notice.id}`}>
      <h3 id={`notice-${notice.id}`} className="notice-title">
        {t("notice.heading")} <Tag color={notice.payable ? "red" : "default"}>{t(`notice.status.${notice.status}` as MessageKey)}</Tag>
      </h3>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered layout={wide ? "horizontal" : "vertical"}>
        <Descriptions.Item label={t("notice.no")}><span data-testid="notice-no" className="notice-no">{notice.noticeNo}</span></Descriptions.Item>
        <Descriptions.Item label={t("notice.payer")}>{notice.payerName}</Descriptions.Item>
        <Descriptions.Item label={t("notice.item")}>{notice.itemName}</Descriptions.Item>
        <Descriptions.Item label={t("notice.department")}>{notice.departmentName}</Descriptions.Item>
        {notice.account && (
          <Descriptions.Item label={t("notice.account")} span={2}>
            {t("notice.accountValue", { bank: notice.account.bankName, name: notice.account.accountName, no: notice.account.accountNo })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t("notice.expires")} span={2}>{t("notice.expiresValue", { day: formatDay(notice.expiresDay) })}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        pagination={false}
        rowKey="feeCode"
        style={{ marginTop: 12 }}
        dataSource={notice.lineItems}
        columns={[
          { title: t("notice.line"), dataIndex: "description" },
          { title: t("notice.quantity"), dataIndex: "quantity", align: "right" },
          { title: t("notice.amount"), dataIndex: "amountFen", align: "right", render: (fen: number) => formatFen(fen) },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}><strong>{t("notice.total")}</strong></Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right"><strong data-testid="notice-total">{formatFen(notice.amountFen)}</strong></Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {notice.paidAt && <p>{t("notice.paidAt", { when: formatDateTime(notice.paidAt), receipt: notice.receiptNo ?? "" })}</p>}
      {notice.payable && (
        <div className="notice-how">
          <h4>{t("notice.howTitle")}</h4>
          <ol>
            <li>{t("notice.how1")}</li>
            <li>{t("notice.how2")}</li>
          </ol>
        </div>
      )}
      <p className="notice-basis"><strong>{t("notice.basis")}</strong> {[...new Set(notice.lineItems.map((line) => line.legalBasis))].join("；")}</p>
      <Button className="no-print" onClick={() => printNotice(notice.id)} data-testid="notice-print">{t("notice.print")}</Button>
    </section>
  );
}
