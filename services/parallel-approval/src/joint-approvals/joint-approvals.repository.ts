import type { DataSource, EntityManager } from "typeorm";
import { isDuplicateKey, type Tx } from "@onestop/platform";
import { ExtensionRow, HistoryRow, JointApprovalRow, JointParticipantRow, NoticeStepRow } from "./entities";
import type { JointStatus, ListCursor, ParticipantOutcome, ParticipantStatus } from "./joint-approvals.rules";

/** Another request opened a joint approval with the same project code first. */
export class ProjectCodeTaken extends Error {
  constructor() {
    super("project code taken");
    this.name = "ProjectCodeTaken";
  }
}

export interface JointApprovalFilter {
  centerCode: string;
  statuses?: readonly JointStatus[];
  leadDepartmentId?: string;
  /** Joint approvals this department leads or takes part in. */
  involvingDepartmentId?: string;
  participantDepartmentId?: string;
  applicantSubject?: string;
  projectCode?: string;
  greenChannel?: boolean;
}

/** The only code that reads or writes the joint approvals, their participants, clocks and history. */
export class JointApprovalsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  async insert(tx: Tx, joint: JointApprovalRow, participants: readonly JointParticipantRow[]): Promise<void> {
    try {
      await tx.manager.insert(JointApprovalRow, joint);
    } catch (error) {
      if (isDuplicateKey(error)) throw new ProjectCodeTaken();
      throw error;
    }
    await tx.manager.insert(JointParticipantRow, [...participants]);
  }

  find(id: string, tx?: Tx): Promise<JointApprovalRow | null> {
    return this.manager(tx).findOneBy(JointApprovalRow, { id });
  }

  findByProject(centerCode: string, projectCode: string): Promise<JointApprovalRow | null> {
    return this.manager().findOneBy(JointApprovalRow, { centerCode, projectCode });
  }

  /** Every change to a joint approval and its participants happens under this lock, one at a time. */
  lock(tx: Tx, id: string): Promise<JointApprovalRow | null> {
    return tx.manager.createQueryBuilder(JointApprovalRow, "j").setLock("pessimistic_write").where("j.id = :id", { id }).getOne();
  }

  participantsOf(jointApprovalId: string, tx?: Tx): Promise<JointParticipantRow[]> {
    return this.manager(tx).find(JointParticipantRow, { where: { jointApprovalId }, order: { position: "ASC" } });
  }

  async participantsOfMany(jointApprovalIds: readonly string[]): Promise<JointParticipantRow[]> {
    if (jointApprovalIds.length === 0) return [];
    return this.manager()
      .createQueryBuilder(JointParticipantRow, "p")
      .where("p.joint_approval_id IN (:...ids)", { ids: jointApprovalIds })
      .orderBy("p.position", "ASC")
      .getMany();
  }

  async updateJoint(tx: Tx, id: string, changes: Partial<JointApprovalRow>): Promise<void> {
    if (Object.keys(changes).length > 0) await tx.manager.update(JointApprovalRow, { id }, changes);
  }

  async updateParticipant(tx: Tx, id: string, changes: Partial<JointParticipantRow>): Promise<void> {
    if (Object.keys(changes).length > 0) await tx.manager.update(JointParticipantRow, { id }, changes);
  }

  /**
   * Counts a participant's outcome: compare-and-set on the row, so it is counted once
   * however often its conclusion is delivered. False when it was counted before.
   */
  async countOutcome(tx: Tx, participantId: string, outcome: ParticipantOutcome, status: ParticipantStatus, concludedAt: Date, countedAt: Date): Promise<boolean> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(JointParticipantRow)
      .set({ outcome, status, concludedAt, countedAt })
      .where("id = :participantId AND outcome IS NULL", { participantId })
      .execute();
    return result.affected === 1;
  }

  /** A step already recorded (a redelivery) is kept as it was. */
  async recordNoticeStep(tx: Tx, step: NoticeStepRow): Promise<void> {
    await tx.manager
      .createQueryBuilder()
      .insert()
      .into(NoticeStepRow)
      .values(step)
      .orIgnore()
      .execute();
  }

  noticeStepsOf(jointApprovalId: string, tx?: Tx): Promise<NoticeStepRow[]> {
    return this.manager(tx).find(NoticeStepRow, { where: { jointApprovalId }, order: { participantId: "ASC", slipSeq: "ASC" } });
  }

  /** False when the extension was recorded before. */
  async recordExtension(tx: Tx, extension: ExtensionRow): Promise<boolean> {
    const result = await tx.manager.createQueryBuilder().insert().into(ExtensionRow).values(extension).orIgnore().execute();
    return (result.raw as { affectedRows?: number })?.affectedRows === 1;
  }

  extensionsOf(jointApprovalId: string, tx?: Tx): Promise<ExtensionRow[]> {
    return this.manager(tx).find(ExtensionRow, { where: { jointApprovalId }, order: { approvedAt: "ASC" } });
  }

  async appendHistory(tx: Tx, entries: ReadonlyArray<Omit<HistoryRow, "id">>): Promise<void> {
    if (entries.length > 0) await tx.manager.insert(HistoryRow, [...entries]);
  }

  historyOf(jointApprovalId: string, last: number): Promise<HistoryRow[]> {
    return this.manager()
      .find(HistoryRow, { where: { jointApprovalId }, order: { seq: "DESC" }, take: last })
      .then((rows) => rows.reverse());
  }

  /** Newest first; `after` is the last row of the previous page. One more row than asked tells whether a next page exists. */
  list(filter: JointApprovalFilter, first: number, after: ListCursor | null): Promise<JointApprovalRow[]> {
    const query = this.manager()
      .createQueryBuilder(JointApprovalRow, "j")
      .where("j.center_code = :centerCode", { centerCode: filter.centerCode })
      .orderBy("j.opened_at", "DESC")
      .addOrderBy("j.id", "DESC")
      .limit(first + 1);
    if (filter.statuses?.length) query.andWhere("j.status IN (:...statuses)", { statuses: filter.statuses });
    if (filter.leadDepartmentId) query.andWhere("j.lead_department_id = :lead", { lead: filter.leadDepartmentId });
    if (filter.applicantSubject) query.andWhere("j.applicant_subject = :subject", { subject: filter.applicantSubject });
    if (filter.projectCode) query.andWhere("j.project_code = :projectCode", { projectCode: filter.projectCode });
    if (filter.greenChannel !== undefined) query.andWhere("j.green_channel = :green", { green: filter.greenChannel ? 1 : 0 });
    if (filter.participantDepartmentId) {
      query.andWhere("EXISTS (SELECT 1 FROM joint_participant p WHERE p.joint_approval_id = j.id AND p.department_id = :participantDepartment)", {
        participantDepartment: filter.participantDepartmentId,
      });
    }
    if (filter.involvingDepartmentId) {
      query.andWhere(
        "(j.lead_department_id = :involved OR EXISTS (SELECT 1 FROM joint_participant ip WHERE ip.joint_approval_id = j.id AND ip.department_id = :involved))",
        { involved: filter.involvingDepartmentId },
      );
    }
    if (after) {
      query.andWhere("(j.opened_at < :afterAt OR (j.opened_at = :afterAt AND j.id < :afterId))", { afterAt: after.openedAt, afterId: after.id });
    }
    return query.getMany();
  }
}
