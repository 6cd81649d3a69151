import { createHash, randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { resultsEvents, type ResultDocumentKind } from "@onestop/events";
import { RetryLater, type BlobStore, type Logger, type Tx } from "@onestop/platform";
import type { FactsRepository } from "../facts/facts.repository";
import { validityOf } from "../licences/licences.rules";
import type { PdfRenderer } from "../rendering/pdf-renderer";
import { documentContent, type DocumentFacts } from "../rendering/templates.rules";
import { beijingYear, documentIdOf, documentNo, verificationCode } from "./documents.rules";
import type { DocumentsRepository } from "./documents.repository";
import type { DocumentRow } from "./entities";

export interface IssueRequest {
  caseId: string;
  kind: ResultDocumentKind;
  /** Unique per case and kind: the same cause never gives two documents. */
  cause: string;
  /** The cause's time: printed, and the PDF's creation date. */
  at: Date;
  materials?: { code: string; problem: string | null }[];
  payment?: DocumentFacts["payment"];
  /** A replacement licence (换发): the licence it replaces. */
  replaces?: string;
}

export interface IssuingSettings {
  centerNames: Record<string, string>;
  verificationKey: string;
  licenceValidYears: number;
}

/** The name at the head of a center's documents. */
export const centerNameOf = (names: Record<string, string>, centerCode: string) => names[centerCode] ?? "政务服务中心";

/**
 * Renders a case's document for one cause, keeps it in the store, records it (and, for a licence,
 * registers the licence) and announces it, in the caller's transaction: the inbox's for an
 * event, so a redelivered event finds the document made and makes no second one. A replica not
 * yet caught up (the item, the department, the case) makes the event wait and come again.
 */
export class DocumentIssuing {
  constructor(
    private readonly facts: FactsRepository,
    private readonly documents: DocumentsRepository,
    private readonly renderer: PdfRenderer,
    private readonly store: BlobStore,
    private readonly settings: IssuingSettings,
    private readonly logger: Logger,
  ) {}

  async issue(tx: Tx, request: IssueRequest): Promise<DocumentRow> {
    const existing = await this.documents.byCause(tx, request.caseId, request.kind, request.cause);
    if (existing) return existing;
    const caseFacts = await this.facts.case(tx, request.caseId);
    if (!caseFacts) throw new RetryLater(`case ${request.caseId} not yet known to results`);
    const item = await this.facts.item(tx, caseFacts.itemId, caseFacts.itemVersion);
    if (!item) throw new RetryLater(`item ${caseFacts.itemId} v${caseFacts.itemVersion} not yet replicated`);
    const department = await this.facts.department(tx, caseFacts.departmentId);
    if (!department) throw new RetryLater(`department ${caseFacts.departmentId} not yet replicated`);
    const template = await this.documents.template(tx, item.itemId, item.version, request.kind);

    const id = documentIdOf(request.caseId, request.kind, request.cause);
    const number = documentNo(request.kind, caseFacts.centerCode, beijingYear(request.at), await this.documents.nextSeq(tx, caseFacts.centerCode, request.kind, beijingYear(request.at)));
    const code = verificationCode(this.settings.verificationKey, id);
    const validity = request.kind === "LICENCE" ? validityOf(request.at, template?.validityYears ?? this.settings.licenceValidYears) : null;
    const names = new Map(item.materials.map((m) => [m.code, m.name]));
    const facts: DocumentFacts = {
      kind: request.kind,
      centerName: centerNameOf(this.settings.centerNames, caseFacts.centerCode),
      documentNo: number,
      issuedAt: request.at,
      verificationCode: code,
      receiptNo: caseFacts.receiptNo,
      applicantName: caseFacts.applicantName ?? "申请人",
      itemName: item.name,
      itemCode: item.code,
      departmentName: department.name,
      acceptedAt: caseFacts.acceptedAt,
      deadline: caseFacts.deadlineAt,
      promisedLimitDays: item.promisedLimitDays,
      materials: (request.materials ?? []).map((m) => ({ name: names.get(m.code) ?? m.code, problem: m.problem })),
      reasons: caseFacts.decisionOpinion,
      payment: request.payment ?? null,
      licence: validity ? { licenceNo: number, ...validity } : null,
    };
    const content = documentContent(facts, template);
    const started = performance.now();
    const pdf = await this.renderer.render(facts, content);
    const sha256 = createHash("sha256").update(pdf).digest("hex");
    const staged = join(this.store.stagingDir, `${randomUUID()}.pdf`);
    await writeFile(staged, pdf, { flag: "wx" });
    // Kept before the row commits: a rollback leaves an unreferenced blob at worst, never a row without its file.
    await this.store.keep(staged, { sha256, mediaType: "application/pdf", sizeBytes: pdf.length });
    this.logger.debug({ caseId: request.caseId, kind: request.kind, ms: Math.round(performance.now() - started) }, "document rendered");

    const row: DocumentRow = {
      id,
      caseId: request.caseId,
      kind: request.kind,
      cause: request.cause,
      documentNo: number,
      verificationCode: code,
      title: content.title,
      centerCode: caseFacts.centerCode,
      departmentId: caseFacts.departmentId,
      itemId: item.itemId,
      itemVersion: item.version,
      templateId: template?.id ?? null,
      sha256,
      sizeBytes: pdf.length,
      issuedAt: request.at,
    };
    await this.documents.insert(tx, row);
    let licenceId: string | null = null;
    if (validity) {
      licenceId = documentIdOf(request.caseId, "LICENCE", `licence:${request.cause}`);
      await this.documents.insertLicence(tx, {
        id: licenceId,
        licenceNo: number,
        documentId: id,
        verificationCode: code,
        caseId: request.caseId,
        centerCode: caseFacts.centerCode,
        departmentId: caseFacts.departmentId,
        itemId: item.itemId,
        itemName: item.name,
        holderSubject: caseFacts.applicantSubject ?? "",
        holderName: caseFacts.applicantName ?? "",
        validFrom: validity.validFrom,
        validUntil: validity.validUntil,
        issuedAt: request.at,
        revokedAt: null,
        replacedById: null,
        replacesId: request.replaces ?? null,
      });
      await this.documents.recordAct(tx, { licenceId, act: "ISSUE", actorId: "system", reason: null, occurredAt: request.at, idempotencyKey: null });
    }
    await tx.publish(
      resultsEvents.documentIssued,
      {
        documentId: id,
        caseId: request.caseId,
        receiptNo: caseFacts.receiptNo,
        centerCode: caseFacts.centerCode,
        departmentId: caseFacts.departmentId,
        kind: request.kind,
        documentNo: number,
        sha256,
        sizeBytes: pdf.length,
        issuedAt: request.at.toISOString(),
        licenceId,
      },
      { centerCode: caseFacts.centerCode },
    );
    return row;
  }
}
