import { z } from "zod";
import {
  applicantKey,
  applicantKindOf,
  applicantSubjectsOf,
  DomainError,
  forbidden,
  hasRole,
  idempotencyKeySchema,
  invalidInput,
  isApplicant,
  notFound,
  requestLoader,
  requireRole,
  unauthenticated,
  validate,
  type Clock,
  type Identity,
  type SubgraphContext,
  type UnitOfWork,
} from "@onestop/platform";
import { randomUUID } from "node:crypto";
import { JointErrorCode } from "../errors";
import type { DepartmentReplicaRow, ItemReplicaRow } from "../replicas/entities";
import type { ReplicasRepository } from "../replicas/replicas.repository";
import type { JointApprovalRow, JointParticipantRow } from "./entities";
import {
  decodeCursor,
  encodeCursor,
  isFinal,
  jointStatuses,
  keyedFingerprint,
  participantStatus,
  requestFingerprint,
  startProblems,
  type JointStatus,
  type StartRequest,
} from "./joint-approvals.rules";
import { IdempotencyKeyTaken, ProjectCodeTaken, type JointApprovalFilter, type JointApprovalsRepository, type KeyedOperation } from "./joint-approvals.repository";
import type { ClockView, JointDeadlines } from "./joint-deadlines.service";
import type { JointSaga } from "./joint-saga.service";
import type { SagaStore } from "./joint-saga.state";

const jointStatus = z.enum(jointStatuses);
const id = z.string().trim().min(1).max(64);

export const startJointApprovalInput = z.object({
  projectName: z.string().trim().min(1).max(200),
  /** 项目代码, e.g. 2611-330110-04-01-583921. */
  projectCode: z.string().trim().min(4).max(64).regex(/^[A-Za-z0-9-]+$/, "letters, digits and - only"),
  applicant: z.object({
    name: z.string().trim().min(1).max(200),
    idNumber: z
      .string()
      .trim()
      .toUpperCase()
      .refine((number) => applicantKindOf(number) !== null, "not a valid unified social credit code or resident ID number"),
  }),
  leadDepartmentId: id,
  participants: z.array(z.object({ departmentId: id, itemId: id })).min(2, "a joint approval needs at least two departments").max(30),
  deadlineWorkingDays: z.number().int().min(1).max(250),
  greenChannel: z.boolean().nullish(),
  idempotencyKey: idempotencyKeySchema,
});

const urgeInput = z.object({ note: z.string().trim().min(1).max(1000).nullish(), idempotencyKey: idempotencyKeySchema });
const withdrawInput = z.object({ reason: z.string().trim().min(1).max(1000) });
const pageInput = z.object({
  first: z.number().int().min(1).max(100).default(20),
  after: z.string().max(200).nullish(),
});
const listInput = pageInput.extend({
  filter: z
    .object({
      centerCode: z.string().regex(/^\d{12}$/).nullish(),
      statuses: z.array(jointStatus).max(6).nullish(),
      leadDepartmentId: id.nullish(),
      participantDepartmentId: id.nullish(),
      projectCode: z.string().trim().min(1).max(64).nullish(),
      greenChannel: z.boolean().nullish(),
    })
    .nullish(),
});
const departmentListInput = pageInput.extend({ statuses: z.array(jointStatus).max(6).nullish() });

const STAFF_ROLES = ["window_staff", "chief_representative"] as const;

export interface JointApprovalConnection {
  edges: Array<{ cursor: string; node: JointApprovalRow }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * The bureau's contract (发改局): open, urge, withdraw, and follow joint approvals. Who may
 * do what is decided here: the lead department's bureau opens and drives its own; the
 * center's administration and supervision, the participating departments' staff and the
 * applicant may follow one.
 */
export class JointApprovalsService {
  private readonly participantsCache = new WeakMap<JointApprovalRow, Promise<JointParticipantRow[]>>();
  private readonly clocksCache = new WeakMap<JointApprovalRow, Promise<ClockView>>();
  /** Joint approvals by id, batched per request: a page of cases asks for each one's joint approval one by one. */
  private readonly jointApprovalsById = requestLoader(
    async (ids) => new Map((await this.repository.findWithParticipants(ids)).map((read) => [read.joint.id, read])),
  );

  constructor(
    private readonly repository: JointApprovalsRepository,
    private readonly replicas: ReplicasRepository,
    private readonly store: SagaStore,
    private readonly saga: JointSaga,
    private readonly deadlines: JointDeadlines,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /**
   * 并联审批 opens, exactly once per idempotency key: a retry with the caller's key answers the
   * joint approval it opened. Idempotent on the project code besides (another key, the same
   * content: the same joint approval); bad input starts nothing.
   */
  async startJointApproval(identity: Identity, rawInput: unknown): Promise<JointApprovalRow> {
    const input = validate(startJointApprovalInput, rawInput, "input");
    requireRole(identity, "bureau");
    const centerCode = identity.centerCode;
    if (!centerCode || identity.departmentId !== input.leadDepartmentId) {
      throw forbidden("A joint approval is opened by its lead department's bureau");
    }
    const request: StartRequest = {
      projectName: input.projectName,
      projectCode: input.projectCode,
      applicant: { name: input.applicant.name, idNumber: input.applicant.idNumber },
      leadDepartmentId: input.leadDepartmentId,
      participants: input.participants,
      deadlineWorkingDays: input.deadlineWorkingDays,
      greenChannel: Boolean(input.greenChannel),
    };
    const fingerprint = requestFingerprint(request);
    const keyed = { operation: "START", key: input.idempotencyKey, field: "input.idempotencyKey", fingerprint: keyedFingerprint("START", request.projectCode, fingerprint) } as const;
    const retried = await this.keyedAnswer(identity, keyed);
    if (retried) return retried;
    const earlier = await this.repository.findByProject(centerCode, request.projectCode);
    if (earlier) return this.sameRequest(earlier, fingerprint);

    const departmentIds = [request.leadDepartmentId, ...request.participants.map((p) => p.departmentId)];
    const departments = await this.replicas.departments(departmentIds);
    const items = await this.replicas.items(request.participants.map((p) => p.itemId));
    const problems = startProblems(centerCode, request, departments, items);
    if (problems.length > 0) {
      const [first] = problems;
      throw new DomainError(first!.code, first!.message, { field: first!.field, problems });
    }

    return this.unitOfWork
      .run(async (tx) => {
        const { joint, participants } = this.newJointApproval(identity, centerCode, request, fingerprint, departments, items);
        await this.repository.claimKey(tx, identity.subject, keyed.operation, keyed.key, { jointApprovalId: joint.id, fingerprint: keyed.fingerprint }, joint.openedAt);
        await this.saga.open(tx, joint, participants);
        return joint;
      })
      .catch(async (error) => {
        // The same request, sent twice at once (under one key, or under two): the other one opened it.
        const keyedFirst = error instanceof IdempotencyKeyTaken ? await this.keyedAnswer(identity, keyed) : null;
        if (keyedFirst) return keyedFirst;
        if (!(error instanceof ProjectCodeTaken)) throw error;
        const first = await this.repository.findByProject(centerCode, request.projectCode);
        if (!first) throw error;
        return this.sameRequest(first, fingerprint);
      });
  }

  /**
   * The answer to a request whose key the caller used before: the joint approval as it is now,
   * if the request is the one the key was first used for; IDEMPOTENCY_KEY_REUSED if it is
   * another; null if the key is new.
   */
  private async keyedAnswer(
    identity: Identity,
    keyed: { operation: KeyedOperation; key: string; field: string; fingerprint: string },
  ): Promise<JointApprovalRow | null> {
    const first = await this.repository.keyedRequest(identity.subject, keyed.operation, keyed.key);
    if (!first) return null;
    if (first.fingerprint !== keyed.fingerprint) {
      throw new DomainError(JointErrorCode.IdempotencyKeyReused, `Key ${keyed.key} was used for another request: make a new key for a new request`, {
        field: keyed.field,
        jointApprovalId: first.jointApprovalId,
      });
    }
    const [read] = await this.repository.findWithParticipants([first.jointApprovalId]);
    if (!read) throw notFound("Joint approval", first.jointApprovalId);
    return read.joint;
  }

  private sameRequest(earlier: JointApprovalRow, fingerprint: string): JointApprovalRow {
    if (earlier.requestFingerprint !== fingerprint) {
      throw new DomainError(JointErrorCode.ProjectCodeConflict, `Project ${earlier.projectCode} already has a joint approval with other content`, {
        field: "projectCode",
        jointApprovalId: earlier.id,
      });
    }
    return earlier;
  }

  /** The saga's rows of a new joint approval, fresh for each attempt of the opening transaction. */
  private newJointApproval(
    identity: Identity,
    centerCode: string,
    request: StartRequest,
    fingerprint: string,
    departments: DepartmentReplicaRow[],
    items: Array<ItemReplicaRow & { cancelled: boolean }>,
  ): { joint: JointApprovalRow; participants: JointParticipantRow[] } {
    const now = this.clock.now();
    const joint: JointApprovalRow = {
      id: randomUUID(),
      centerCode,
      projectCode: request.projectCode,
      projectName: request.projectName,
      leadDepartmentId: request.leadDepartmentId,
      status: "OPEN",
      openedAt: now,
      openedBy: identity.subject,
      // The applicant is whoever holds an account verified for this number, never an account the caller names.
      applicantSubject: applicantKey(applicantKindOf(request.applicant.idNumber)!, request.applicant.idNumber),
      applicantName: request.applicant.name,
      applicantIdNumber: request.applicant.idNumber,
      deadlineWorkingDays: request.deadlineWorkingDays,
      greenChannel: request.greenChannel,
      requestFingerprint: fingerprint,
      deadlineAt: null,
      paused: false,
      warningLevel: "GREEN",
      timedOutAt: null,
      participantsTotal: request.participants.length,
      outcomesCounted: 0,
      approvalsCounted: 0,
      completedSteps: [],
      alarmKey: null,
      clockFacts: 0,
      yellowRaisedFor: null,
      concludedAt: null,
      conclusionReason: null,
      decidingParticipantId: null,
    };
    const participants: JointParticipantRow[] = request.participants.map((p, position) => {
      const item = items.find((i) => i.itemId === p.itemId)!;
      const department = departments.find((d) => d.departmentId === p.departmentId)!;
      const row: JointParticipantRow = {
        id: randomUUID(),
        jointApprovalId: joint.id,
        position,
        centerCode,
        departmentId: p.departmentId,
        departmentName: department.name,
        itemId: item.itemId,
        itemVersion: item.version,
        itemName: item.name,
        promisedLimitDays: item.promisedLimitDays,
        deemedApproval: item.deemedApproval,
        vetoEscalation: item.vetoEscalation,
        status: "REQUESTED",
        caseId: null,
        receiptNo: null,
        caseStatus: null,
        caseSlipSeq: 0,
        handlerId: null,
        opinion: null,
        acceptedAt: null,
        deadlineAt: null,
        warningLevel: "GREEN",
        yellowRaisedFor: null,
        outcome: null,
        concludedAt: null,
        countedAt: null,
        deemedConsentRequestedAt: null,
        timedOutAt: null,
        withdrawalRequestedAt: null,
        urgeCount: 0,
        lastUrgedAt: null,
      };
      row.status = participantStatus(row);
      return row;
    });
    return { joint, participants };
  }

  /**
   * 催办: the lead department urges a participant that has not concluded, once per idempotency
   * key: a retry with the key answers the joint approval as it is, without urging again.
   */
  async urgeParticipant(identity: Identity, jointApprovalId: string, participantId: string, rawInput: unknown): Promise<JointApprovalRow> {
    const input = validate(urgeInput, rawInput);
    requireRole(identity, "bureau");
    const note = input.note ?? null;
    const keyed = { operation: "URGE", key: input.idempotencyKey, field: "idempotencyKey", fingerprint: keyedFingerprint("URGE", jointApprovalId, participantId, note) } as const;
    const retried = await this.keyedAnswer(identity, keyed);
    if (retried) return retried;
    return this.unitOfWork.run(async (tx) => {
      const state = await this.store.load(tx, jointApprovalId);
      if (!state) throw notFound("Joint approval", jointApprovalId);
      this.requireLead(identity, state.joint);
      if (isFinal(state.joint.status)) throw concluded(state.joint);
      const participant = state.participants.find((p) => p.id === participantId);
      if (!participant) throw notFound("Participant", participantId);
      if (participant.outcome) {
        throw new DomainError(JointErrorCode.ParticipantAlreadyConcluded, `${participant.departmentName} already concluded (${participant.outcome})`, { outcome: participant.outcome });
      }
      await this.repository.claimKey(tx, identity.subject, keyed.operation, keyed.key, { jointApprovalId, fingerprint: keyed.fingerprint }, this.clock.now());
      await this.saga.urge(tx, state, participant, note, identity.subject);
      await this.store.save(tx, state);
      return state.joint;
    }).catch(async (error) => {
      // The same urging, sent twice at once under one key: the other one urged.
      const first = error instanceof IdempotencyKeyTaken ? await this.keyedAnswer(identity, keyed) : null;
      if (first) return first;
      throw error;
    });
  }

  /** The applicant's withdrawal: the open cases are withdrawn (compensation). A repeated withdrawal changes nothing. */
  async withdrawJointApproval(identity: Identity, jointApprovalId: string, rawInput: unknown): Promise<JointApprovalRow> {
    const input = validate(withdrawInput, rawInput);
    requireRole(identity, "bureau", "citizen");
    return this.unitOfWork.run(async (tx) => {
      const state = await this.store.load(tx, jointApprovalId);
      if (!state) throw notFound("Joint approval", jointApprovalId);
      if (!isApplicant(identity, state.joint.applicantSubject)) this.requireLead(identity, state.joint);
      if (state.joint.status === "WITHDRAWN") return state.joint;
      if (isFinal(state.joint.status)) throw concluded(state.joint);
      await this.saga.conclude(tx, state, { outcome: "WITHDRAWN", reason: `申请人撤回：${input.reason}` }, null, identity.subject);
      await this.store.save(tx, state);
      return state.joint;
    });
  }

  // ---------------------------------------------------------------------------------------
  // Reading

  async jointApproval(context: SubgraphContext, id: string): Promise<JointApprovalRow | null> {
    if (hasRole(context.identity, "anonymous")) throw unauthenticated();
    const joint = await this.read(context, id);
    if (!joint) return null;
    if (!(await this.maySee(context.identity, joint))) throw forbidden(`Not allowed to see joint approval ${id}`);
    return joint;
  }

  /** Case.jointApproval: the joint approval when the caller may see it, else nothing. */
  async jointApprovalOfCase(context: SubgraphContext, jointApprovalId: string | null | undefined): Promise<JointApprovalRow | null> {
    if (!jointApprovalId) return null;
    const found = await this.read(context, jointApprovalId);
    return found && (await this.maySee(context.identity, found)) ? found : null;
  }

  /**
   * The joint approval read together with its participants, so the counters never disagree
   * with the participants shown beside them. Each row is checked by its caller on its own;
   * only the read is shared with the rest of the request's batch.
   */
  private async read(context: SubgraphContext, id: string): Promise<JointApprovalRow | null> {
    const read = await this.jointApprovalsById.load(context, id);
    if (!read) return null;
    this.participantsCache.set(read.joint, Promise.resolve(read.participants));
    return read.joint;
  }

  async jointApprovals(identity: Identity, rawArgs: unknown): Promise<JointApprovalConnection> {
    const args = validate(listInput, rawArgs);
    const filter = args.filter ?? {};
    const scope = this.listScope(identity, filter.centerCode ?? null);
    return this.page(
      {
        ...scope,
        statuses: filter.statuses ?? undefined,
        leadDepartmentId: scope.leadDepartmentId ?? filter.leadDepartmentId ?? undefined,
        participantDepartmentId: scope.participantDepartmentId ?? filter.participantDepartmentId ?? undefined,
        projectCode: filter.projectCode ?? undefined,
        greenChannel: filter.greenChannel ?? undefined,
      },
      args.first,
      args.after ?? null,
      [filter.leadDepartmentId && scope.leadDepartmentId && filter.leadDepartmentId !== scope.leadDepartmentId, filter.participantDepartmentId && scope.participantDepartmentId && filter.participantDepartmentId !== scope.participantDepartmentId],
    );
  }

  /** Department.jointApprovals: the ones it leads or takes part in, as far as the caller may see them. */
  async departmentJointApprovals(identity: Identity, departmentId: string, rawArgs: unknown): Promise<JointApprovalConnection> {
    const args = validate(departmentListInput, rawArgs);
    const scope = this.listScope(identity, null);
    return this.page({ ...scope, involvingDepartmentId: departmentId, statuses: args.statuses ?? undefined }, args.first, args.after ?? null, []);
  }

  private async page(filter: JointApprovalFilter, first: number, after: string | null, outOfScope: unknown[]): Promise<JointApprovalConnection> {
    const cursor = after ? decodeCursor(after) : null;
    if (after && !cursor) throw invalidInput([{ field: "after", message: "Not a cursor of this list" }]);
    if (outOfScope.some(Boolean)) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    const rows = await this.repository.list(filter, first, cursor);
    const page = rows.slice(0, first);
    const edges = page.map((node) => ({ cursor: encodeCursor({ openedAt: node.openedAt, id: node.id }), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges[edges.length - 1]?.cursor ?? null } };
  }

  /**
   * What a caller may list: an applicant its own, in any center; the center's overseers
   * everything of it, a bureau what it leads, staff what their department takes part in.
   */
  private listScope(identity: Identity, centerCode: string | null): JointApprovalFilter {
    if (hasRole(identity, "anonymous")) throw unauthenticated();
    if (hasRole(identity, "citizen")) return { centerCode: centerCode ?? undefined, applicantSubjects: applicantSubjectsOf(identity) };
    if (!identity.centerCode || (centerCode && centerCode !== identity.centerCode)) throw forbidden(`Not authorized for service center ${centerCode ?? "(none)"}`);
    if (hasRole(identity, "center_admin", "supervisor")) return { centerCode: identity.centerCode };
    if (hasRole(identity, "bureau") && identity.departmentId) return { centerCode: identity.centerCode, leadDepartmentId: identity.departmentId };
    if (hasRole(identity, ...STAFF_ROLES) && identity.departmentId) return { centerCode: identity.centerCode, participantDepartmentId: identity.departmentId };
    throw forbidden("Joint approvals are listed for their center's administration and supervision, lead departments and participants");
  }

  private requireLead(identity: Identity, joint: JointApprovalRow): void {
    if (!hasRole(identity, "bureau") || identity.centerCode !== joint.centerCode || identity.departmentId !== joint.leadDepartmentId) {
      throw forbidden(`Joint approval ${joint.id} is driven by its lead department`);
    }
  }

  private async maySee(identity: Identity, joint: JointApprovalRow): Promise<boolean> {
    if (hasRole(identity, "citizen")) return isApplicant(identity, joint.applicantSubject);
    if (identity.centerCode !== joint.centerCode) return false;
    if (hasRole(identity, "center_admin", "supervisor")) return true;
    if (hasRole(identity, "bureau") && identity.departmentId === joint.leadDepartmentId) return true;
    if (hasRole(identity, ...STAFF_ROLES) && identity.departmentId) {
      return (await this.participants(joint)).some((p) => p.departmentId === identity.departmentId);
    }
    return false;
  }

  participants(joint: JointApprovalRow): Promise<JointParticipantRow[]> {
    let found = this.participantsCache.get(joint);
    if (!found) {
      found = this.repository.participantsOf(joint.id);
      this.participantsCache.set(joint, found);
    }
    return found;
  }

  clocks(joint: JointApprovalRow): Promise<ClockView> {
    let found = this.clocksCache.get(joint);
    if (!found) {
      found = this.participants(joint).then((participants) => this.deadlines.clockView(joint, participants));
      this.clocksCache.set(joint, found);
    }
    return found;
  }

  history(joint: JointApprovalRow, last: number) {
    return this.repository.historyOf(joint.id, Math.min(Math.max(last, 1), 1000));
  }
}

function concluded(joint: JointApprovalRow): DomainError {
  return new DomainError(JointErrorCode.JointApprovalConcluded, `Joint approval ${joint.id} already ended (${joint.status})`, { status: joint.status as JointStatus });
}
