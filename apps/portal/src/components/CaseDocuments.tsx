import { Alert, Button, Card, List, Tag, Typography } from "antd";
import { useState } from "react";
import { useQuery } from "urql";
import { downloadDocument } from "../lib/documents";
import { formatDay } from "../lib/format";
import { useResultsT, type ResultsMessageKey } from "../lib/messages-results";
import { CaseDocumentsQuery } from "../lib/queries-results";

// Solid and dark enough for white text (WCAG 1.4.3): Ant Design's light preset tags are not.
const STATUS_COLOR: Record<string, string> = { VALID: "#1b5e20", REVOKED: "#b71c1c", EXPIRED: "#8a4b00", REPLACED: "#5d4a00" };

/** A case's documents (receipt, notices, the result), each a PDF to download, with its verification code. */
export function CaseDocuments({ caseId }: { caseId: string }) {
  const tr = useResultsT();
  const [{ data }] = useQuery({ query: CaseDocumentsQuery, variables: { id: caseId }, requestPolicy: "cache-and-network" });
  const [failed, setFailed] = useState(false);
  const documents = data?.case?.documents ?? [];
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{tr("documents.heading")}</h2>} data-testid="case-documents" style={{ marginTop: 16 }} className="no-print-when-notice">
      {failed && <Alert type="error" role="alert" showIcon title={tr("documents.failed")} style={{ marginBottom: 12 }} />}
      {documents.length === 0 ? (
        <Typography.Text type="secondary">{tr("documents.none")}</Typography.Text>
      ) : (
        <List
          dataSource={documents}
          renderItem={(document) => (
            <List.Item
              data-testid="case-document"
              data-kind={document.kind}
              actions={[
                <Button
                  key="download"
                  className="no-print"
                  aria-label={tr("documents.downloadNamed", { title: document.title })}
                  data-testid="document-download"
                  onClick={async () => setFailed(!(await downloadDocument(document.downloadPath, `${document.title}-${document.documentNo}.pdf`)))}
                >
                  {tr("documents.download")}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <span>
                    {document.title}{" "}
                    {document.licence && <Tag color={STATUS_COLOR[document.licence.status]}>{tr(`licence.status.${document.licence.status}` as ResultsMessageKey)}</Tag>}
                  </span>
                }
                description={
                  <span>
                    {tr(`document.kind.${document.kind}` as ResultsMessageKey)} · {document.documentNo} · {formatDay(document.issuedAt)} ·{" "}
                    <span data-testid="document-code">{tr("documents.code", { code: document.verificationCode })}</span>
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
