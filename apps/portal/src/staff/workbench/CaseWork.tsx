import { Alert, Button, Card, Descriptions, List, Space, Spin, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import type { CombinedError } from "@urql/core";
import type { WorkbenchCaseFieldsFragment } from "../../gql/graphql";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatDateTime, formatDay } from "../../lib/format";
import type { MessageKey } from "../../lib/messages";
import { downloadFile } from "../../lib/uploads";
import type { CaseAct } from "./ActDialog";
import { useWorkbenchT, type WorkbenchMessageKey } from "./messages-workbench";
import { ACT_KEYS } from "./shortcuts";
import { ClockBadge } from "./Queue";
import { CaseNotifications } from "./CaseNotifications";
import { useCaseDocuments, WindowDocuments } from "./WindowDocuments";

type Found = WorkbenchCaseFieldsFragment;

const formatBytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Routing-slip actions the workbench names; others show their code. */
const STEP_WORDS: Record<string, WorkbenchMessageKey> = {
  SUBMIT: "wb.step.SUBMIT",
  ACCEPT: "act.ACCEPT", REFUSE: "act.REFUSE", ISSUE_MATERIAL_NOTICE: "act.ISSUE_MATERIAL_NOTICE", SUPPLY_MATERIALS: "act.SUPPLY_MATERIALS",
  DECIDE_INSTANTLY: "act.DECIDE_INSTANTLY", REVIEW: "act.REVIEW", FORWARD: "act.FORWARD", RECORD_HIGHER_AUTHORITY_RESULT: "act.RECORD_HIGHER_AUTHORITY_RESULT",
  APPROVE: "form.approve", DENY: "form.deny", PROPOSE_VETO: "form.denyVeto", SIGN_VETO: "act.SIGN_VETO", DECLINE_VETO: "act.DECLINE_VETO",
  CONCLUDE: "act.CONCLUDE", DELIVER: "act.DELIVER", REFER: "act.REFER", SUSPEND_CLOCK: "act.SUSPEND_CLOCK", RESUME_CLOCK: "act.RESUME_CLOCK",
  EXTEND_DEADLINE: "act.EXTEND_DEADLINE", VERIFY_COMMITMENT: "act.VERIFY_COMMITMENT",
};

/** One case as the window works it: its facts, materials and files, routing slip, and the acts the services allow. */
export function CaseWork({
  found, fetching, error, onAct, onRetry, done,
}: {
  found: Found | null;
  fetching: boolean;
  error: CombinedError | undefined;
  onAct: (act: CaseAct) => void;
  onRetry: () => void;
  /** The act just done on the case, told in the current language. */
  done: CaseAct | null;
}) {
  const { ta, t } = useWorkbenchT();
  const [fileFailed, setFileFailed] = useState(false);
  const documents = useCaseDocuments(found);
  if (!found && fetching) return <Spin description={ta("wb.loadingCase")}><div style={{ minHeight: 160 }} /></Spin>;
  if (!found) return <ErrorNotice error={error} onRetry={onRetry} />;
  const filesOf = (code: string) => found.materialFiles.filter((file) => file.materialCode === code);
  const stepWho = (step: Found["routingSlip"][number]) =>
    step.actorKind === "SYSTEM" ? ta("wb.system") : step.actorKind === "APPLICANT" ? ta("wb.applicantActor") : `${step.actor?.name ?? ""}${step.window ? ` (${step.window.code})` : ""}`;

  return (
    <div className="wb-case" data-testid="wb-case" data-case-id={found.id} data-status={found.status} aria-busy={fetching}>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }} data-testid="wb-case-title">
        {found.judgedBy.name}
      </Typography.Title>
      {done && <Alert type="success" showIcon role="status" title={ta("wb.done", { act: ta(`act.${done}`) })} data-testid="wb-done" style={{ marginBottom: 12 }} />}

      <Card size="small" title={<h3 className="card-heading">{ta("wb.acts")}</h3>} extra={<span className="wb-meta">{ta("wb.actsHint")}</span>} data-testid="wb-acts">
        {found.allowedActs.length === 0 ? (
          <p data-testid="wb-no-acts">{ta("wb.noActs")}</p>
        ) : (
          <Space wrap>
            {found.allowedActs.map((act) => {
              const key = Object.entries(ACT_KEYS).find(([, value]) => value === act)?.[0];
              return (
                <Button key={act} type={act === found.allowedActs[0] ? "primary" : "default"} danger={act === "REFUSE"} onClick={() => onAct(act)} data-testid={`act-${act}`} aria-keyshortcuts={key}>
                  {ta(`act.${act}`)}
                  {key ? <kbd className="wb-kbd" aria-hidden="true">{key}</kbd> : null}
                </Button>
              );
            })}
          </Space>
        )}
      </Card>

      <Card size="small" title={<h3 className="card-heading">{ta("wb.facts")}</h3>} style={{ marginTop: 12 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={ta("wb.receiptNo")}><span data-testid="wb-receipt">{found.receiptNo}</span></Descriptions.Item>
          <Descriptions.Item label={ta("wb.status")}><Tag data-testid="wb-status">{t(`status.${found.status}` as MessageKey)}</Tag></Descriptions.Item>
          <Descriptions.Item label={ta("wb.kind")}>{ta(`wb.kind.${found.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={ta("wb.applicant")}>{found.applicantName}</Descriptions.Item>
          <Descriptions.Item label={ta("wb.department")}>{found.department.name}</Descriptions.Item>
          <Descriptions.Item label={ta("wb.window")}>{found.window ? `${found.window.code} ${found.window.name}` : "—"}</Descriptions.Item>
          <Descriptions.Item label={ta("wb.handler")}>{found.handler?.name ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={ta("wb.submittedAt")}>{formatDateTime(found.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={ta("wb.clock")}>
            <ClockBadge clock={found.clock} stageClock={found.stageClock} status={found.status} />
            {found.clock ? (
              <div className="wb-meta">
                {ta("wb.clockValue", { promised: found.clock.promisedWorkingDays, used: found.clock.usedWorkingDays, remaining: found.clock.remainingWorkingDays })}
              </div>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label={ta("wb.fee")}>{!found.feeRequired ? ta("wb.feeNone") : found.feeSettled ? ta("wb.feeSettled") : ta("wb.feeOpen")}</Descriptions.Item>
          {found.onCommitment && <Descriptions.Item label={ta("wb.commitment")}>{found.commitmentState ?? "—"}</Descriptions.Item>}
          {found.decisionOpinion && <Descriptions.Item label={ta("wb.decision")}>{found.decisionOpinion}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card size="small" title={<h3 className="card-heading">{ta("wb.materials")}</h3>} style={{ marginTop: 12 }}>
        <List
          size="small"
          data-testid="wb-materials"
          dataSource={found.judgedBy.materials}
          rowKey="code"
          renderItem={(material) => {
            const files = filesOf(material.code);
            return (
              <List.Item>
                <div style={{ minWidth: 0, width: "100%" }}>
                  <div>{material.name}</div>
                  {files.length === 0 ? (
                    <div className="wb-meta">{ta("wb.noFiles")}</div>
                  ) : (
                    files.map((file) => {
                      const name = file.fileName ?? file.fileId;
                      return (
                        <div key={file.fileId} className="wb-file">
                          <span className="wb-file-name" data-testid="wb-file-name">{name}</span>
                          <span className="wb-meta"> · {formatBytes(file.sizeBytes)}</span>
                          <Button
                            size="small"
                            aria-label={ta("wb.viewLabel", { name })}
                            data-testid="wb-file-view"
                            onClick={async () => setFileFailed(!(await downloadFile(file.fileId, name).catch(() => false)))}
                          >
                            {ta("wb.view")}
                          </Button>
                        </div>
                      );
                    })
                  )}
                </div>
              </List.Item>
            );
          }}
        />
        {fileFailed && <Alert type="error" role="alert" showIcon title={ta("wb.fileFailed")} />}
      </Card>

      <WindowDocuments documents={documents} />
      <CaseNotifications key={found.id} caseId={found.id} />

      {found.materialRequests.length > 0 && (
        <Card size="small" title={<h3 className="card-heading">{ta("wb.requests")}</h3>} style={{ marginTop: 12 }}>
          <ul className="wb-plain-list" data-testid="wb-requests">
            {found.materialRequests.map((request) => (
              <li key={`${request.kind}-${request.noticeSeq}-${request.code}`}>
                {request.name} · {t(`problem.${request.problem}` as MessageKey)}
                {request.note ? ` — ${request.note}` : ""}
                {request.dueDay ? ` · ${formatDay(request.dueDay)}` : ""} ·{" "}
                {request.suppliedAt ? ta("wb.requestDone", { at: formatDateTime(request.suppliedAt) }) : <strong>{ta("wb.requestOpen")}</strong>}
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card size="small" title={<h3 className="card-heading">{ta("wb.routing")}</h3>} style={{ marginTop: 12 }}>
        <Timeline
          data-testid="wb-routing"
          items={found.routingSlip.map((step) => ({
            key: step.seq,
            content: (
              <div>
                <div>{ta("wb.routingStep", { action: STEP_WORDS[step.action] ? ta(STEP_WORDS[step.action]!) : step.action, who: stepWho(step) })}</div>
                <div className="wb-meta">
                  {formatDateTime(step.occurredAt)} · {ta("wb.routingTook", { days: step.tookWorkingDays })}
                </div>
                {step.opinion ? <div>{step.opinion}</div> : null}
                {documents?.routingSlip.find((entry) => entry.seq === step.seq)?.documents.map((document) => (
                  <div key={document.documentId} data-testid="wb-routing-document" data-kind={document.kind}>
                    {ta("wb.routingDocument", { kind: ta(`wb.doc.${document.kind}`), documentNo: document.documentNo })}
                    <div className="wb-meta wb-sha">{ta("wb.routingSha", { sha256: document.sha256 })}</div>
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      </Card>

      {found.suspensions.length > 0 && (
        <Card size="small" title={<h3 className="card-heading">{ta("wb.suspensions")}</h3>} style={{ marginTop: 12 }}>
          <ul className="wb-plain-list">
            {found.suspensions.map((suspension) => (
              <li key={suspension.startedAt}>
                {ta(`form.suspend.${suspension.reason}`)} · {formatDateTime(suspension.startedAt)} – {suspension.endedAt ? formatDateTime(suspension.endedAt) : "…"}
                {suspension.note ? ` · ${suspension.note}` : ""}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {found.extensions.length > 0 && (
        <Card size="small" title={<h3 className="card-heading">{ta("wb.extensions")}</h3>} style={{ marginTop: 12 }}>
          <ul className="wb-plain-list">
            {found.extensions.map((extension) => (
              <li key={extension.approvedAt}>{ta("wb.extensionLine", { days: extension.workingDays, reason: extension.reason })}</li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
