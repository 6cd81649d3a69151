import { Alert, Button, Card, List } from "antd";
import { useEffect, useState } from "react";
import { useQuery } from "urql";
import type { WorkbenchCaseDocumentsQuery, WorkbenchCaseFieldsFragment } from "../../gql/graphql";
import { printDocument } from "../../lib/documents";
import { useWorkbenchT } from "./messages-workbench";
import { WorkbenchCaseDocumentsQuery as DocumentsQuery } from "./queries-workbench";

type Documents = NonNullable<WorkbenchCaseDocumentsQuery["case"]>;

/** Results renders a step's document seconds after the step; the workbench asks again meanwhile. */
const POLL_MS = 3_000;
const POLL_FOR_MS = 120_000;

/**
 * The case's documents as results issued them, and the routing slip's record of them, asked again
 * when the case takes a step and every few seconds for two minutes after it (a document follows
 * its step; the window should not have to reload to print it).
 */
export function useCaseDocuments(found: WorkbenchCaseFieldsFragment | null): Documents | null {
  const lastStep = found?.routingSlip.at(-1);
  const [{ data }, reexecute] = useQuery({ query: DocumentsQuery, variables: { id: found?.id ?? "" }, pause: !found, requestPolicy: "cache-and-network" });
  useEffect(() => {
    if (!found || !lastStep) return;
    reexecute({ requestPolicy: "network-only" });
    const until = new Date(lastStep.occurredAt).getTime() + POLL_FOR_MS;
    if (Date.now() > until) return;
    const timer = setInterval(() => {
      if (Date.now() > until) clearInterval(timer);
      else reexecute({ requestPolicy: "network-only" });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [found?.id, lastStep?.seq, lastStep?.occurredAt, reexecute]); // eslint-disable-line react-hooks/exhaustive-deps
  return data?.case && data.case.id === found?.id ? data.case : null;
}

/** 打印: each document of the case (receipt, one-time notice, payment notice, result) printed on A4 from its PDF. */
export function WindowDocuments({ documents }: { documents: Documents | null }) {
  const { ta } = useWorkbenchT();
  const [failed, setFailed] = useState(false);
  const list = documents?.documents ?? [];
  return (
    <Card size="small" title={<h3 className="card-heading">{ta("wb.documents")}</h3>} style={{ marginTop: 12 }} data-testid="wb-documents">
      {list.length > 0 && <p className="wb-meta" style={{ margin: 0 }}>{ta("wb.documentsHint")}</p>}
      {list.length === 0 ? (
        <p className="wb-meta" data-testid="wb-documents-none">{ta("wb.documentsNone")}</p>
      ) : (
        <List
          size="small"
          dataSource={list}
          rowKey="id"
          renderItem={(document) => (
            <List.Item data-testid="wb-document" data-kind={document.kind}>
              <div className="wb-file" style={{ width: "100%" }}>
                <span style={{ minWidth: 0 }}>
                  <strong>{document.title}</strong>
                  {/* The kind, where the title does not say it already (a licence's title is its decision's). */}
                  {ta(`wb.doc.${document.kind}`) === document.title ? null : ` · ${ta(`wb.doc.${document.kind}`)}`} · <span data-testid="wb-document-no">{document.documentNo}</span>
                  <br />
                  <span className="wb-meta" data-testid="wb-document-code">{ta("wb.documentCode", { code: document.verificationCode })}</span>
                </span>
                <Button
                  size="small"
                  style={{ marginLeft: "auto" }}
                  aria-label={ta("wb.printLabel", { title: document.title, documentNo: document.documentNo })}
                  data-testid="wb-document-print"
                  onClick={async () => setFailed(!(await printDocument(document.downloadPath)))}
                >
                  {ta("wb.print")}
                </Button>
              </div>
            </List.Item>
          )}
        />
      )}
      {failed && <Alert type="error" role="alert" showIcon title={ta("wb.printFailed")} />}
    </Card>
  );
}
