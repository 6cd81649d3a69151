import { Card, Empty, List, Spin, Typography } from "antd";
import { useQuery } from "urql";
import { Deadline, MissingMaterials, StatusTag } from "../components/CaseFacts";
import { ErrorNotice } from "../components/ErrorNotice";
import { RequireSignIn } from "../components/RequireSignIn";
import { formatDateTime } from "../lib/format";
import { useT } from "../lib/i18n";
import { MyCasesQuery } from "../lib/queries";
import { linkHandler } from "../lib/router";

function CaseList() {
  const t = useT();
  const [{ data, fetching, error }, again] = useQuery({ query: MyCasesQuery, requestPolicy: "cache-and-network" });
  if (fetching && !data) return <Spin tip={t("my.loading")}><div style={{ minHeight: 120 }} /></Spin>;
  if (error) return <ErrorNotice error={error} onRetry={() => again({ requestPolicy: "network-only" })} />;
  const cases = data?.myCases ?? [];
  if (cases.length === 0) return <Empty description={t("my.none")} />;
  return (
    <List
      data-testid="my-cases"
      dataSource={cases}
      renderItem={(listed) => {
        const href = `/my/cases/${encodeURIComponent(listed.id)}`;
        return (
          <List.Item key={listed.id} data-testid="my-case">
            <Card style={{ width: "100%" }} size="small">
              <h2 className="case-title">
                <a href={href} onClick={linkHandler(href)}>{listed.item.name ?? listed.receiptNo}</a>
              </h2>
              <div className="result-meta">
                <StatusTag status={listed.status} />
                <span>{t("my.label", { label: t("my.receiptNo") })}{listed.receiptNo}</span>
                <span>{t("my.label", { label: t("my.submittedAt") })}{formatDateTime(listed.submittedAt)}</span>
                <span>{t("my.label", { label: t("my.deadline") })}<Deadline clock={listed.clock} /></span>
              </div>
              <MissingMaterials requests={listed.materialRequests} />
            </Card>
          </List.Item>
        );
      }}
    />
  );
}

/** 我的办件: the signed-in applicant's cases, newest first. */
export function MyCases() {
  const t = useT();
  return (
    <div data-testid="my-cases-page">
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t("my.heading")}</Typography.Title>
      <RequireSignIn>
        <CaseList />
      </RequireSignIn>
    </div>
  );
}
