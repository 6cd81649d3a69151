import type { Readable } from "node:stream";
import type { LicenceStatus, ResultDocumentKind } from "@onestop/events";
import { groupedBy, hasRole, requestLoader, type BlobStore, type Clock, type FailureThrottle, type Identity, type SubgraphContext, type ThrottleEntry, type UnitOfWork } from "@onestop/platform";
import { mayReadDocuments } from "../access.rules";
import type { FactsRepository } from "../facts/facts.repository";
import { licenceStatus } from "../licences/licences.rules";
import { centerNameOf } from "./issuing.service";
import { normalCode } from "./documents.rules";
import type { DocumentsRepository } from "./documents.repository";
import type { DocumentRow } from "./entities";

/** What the public check answers: the document and, for a licence, whether it stands. Nobody's name. */
export interface VerificationView {
  kind: ResultDocumentKind;
  title: string;
  documentNo: string;
  issuedAt: Date;
  centerName: string;
  departmentName: string;
  itemName: string;
  sha256: string;
  licenceNo: string | null;
  licenceStatus: LicenceStatus | null;
  validFrom: string | null;
  validUntil: string | null;
  replacedByNo: string | null;
}

export interface VerifyPolicy {
  clientMaxFailures: number;
  lockMinutes: number;
}

/** A failed check counts against the client the gateway saw (and against everyone, loosely, without one). */
export function verifyThrottle(client: string | null, policy: VerifyPolicy): ThrottleEntry[] {
  const lock = policy.lockMinutes * 60;
  return [{ key: `verify-client:${client ?? "unknown"}`, policy: { maxFailures: client ? policy.clientMaxFailures : policy.clientMaxFailures * 50, lockSeconds: lock, maxLockSeconds: lock * 8, windowSeconds: lock } }];
}

/** Reading documents: a case's list, one file for download, and the public check. */
export class DocumentsService {
  private readonly byCase = requestLoader(async (caseIds) => groupedBy(await this.documents.documentsOfCases(caseIds), (row) => row.caseId));

  constructor(
    private readonly documents: DocumentsRepository,
    private readonly facts: FactsRepository,
    private readonly store: BlobStore,
    private readonly throttle: FailureThrottle,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly centerNames: Record<string, string>,
    private readonly policy: VerifyPolicy,
  ) {}

  private async owner(row: DocumentRow) {
    const facts = await this.unitOfWork.run((tx) => this.facts.case(tx, row.caseId));
    return { centerCode: row.centerCode, departmentId: row.departmentId, agentCenterCode: facts?.agentCenterCode ?? null, applicantSubject: facts?.applicantSubject ?? null };
  }

  /** A case's documents, oldest first, to whoever may read them; nothing to anyone else. */
  async ofCase(context: SubgraphContext, caseId: string): Promise<DocumentRow[]> {
    const rows = (await this.byCase.load(context, caseId)) ?? [];
    if (rows.length === 0) return [];
    return mayReadDocuments(context.identity, await this.owner(rows[0]!)) ? rows : [];
  }

  /** One document with its bytes, or null: unknown and not the caller's read the same. */
  async readable(identity: Identity, id: string): Promise<{ row: DocumentRow; bytes: Readable } | null> {
    if (hasRole(identity, "anonymous")) return null;
    const row = await this.documents.document(id);
    if (!row || !mayReadDocuments(identity, await this.owner(row))) return null;
    const bytes = await this.store.open(row.sha256);
    return bytes ? { row, bytes } : null;
  }

  async document(identity: Identity, id: string): Promise<DocumentRow | null> {
    const row = await this.documents.document(id);
    return row && mayReadDocuments(identity, await this.owner(row)) ? row : null;
  }

  /**
   * 核验. A code that fails its check, one nothing was issued under and a locked client all
   * answer null, and every one of them counts against the client.
   */
  async verify(code: string, client: string | null): Promise<VerificationView | null> {
    const now = this.clock.now();
    const entries = verifyThrottle(client, this.policy);
    const normal = normalCode(code);
    const [lockedUntil, row] = await Promise.all([this.throttle.lockedUntil(entries.map((e) => e.key), now), normal ? this.documents.documentByCode(normal) : null]);
    if (lockedUntil || !row) {
      await this.throttle.recordFailure(entries, now);
      return null;
    }
    const licence = row.kind === "LICENCE" ? await this.documents.licenceByDocument(row.id) : null;
    const successor = licence?.replacedById ? await this.documents.licence(licence.replacedById) : null;
    const { item, department } = await this.unitOfWork.run(async (tx) => ({
      item: await this.facts.item(tx, row.itemId, row.itemVersion),
      department: await this.facts.department(tx, row.departmentId),
    }));
    return {
      kind: row.kind,
      title: row.title,
      documentNo: row.documentNo,
      issuedAt: row.issuedAt,
      centerName: centerNameOf(this.centerNames, row.centerCode),
      departmentName: department?.name ?? "",
      itemName: item?.name ?? "",
      sha256: row.sha256,
      licenceNo: licence?.licenceNo ?? null,
      licenceStatus: licence ? licenceStatus(licence, now) : null,
      validFrom: licence?.validFrom ?? null,
      validUntil: licence?.validUntil ?? null,
      replacedByNo: successor?.licenceNo ?? null,
    };
  }
}
