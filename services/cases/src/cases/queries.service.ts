import { applicantSubjectsOf, byId, forbidden, type FailureThrottle, hasRole, type ProofOfWork, requestLoader, requireRole, unauthenticated, validate, type Clock, type Identity, type SubgraphContext } from "@onestop/platform";
import type { ClocksService } from "../clocks/clocks.service";
import type { ItemReplicaRepository } from "../items/items.repository";
import type { MaterialsRepository } from "../materials/materials.repository";
import type { UploadsService } from "../materials/files/uploads.service";
import type { MaterialProblem } from "../materials/materials.rules";
import type { CaseAccess } from "./case-access";
import type { CaseEndings } from "./case-endings";
import { isClosed, normalReceiptNo, progressLookupThrottle, publicStage, publicStageLabel, sameIdNumber, type ProgressLookupPolicy } from "./cases.rules";
import type { CasesRepository } from "./cases.repository";
import type { CaseRow } from "./entities";
import { listInput } from "./inputs";

/** What anyone with the receipt number and the applicant's ID number may see (办件进度查询). */
export interface PublicProgress {
  receiptNo: string;
  stage: ReturnType<typeof publicStage>;
  stageLabel: string;
  deadline: Date | null;
  deadlineDay: string | null;
  onHold: boolean;
  missingMaterials: Array<{ name: string; problem: MaterialProblem; dueDay: string | null }>;
}

/** Reading cases: each one, the workbench lists, the applicant's own, the public progress lookup, and what a case shows. */
export class QueriesService {
  /** Cases by id, batched per request: the gateway asks for a page's cases (of its notices, its joint participants) one reference at a time. */
  private readonly casesById = requestLoader(async (ids) => byId(await this.cases.findMany(ids)));

  constructor(
    private readonly cases: CasesRepository,
    private readonly items: ItemReplicaRepository,
    private readonly access: CaseAccess,
    private readonly endings: CaseEndings,
    private readonly clocks: ClocksService,
    private readonly materials: MaterialsRepository,
    private readonly clock: Clock,
    private readonly throttle: FailureThrottle,
    private readonly lookupPolicy: ProgressLookupPolicy,
    private readonly files: UploadsService,
    private readonly challenges: ProofOfWork,
  ) {}

  /** A case is visible to its applicant, its department's staff, its owner, the center's overseers and, for a joint case, its lead department. */
  async findCase(context: SubgraphContext, id: string): Promise<CaseRow | null> {
    const { identity } = context;
    if (hasRole(identity, "anonymous")) throw unauthenticated("Sign in to see a case, or look it up by receipt number and ID number");
    const found = await this.casesById.load(context, id);
    if (!found) return null;
    // Checked for each case on its own, though the read is shared with the rest of the batch.
    if (!(await this.access.maySee(identity, found))) throw forbidden(`Not allowed to see case ${id}`);
    return found;
  }

  /** The workbench list: staff (and the principal, for the vetoes to sign) see their department's cases, overseers every case of their center. */
  async listCases(identity: Identity, rawInput: unknown): Promise<CaseRow[]> {
    const input = validate(listInput, rawInput);
    requireRole(identity, "window_staff", "chief_representative", "department_principal", "center_admin", "supervisor");
    if (identity.centerCode !== input.centerCode) throw forbidden(`Not authorized for service center ${input.centerCode}`);
    const overseer = hasRole(identity, "center_admin", "supervisor");
    let departmentIds: string[] | undefined = input.departmentId ? [input.departmentId] : undefined;
    if (!overseer) {
      const own = await this.access.departmentsServedBy(identity);
      departmentIds = departmentIds ? departmentIds.filter((d) => own.includes(d)) : own;
    }
    return this.cases.list({
      centerCode: input.centerCode,
      departmentIds,
      statuses: input.statuses ?? undefined,
      limit: input.limit,
      offset: input.offset,
    });
  }

  progressLookupChallenge() {
    return this.challenges.issue();
  }

  async myCases(identity: Identity, limit = 50, offset = 0): Promise<CaseRow[]> {
    requireRole(identity, "citizen");
    return this.cases.listOfApplicant(applicantSubjectsOf(identity), Math.min(Math.max(limit, 1), 200), Math.max(offset, 0));
  }

  /**
   * 办件进度查询: with the receipt number and the applicant's ID number, anyone sees the
   * stage, the deadline and what is missing, and nothing else. A wrong pair is not found, and
   * it counts: after a few the receipt's look-up (and a client's, after more) is locked for a
   * while, so the number's last digits cannot be guessed. Whatever failed (an unknown receipt,
   * a wrong number, a lock) the answer is the same null after the same work: the case is read
   * and the failure counted in every case. Without a sign-in, each look-up first spends a solved
   * challenge, so a botnet pays a second of work per guess; a refused challenge counts nothing.
   * A signed-in caller is known by its account and needs none (one given is still checked).
   */
  async publicProgress(identity: Identity, args: { receiptNo: string; idNumber: string; challenge?: string | null }, client: string | null): Promise<PublicProgress | null> {
    const { receiptNo, idNumber, challenge } = args;
    if (hasRole(identity, "anonymous") || challenge) await this.challenges.spend(challenge);
    if (receiptNo.length > 20 || idNumber.length > 32) return null;
    const now = this.clock.now();
    const throttle = progressLookupThrottle(receiptNo, client, this.lookupPolicy);
    const [lockedUntil, found] = await Promise.all([
      this.throttle.lockedUntil(throttle.map((entry) => entry.key), now),
      this.cases.findByReceipt(normalReceiptNo(receiptNo)),
    ]);
    if (lockedUntil || !found || !sameIdNumber(found.applicantIdNumber, idNumber)) {
      await this.throttle.recordFailure(throttle, now);
      return null;
    }
    const requests = await this.materials.requestsOf(found.id);
    return {
      receiptNo: found.receiptNo,
      stage: publicStage(found.status),
      stageLabel: publicStageLabel[found.status],
      deadline: found.deadlineAt,
      deadlineDay: found.deadlineDay,
      onHold: found.onHold,
      missingMaterials: isClosed(found.status)
        ? []
        : requests.filter((r) => r.suppliedAt === null).map((r) => ({ name: r.materialName, problem: r.problem, dueDay: r.dueDay })),
    };
  }

  /** 首问负责: the open cases a staff member owns; they, their department's staff and the overseers may ask. */
  async openCasesOf(identity: Identity, staffId: string): Promise<CaseRow[]> {
    const own = identity.subject === staffId;
    const overseer = hasRole(identity, "center_admin", "supervisor");
    const chief = hasRole(identity, "chief_representative");
    if (!own && !overseer && !chief) return [];
    const owned = await this.cases.openCasesOf(staffId);
    if (own) return owned;
    return owned.filter((c) => c.centerCode === identity.centerCode && (overseer || c.departmentId === identity.departmentId));
  }

  routingSlip(found: CaseRow) {
    return this.cases.routingSlip(found.id);
  }

  materialRequests(found: CaseRow) {
    return this.materials.requestsOf(found.id);
  }

  materialFiles(found: CaseRow) {
    return this.files.filesOf(found.id);
  }

  suspensions(found: CaseRow) {
    return this.clocks.suspensionsOf(found.id);
  }

  extensions(found: CaseRow) {
    return this.clocks.extensionsOf(found.id);
  }

  warnings(found: CaseRow) {
    return this.clocks.warningsOf(found.id);
  }

  async feeSettled(found: CaseRow): Promise<boolean> {
    return (await this.endings.feeGate(found)).open;
  }

  itemName(found: CaseRow): Promise<string | null> {
    return this.items.version(found.itemId, found.itemVersion).then((item) => item?.name ?? null);
  }

  /** The clock as it stands now: remaining and used working days, warning level. */
  clockNow(found: CaseRow) {
    return this.clocks.caseUsage(null, found, this.clock.now());
  }
}
