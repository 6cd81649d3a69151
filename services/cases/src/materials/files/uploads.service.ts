import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { DomainError, ErrorCode, hasRole, type Clock, type Identity, type Logger, type Tx, type UnitOfWork } from "@onestop/platform";
import type { CaseAccess } from "../../cases/case-access";
import type { CasesRepository } from "../../cases/cases.repository";
import { CaseErrorCode } from "../../errors";
import type { CaseMaterialFileRow, MaterialUploadRow } from "../entities";
import type { BlobInfo, MaterialStore } from "./material-store";
import { unusableFiles, type FileLine } from "./uploads.rules";
import type { UploadsRepository } from "./uploads.repository";

/** Who may upload a material file: the applicant, and staff at the window scanning one for them. */
export const UPLOADER_ROLES = ["citizen", "window_staff", "chief_representative"] as const;

/** A file of a case's materials, with its upload. */
export type AttachedFile = CaseMaterialFileRow & { upload: MaterialUploadRow };

/**
 * Material files (材料附件): uploads kept once by content, referred to by cases' materials, read
 * only by those who may read such a case (docs/materials.md).
 */
export class UploadsService {
  constructor(
    private readonly uploads: UploadsRepository,
    private readonly store: MaterialStore,
    private readonly cases: CasesRepository,
    private readonly access: CaseAccess,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  get stagingDir(): string {
    return this.store.stagingDir;
  }

  requireUploader(identity: Identity): void {
    if (!hasRole(identity, ...UPLOADER_ROLES)) throw new DomainError(ErrorCode.Forbidden, "Only applicants and window staff upload material files");
  }

  /**
   * Keeps a staged file (hashed and sniffed already) as the caller's upload: the blob once for
   * its content, the upload once for the caller and the content. The staged file is gone after.
   */
  async accept(identity: Identity, staged: string, blob: BlobInfo, fileName: string | null): Promise<MaterialUploadRow> {
    let keptNewBlob = false;
    try {
      return await this.unitOfWork.run(async (tx) => {
        const now = this.clock.now();
        const isNew = await this.uploads.lockBlob(tx, blob, now);
        const upload = await this.uploads.upload(tx, { id: randomUUID(), ownerSubject: identity.subject, ...blob, fileName, uploadedAt: now });
        // Last, so that nothing after it but the commit can fail while a new blob sits in the store.
        if (isNew) {
          await this.store.keep(staged, blob);
          keptNewBlob = true;
        }
        return upload;
      });
    } catch (error) {
      // The blob's row was rolled back with the rest: its file must go too.
      if (keptNewBlob) await this.store.remove(blob.sha256).catch((failure: unknown) => this.logger.error({ err: failure, sha256: blob.sha256 }, "blob left behind"));
      throw error;
    } finally {
      // Where the bytes were stored already, or the transaction failed before keeping them.
      await rm(staged, { force: true });
    }
  }

  /**
   * Refers the lines' uploads to the case's materials, in the transaction of the act that hands
   * them in. An upload must be the caller's, or the applicant's where staff hand it in for them.
   */
  async attach(tx: Tx, identity: Identity, applicantSubject: string, caseId: string, field: string, lines: readonly FileLine[], requestOf: (code: string) => string | null, now: Date): Promise<void> {
    const ids = [...new Set(lines.flatMap((line) => line.fileIds))];
    if (ids.length === 0) return;
    const found = await this.uploads.lockUploads(tx, ids);
    const owners = new Map(found.map((upload) => [upload.id, upload.ownerSubject]));
    const problems = unusableFiles(field, lines, owners, [identity.subject, applicantSubject]);
    if (problems.length > 0) {
      throw new DomainError(CaseErrorCode.UnknownFile, `Not uploads of yours: ${problems.map((p) => p.field).join(", ")}`, { field: problems[0]!.field, problems });
    }
    const rows: Array<Omit<CaseMaterialFileRow, "id">> = lines.flatMap((line) =>
      line.fileIds.map((uploadId) => ({ caseId, materialCode: line.code, uploadId, requestId: requestOf(line.code), attachedAt: now, attachedBy: identity.subject })),
    );
    await this.uploads.attach(tx, rows);
  }

  filesOf(caseId: string): Promise<AttachedFile[]> {
    return this.uploads.filesOf(caseId);
  }

  /** The upload, where the caller may read it: the uploader, or whoever may read a case it is a material of. */
  async readable(identity: Identity, id: string): Promise<MaterialUploadRow | null> {
    const upload = await this.uploads.findUpload(id);
    if (!upload) return null;
    if (upload.ownerSubject === identity.subject && !hasRole(identity, "anonymous")) return upload;
    for (const caseId of await this.uploads.casesReferring(upload.id)) {
      const found = await this.cases.find(caseId);
      if (found && (await this.access.maySee(identity, found))) return upload;
    }
    return null;
  }

  open(upload: MaterialUploadRow) {
    return this.store.open(upload.sha256);
  }
}
