import { applicantSubjectsOf, byId, DomainError, forbidden, invalidInput, type FailureThrottle, hasRole, type ProofOfWork, requestLoader, requireRole, unauthenticated, validate, type Clock, type Identity, type SubgraphContext } from "@onestop/platform";
import type { ClocksService } from "../clocks/clocks.service";
import type { CaseDocumentsRepository } from "../documents/documents.repository";
import { documentsOnSlip, type SlipEntry } from "../documents/documents.rules";
import type { ItemReplicaRepository } from "../items/items.repository";
import type { MaterialsRepository } from "../materials/materials.repository";
import type { UploadsService } from "../materials/files/uploads.service";
import type { MaterialProblem } from "../materials/materials.rules";
import { CaseErrorCode } from "../errors";
import type { CaseAccess } from "./case-access";
import type { CaseEndings } from "./case-endings";
import { agencyCasesScope, isClosed, queueStatuses, normalReceiptNo, progressLookupThrottle, publicStage, publicStageLabel, sameIdNumber, type ProgressLookupPolicy } from "./cases.rules";
import type { CasesRepository, QueueFilter } from "./cases.repository";
import type { CaseRow } from "./entities";
import { agencyCasesInput, listInput, queueInput } from "./inputs";
import { allowedActs, letterActsToAsk, type CaseAct } from "./allowed-acts.rules";

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
    private readonly documents: CaseDocumentsRepository,
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

  /**
   * 窗口工作台: the queue of open cases (or of the given statuses) of a window, or of the
   * caller's departments, the soonest due first, a page at a time (`first`, `after`). As agent
   * (代办), a township's or village point's staff see the county's cases they serve, of every
   * department (the letters decide what they may do), those concluded and not yet handed over
   * among them.
   */
  async queue(identity: Identity, rawInput: unknown): Promise<{ nodes: CaseRow[]; totalCount: number; endCursor: string | null; hasNextPage: boolean }> {
    const input = validate(queueInput, rawInput);
    requireRole(identity, "window_staff", "chief_representative", "department_principal", "center_admin", "supervisor");
    if (identity.centerCode !== input.centerCode) throw forbidden(`Not authorized for service center ${input.centerCode}`);
    let departmentIds: string[] | null = input.departmentId ? [input.departmentId] : null;
    let of: QueueFilter["of"] = { centerCode: input.centerCode };
    if (input.asAgent) {
      const scope = agencyCasesScope(identity.centerCode);
      if (!scope) throw new DomainError(CaseErrorCode.NotAnAgentCenter, `Service center ${input.centerCode} serves no case as agent (代办)`, { field: "asAgent", centerCode: input.centerCode });
      of = scope;
    } else if (!hasRole(identity, "center_admin", "supervisor")) {
      const own = await this.access.departmentsServedBy(identity);
      departmentIds = departmentIds ? departmentIds.filter((d) => own.includes(d)) : own;
    }
    const { rows, totalCount } = await this.cases.queue({
      of,
      departmentIds,
      windowId: input.windowId ?? null,
      statuses: input.statuses ?? queueStatuses(input.asAgent),
      limit: input.first + 1,
      after: input.after ? decodeQueueCursor(input.after) : null,
    });
    const nodes = rows.slice(0, input.first);
    const last = nodes.at(-1);
    return { nodes, totalCount, hasNextPage: rows.length > input.first, endCursor: last ? encodeQueueCursor(last) : null };
  }

  /**
   * 代办: the cases the caller's center took in as agent (a township: at its windows and its
   * village points; a village point: its own take-ins), newest first, a page at a time. Its
   * staff and its overseers ask; a county's staff took nothing in as agent (NOT_AN_AGENT_CENTER).
   */
  async agencyCases(identity: Identity, rawInput: unknown): Promise<{ nodes: CaseRow[]; totalCount: number; endCursor: string | null; hasNextPage: boolean }> {
    const input = validate(agencyCasesInput, rawInput);
    requireRole(identity, "window_staff", "chief_representative", "department_principal", "center_admin", "supervisor");
    const scope = agencyCasesScope(identity.centerCode);
    if (!scope) throw new DomainError(CaseErrorCode.NotAnAgentCenter, `Service center ${identity.centerCode ?? "(none)"} takes in nothing as agent (代办)`, { centerCode: identity.centerCode });
    const { rows, totalCount } = await this.cases.agency({
      ...scope,
      statuses: input.statuses ?? null,
      limit: input.first + 1,
      after: input.after ? decodeAgencyCursor(input.after) : null,
    });
    const nodes = rows.slice(0, input.first);
    const last = nodes.at(-1);
    return { nodes, totalCount, hasNextPage: rows.length > input.first, endCursor: last ? Buffer.from(JSON.stringify([last.submittedAt.getTime(), last.id])).toString("base64url") : null };
  }

  /** The acts the caller may take on the case now, by the rules the mutations apply (allowed-acts.rules.ts). */
  async allowedActs(identity: Identity, found: CaseRow): Promise<CaseAct[]> {
    // Nothing more happens to an ended case, but a concluded one awaits its delivery (送达) and a
    // delivered commitment its verification.
    if (isClosed(found.status) && found.status !== "CONCLUDED" && found.commitmentState !== "PENDING") return [];
    const [standing, item, lastActors, requests] = await Promise.all([
      this.access.standingOn(identity, found, letterActsToAsk(found.kind)),
      this.items.version(found.itemId, found.itemVersion),
      this.cases.lastActorsOf(found.id, ["REVIEW", "FORWARD"]),
      this.materials.requestsOf(found.id),
    ]);
    return allowedActs({
      caller: standing,
      kind: found.kind,
      status: found.status,
      vetoEscalation: item?.vetoEscalation ?? "NONE",
      onHold: found.onHold,
      pastDeadline: found.deadlineAt !== null && found.deadlineAt.getTime() <= this.clock.now().getTime(),
      commitmentState: found.commitmentState,
      reviewerId: lastActors.REVIEW ?? null,
      forwarderId: lastActors.FORWARD ?? null,
      outstandingMaterials: requests.filter((r) => r.suppliedAt === null).length,
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

  /** The steps, each with the documents results issued for it (number and SHA-256). */
  async routingSlip(found: CaseRow): Promise<SlipEntry[]> {
    const [entries, documents] = await Promise.all([this.cases.routingSlip(found.id), this.documents.documentsOf(found.id)]);
    return documentsOnSlip(entries, documents);
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

/** The queue's cursor: the last case's due instant, submission and id, opaque to clients. */
function encodeQueueCursor(row: CaseRow): string {
  const due = row.deadlineAt ?? row.stageDueAt;
  return Buffer.from(JSON.stringify([due ? due.getTime() : null, row.submittedAt.getTime(), row.id])).toString("base64url");
}

/** The agency list's cursor: the last case's submission and id. */
function decodeAgencyCursor(cursor: string): { submittedAt: Date; id: string } {
  try {
    const [submitted, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof submitted === "number" && typeof id === "string") return { submittedAt: new Date(submitted), id };
  } catch {
    // fall through: not a cursor of ours
  }
  throw invalidInput([{ field: "after", message: "not a cursor this query gave" }]);
}

function decodeQueueCursor(cursor: string): { due: Date | null; submittedAt: Date; id: string } {
  try {
    const [due, submitted, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown, unknown];
    if ((due === null || typeof due === "number") && typeof submitted === "number" && typeof id === "string") {
      return { due: due === null ? null : new Date(due), submittedAt: new Date(submitted), id };
    }
  } catch {
    // fall through: not a cursor of ours
  }
  throw invalidInput([{ field: "after", message: "not a cursor this query gave" }]);
}
