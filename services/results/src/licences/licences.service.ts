import { z } from "zod";
import { resultsEvents } from "@onestop/events";
import { applicantSubjectsOf, DomainError, forbidden, isApplicant, notFound, requireRole, validate, type Clock, type Identity, type UnitOfWork } from "@onestop/platform";
import { isOverseerOf, isStaffOf, mayChangeLicence } from "../access.rules";
import type { DocumentsRepository } from "../documents/documents.repository";
import type { DocumentIssuing } from "../documents/issuing.service";
import { ResultsErrorCode } from "../errors";
import type { LicenceActRow, LicenceRow } from "./entities";
import { licenceStatus, mayChange } from "./licences.rules";

const changeInput = z.object({
  licenceId: z.string().uuid("a licence id"),
  reason: z.string().trim().min(2, "at least 2 characters").max(500, "at most 500 characters"),
  idempotencyKey: z.string().min(1).max(100).nullish(),
});

/** 电子证照: the register's reads, and the department's revocations and replacements, audited. */
export class LicencesService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly issuing: DocumentIssuing,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  mayRead(identity: Identity, licence: LicenceRow): boolean {
    return isApplicant(identity, licence.holderSubject) || isStaffOf(identity, licence.centerCode, licence.departmentId) || isOverseerOf(identity, licence.centerCode);
  }

  async mine(identity: Identity): Promise<LicenceRow[]> {
    requireRole(identity, "citizen");
    return this.documents.licencesOfHolder(applicantSubjectsOf(identity));
  }

  async licence(identity: Identity, id: string): Promise<LicenceRow | null> {
    const row = z.string().uuid().safeParse(id).success ? await this.documents.licence(id) : null;
    return row && this.mayRead(identity, row) ? row : null;
  }

  async ofDocument(identity: Identity, documentId: string): Promise<LicenceRow | null> {
    const row = await this.documents.licenceByDocument(documentId);
    return row && this.mayRead(identity, row) ? row : null;
  }

  async history(identity: Identity, licence: LicenceRow): Promise<LicenceActRow[]> {
    return this.mayRead(identity, licence) ? this.documents.actsOf(licence.id) : [];
  }

  status(licence: LicenceRow) {
    return licenceStatus(licence, this.clock.now());
  }

  /** 撤销 */
  async revoke(identity: Identity, raw: unknown): Promise<LicenceRow> {
    const input = validate(changeInput, raw, "input");
    return this.change(identity, input, "REVOKE");
  }

  /** 换发: a new licence for the same case, valid from now; the old one points to it. */
  async replace(identity: Identity, raw: unknown): Promise<LicenceRow> {
    const input = validate(changeInput, raw, "input");
    return this.change(identity, input, "REPLACE");
  }

  private async change(identity: Identity, input: z.infer<typeof changeInput>, act: "REVOKE" | "REPLACE"): Promise<LicenceRow> {
    if (input.idempotencyKey) {
      const earlier = await this.documents.actByKey(input.licenceId, input.idempotencyKey);
      if (earlier) {
        const licence = await this.documents.licence(input.licenceId);
        if (earlier.act !== act || earlier.actorId !== identity.subject) {
          throw new DomainError(ResultsErrorCode.BadRequest, `Key ${input.idempotencyKey} was used for another act on this licence`, { field: "input.idempotencyKey" });
        }
        return act === "REPLACE" && licence?.replacedById ? (await this.documents.licence(licence.replacedById))! : licence!;
      }
    }
    return this.unitOfWork.run(async (tx) => {
      const licence = await this.documents.licenceForUpdate(tx, input.licenceId);
      if (!licence) throw notFound("Licence", input.licenceId);
      if (!mayChangeLicence(identity, licence)) {
        if (!this.mayRead(identity, licence)) throw notFound("Licence", input.licenceId);
        throw forbidden("Only the issuing department's chief representative or principal revokes or replaces a licence");
      }
      const now = this.clock.now();
      const status = licenceStatus(licence, now);
      if (!mayChange(status)) {
        throw new DomainError(ResultsErrorCode.LicenceNotValid, `Licence ${licence.licenceNo} is ${status}: only a valid licence is revoked or replaced`, { status, field: "input.licenceId" });
      }
      const common = {
        licenceId: licence.id,
        licenceNo: licence.licenceNo,
        caseId: licence.caseId,
        centerCode: licence.centerCode,
        departmentId: licence.departmentId,
        itemId: licence.itemId,
        actorId: identity.subject,
        reason: input.reason,
        occurredAt: now.toISOString(),
      };
      await this.documents.recordAct(tx, { licenceId: licence.id, act, actorId: identity.subject, reason: input.reason, occurredAt: now, idempotencyKey: input.idempotencyKey ?? null });
      if (act === "REVOKE") {
        await this.documents.updateLicence(tx, licence.id, { revokedAt: now });
        await tx.publish(resultsEvents.licenceRevoked, common, { centerCode: licence.centerCode });
        return { ...licence, revokedAt: now };
      }
      const document = await this.issuing.issue(tx, { caseId: licence.caseId, kind: "LICENCE", cause: `replaces:${licence.id}`, at: now, replaces: licence.id });
      const replacement = await this.documents.licenceOfDocument(tx, document.id);
      await this.documents.updateLicence(tx, licence.id, { replacedById: replacement.id });
      await tx.publish(resultsEvents.licenceReplaced, { ...common, replacementId: replacement.id, replacementNo: replacement.licenceNo }, { centerCode: licence.centerCode });
      return replacement;
    });
  }
}
