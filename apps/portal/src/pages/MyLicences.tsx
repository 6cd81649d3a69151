import { Button, Card, List, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { useQuery } from "urql";
import { ErrorNotice } from "../components/ErrorNotice";
import { RequireSignIn } from "../components/RequireSignIn";
import { downloadDocument } from "../lib/documents";
import { formatDay } from "../lib/format";
import { useResultsT, type ResultsMessageKey } from "../lib/messages-results";
import { MyLicencesQuery } from "../lib/queries-results";
import { linkHandler } from "../lib/router";

// Solid and dark enough for white text (WCAG 1.4.3): Ant Design's light preset tags are not.
const STATUS_COLOR: Record<string, string> = { VALID: "#1b5e20", REVOKED: "#b71c1c", EXPIRED: "#8a4b00", REPLACED: "#5d4a00" };

function Licences() {
  const tr = useResultsT();
  const [{ data, fetching, error }] = useQuery({ query: MyLicencesQuery, requestPolicy: "cache-and-network" });
  const [failed, setFailed] = useState(false);
  if (error) return <ErrorNotice error={error} />;
  if (!data && fetching) return <Spin aria-label={tr("licences.loading")} />;
  const licences = data?.myLicences ?? [];
  return (
    <Card>
      {failed && <Typography.Text type="danger" role="alert">{tr("documents.failed")}</Typography.Text>}
      {licences.length === 0 ? (
        <Typography.Text type="secondary" data-testid="licences-none">{tr("licences.none")}</Typography.Text>
      ) : (
        <List
          dataSource={licences}
          renderItem={(licence) => {
            const code = licence.document.verificationCode;
            const verifyPath = `/verify/${encodeURIComponent(code.replace(/-/g, ""))}`;
            return (
              <List.Item
                data-testid="licence"
                data-status={licence.status}
                actions={[
                  <Button
                    key="download"
                    aria-label={tr("documents.downloadNamed", { title: licence.document.title })}
                    onClick={async () => setFailed(!(await downloadDocument(licence.document.downloadPath, `${licence.document.title}-${licence.licenceNo}.pdf`)))}
                  >
                    {tr("documents.download")}
                  </Button>,
                  // The portal's own red, underlined: the list's action links are lighter than 4.5:1 on white.
                  <a key="verify" href={verifyPath} onClick={linkHandler(verifyPath)} style={{ color: "#9a1818", textDecoration: "underline" }}>{tr("licences.verifyLink")}</a>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <span>
                      {licence.itemName} <Tag color={STATUS_COLOR[licence.status]}>{tr(`licence.status.${licence.status}` as ResultsMessageKey)}</Tag>
                    </span>
                  }
                  description={
                    <span>
                      {licence.licenceNo} · {licence.validUntil ? tr("licences.validUntil", { day: formatDay(licence.validUntil) }) : tr("verify.longTerm")} · {tr("documents.code", { code })}
                    </span>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

/** 我的证照: the signed-in applicant's electronic licences. */
export function MyLicences() {
  const tr = useResultsT();
  return (
    <div style={{ maxWidth: 820, margin: "0 auto" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{tr("licences.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary">{tr("licences.intro")}</Typography.Paragraph>
      <RequireSignIn>
        <Licences />
      </RequireSignIn>
    </div>
  );
}
