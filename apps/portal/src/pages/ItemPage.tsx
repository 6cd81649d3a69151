import { Button, Card, Descriptions, Empty, List, Skeleton, Space, Tag, Typography } from "antd";
import type { MouseEvent, ReactNode } from "react";
import { useQuery } from "urql";
import { ErrorNotice } from "../components/ErrorNotice";
import type { ItemDisclosureQuery } from "../gql/graphql";
import { formatFen } from "../lib/format";
import { useT } from "../lib/i18n";
import type { MessageKey } from "../lib/messages";
import { goBackOr, linkHandler } from "../lib/router";
import { ItemQuery } from "../lib/queries";

type Item = NonNullable<ItemDisclosureQuery["item"]>;
type FeeItem = Item["feeItems"][number];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card className="disclosure-section" size="small" data-testid={`disclosure-${id}`} title={<h2 id={`d-${id}`} style={{ fontSize: 16, margin: 0 }}>{title}</h2>}>
      <section aria-labelledby={`d-${id}`}>{children}</section>
    </Card>
  );
}

function Text({ children }: { children: string }) {
  return <p className="prewrap">{children}</p>;
}

export function ItemPage({ id }: { id: string }) {
  const t = useT();
  const [result, reexecute] = useQuery({ query: ItemQuery, variables: { id } });
  // Back to the list as it was (the search stays in its URL) when the person came from it.
  const goBack = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    goBackOr("/");
  };
  const back = (
    <a href="/" onClick={goBack} className="no-print back-link">
      ← {t("item.back")}
    </a>
  );
  if (result.fetching && !result.data) return <Skeleton active aria-label={t("item.loading")} />;
  if (result.error) return <Space orientation="vertical">{back}<ErrorNotice error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} /></Space>;
  const item = result.data?.item;
  // Empty, not Result: Result's illustrations would weigh on the public's first load.
  if (!item) return <Space orientation="vertical">{back}<Empty description={<h1 className="result-heading">{t("item.notFound")}</h1>} /></Space>;

  const feeAmount = (fee: FeeItem): string => {
    if (fee.kind === "FREE") return formatFen(0);
    if (fee.kind === "FIXED" && fee.amountFen != null) return formatFen(fee.amountFen);
    if (fee.kind === "PER_UNIT" && fee.unitPriceFen != null) return t("item.perUnit", { price: formatFen(fee.unitPriceFen), unit: fee.unitName ?? "" });
    return fee.description;
  };
  const days = (n: number) => (n > 0 ? t("item.days", { n }) : t("item.instantDays"));
  const speedUp = item.legalLimitDays > 0 ? Math.round(((item.legalLimitDays - item.promisedLimitDays) / item.legalLimitDays) * 100) : 0;
  const where = item.entry
    ? item.entry.status === "ENTERED" && item.entry.window
      ? [item.entry.window.hall?.name, item.entry.window.name].filter(Boolean).join(" · ")
      : t("item.notEntered", { reason: item.entry.notEnteredReason ?? "" })
    : t("item.entryUndecided");

  return (
    <article data-testid="item-page">
      {back}
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 12, wordBreak: "break-word" }} data-testid="item-name">
        {item.name}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button className="no-print" type="primary" href={`/items/${encodeURIComponent(item.id)}/apply`} onClick={linkHandler(`/items/${encodeURIComponent(item.id)}/apply`)} data-testid="item-apply">
          {t("item.apply")}
        </Button>
        <Button className="no-print" size="small" onClick={() => window.print()} data-testid="item-print">{t("item.print")}</Button>
        <Tag color="red">{t(`kind.${item.kind}` as MessageKey)}</Tag>
        <Tag>{t(`category.${item.category}` as MessageKey)}</Tag>
        {item.themes.map((theme) => (
          <Tag key={theme} color="blue">{t(`theme.${theme}` as MessageKey)}</Tag>
        ))}
      </Space>
      <Card size="small" className="disclosure-section">
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
          <Descriptions.Item label={t("item.department")}>{item.department.name}</Descriptions.Item>
          <Descriptions.Item label={t("item.where")}>{where}</Descriptions.Item>
          <Descriptions.Item label={t("item.visits")}>{t("item.visitsValue", { n: item.maxVisits })}</Descriptions.Item>
          <Descriptions.Item label={t("item.supervision")}>{item.supervisionContact}</Descriptions.Item>
          <Descriptions.Item label={t("item.code")}><span style={{ wordBreak: "break-all" }}>{item.code}</span></Descriptions.Item>
        </Descriptions>
      </Card>

      <Section id="content" title={t("item.content")}><Text>{item.content}</Text></Section>
      <Section id="legal-basis" title={t("item.legalBasis")}><Text>{item.legalBasis}</Text></Section>
      <Section id="procedure" title={t("item.procedure")}><Text>{item.procedure}</Text></Section>
      <Section id="conditions" title={t("item.conditions")}><Text>{item.conditions}</Text></Section>
      <Section id="time-limits" title={t("item.timeLimits")}>
        <div className="limits">
          <div>
            <Typography.Text type="secondary">{t("item.promisedLimit")}</Typography.Text>
            <div data-testid="promised-limit" style={{ fontSize: 20, fontWeight: 600, color: "#b71c1c" }}>{days(item.promisedLimitDays)}</div>
          </div>
          <div>
            <Typography.Text type="secondary">{t("item.legalLimit")}</Typography.Text>
            <div data-testid="legal-limit" style={{ fontSize: 20, fontWeight: 600 }}>{days(item.legalLimitDays)}</div>
          </div>
        </div>
        {speedUp > 0 && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t("item.speedUp", { percent: speedUp })}</Typography.Paragraph>}
      </Section>
      <Section id="fees" title={t("item.fees")}>
        {item.free || item.feeItems.length === 0 ? (
          <Typography.Text data-testid="fee-amount">{t("item.free")} {formatFen(0)}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={item.feeItems}
            rowKey="code"
            renderItem={(fee) => (
              <List.Item>
                <div style={{ width: "100%" }}>
                  <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
                    <Typography.Text>{fee.name}</Typography.Text>
                    <Typography.Text strong data-testid="fee-amount">{feeAmount(fee)}</Typography.Text>
                  </Space>
                  <div className="result-meta">{fee.description}</div>
                  <div className="result-meta">{t("item.feeBasis", { basis: fee.legalBasis })}</div>
                </div>
              </List.Item>
            )}
          />
        )}
        {item.preferentialPolicies && (
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
            {t("item.preferentialValue", { text: item.preferentialPolicies })}
          </Typography.Paragraph>
        )}
      </Section>
      <Section id="materials" title={t("item.materialsTitle", { n: item.materials.length })}>
        <List
          size="small"
          dataSource={item.materials}
          rowKey="code"
          renderItem={(material, index) => (
            <List.Item>
              <div style={{ minWidth: 0 }}>
                <div style={{ wordBreak: "break-word" }}>{index + 1}. {material.name}</div>
                <Space wrap size={4} style={{ marginTop: 4 }}>
                  <Tag>{t(`form.${material.form}` as MessageKey)}</Tag>
                  <Tag>{material.copies === 1 ? t("item.copyOne") : t("item.copies", { n: material.copies })}</Tag>
                  <Tag color={material.mandatory ? "red" : "default"}>{material.mandatory ? t("item.mandatory") : t("item.optional")}</Tag>
                  {material.deferrable && <Tag color="green">{t("item.deferrable")}</Tag>}
                </Space>
                {material.notes && <div className="result-meta">{material.notes}</div>}
              </div>
            </List.Item>
          )}
        />
      </Section>
    </article>
  );
}
