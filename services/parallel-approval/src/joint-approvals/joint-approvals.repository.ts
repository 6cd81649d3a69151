import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, ValueTransformer } from "typeorm";
import { groupedBy, isDuplicateKey, type Tx } from "@onestop/platform";
import { ExtensionRow, HistoryRow, JointApprovalRow, JointParticipantRow, NoticeStepRow } from "./entities";
import type { JointStatus, ListCursor, ParticipantOutcome, ParticipantStatus } from "./joint-approvals.rules";

/** A joint approval with its participants, in their positions. */
export interface JointApprovalRead {
  joint: JointApprovalRow;
  participants: JointParticipantRow[];
}

/** Another request opened a joint approval with the same project code first. */
export class ProjectCodeTaken extends Error {
  constructor() {
    super("project code taken");
    this.name = "ProjectCodeTaken";
  }
}

/** Another request under the same caller's idempotency key was first (a retry racing its original). */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super("idempotency key taken");
    this.name = "IdempotencyKeyTaken";
  }
}

/** The bureau's mutations that create something, each keyed on its own. */
export type KeyedOperation = "START" | "URGE";

/** What an idempotency key was first used for. */
export interface KeyedRequest {
  jointApprovalId: string;
  /** Of the request that used it first (`keyedFingerprint`): a retry sends the same. */
  fingerprint: string;
}

/**
 * Reads and writes an entity's rows with plain SQL, through the columns and transformers its
 * TypeORM metadata declares: the saga's hot paths (one locked row, one update) pay for no
 * query building.
 */
class RowMapper<T extends ObjectLiteral> {
  private readonly columns: Array<{ property: string; column: string; transformer: ValueTransformer | undefined }>;
  private readonly byProperty: Map<string, { column: string; transformer: ValueTransformer | undefined }>;

  constructor(
    dataSource: DataSource,
    entity: EntityTarget<T>,
    readonly table: string,
  ) {
    this.columns = dataSource.getMetadata(entity).columns.map((c) => ({ property: c.propertyName, column: c.databaseName, transformer: c.transformer as ValueTransformer | undefined }));
    this.byProperty = new Map(this.columns.map((c) => [c.property, c]));
  }

  /** Its columns for a SELECT over `alias`, each named with `prefix`, so two tables' rows can come in one result. */
  selectList(alias: string, prefix = ""): string {
    return this.columns.map(({ column }) => `${alias}.\`${column}\` AS \`${prefix}${column}\``).join(", ");
  }

  fromRow(raw: Record<string, unknown>, prefix = ""): T {
    const entity: Record<string, unknown> = {};
    for (const { property, column, transformer } of this.columns) {
      const value = raw[`${prefix}${column}`];
      entity[property] = transformer ? transformer.from(value) : value;
    }
    return entity as T;
  }

  /** `SET a = CASE id WHEN ? THEN ? … END, …` and its values: the properties given, each row its own values. */
  assignmentsByRow(rows: ReadonlyArray<T & { id: string }>, properties: ReadonlyArray<keyof T & string>): { sql: string; params: unknown[] } {
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const property of properties) {
      const column = this.byProperty.get(property);
      if (!column) throw new Error(`${this.table} has no column for ${property}`);
      parts.push(`\`${column.column}\` = CASE id ${rows.map(() => "WHEN ? THEN ?").join(" ")} END`);
      for (const row of rows) params.push(row.id, column.transformer ? column.transformer.to(row[property]) : row[property]);
    }
    return { sql: parts.join(", "), params };
  }

  /** `SET a = ?, b = ?` and its values, for the properties given. */
  assignments(changes: Partial<T>): { sql: string; params: unknown[] } {
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const [property, value] of Object.entries(changes)) {
      const column = this.byProperty.get(property);
      if (!column) throw new Error(`${this.table} has no column for ${property}`);
      parts.push(`\`${column.column}\` = ?`);
      params.push(column.transformer ? column.transformer.to(value) : value);
    }
    return { sql: parts.join(", "), params };
  }
}

export type HistoryEntry = HistoryRow & { seq: number };

export interface JointApprovalFilter {
  /** Every list is of one center but an applicant's, which may span centers. */
  centerCode?: string;
  statuses?: readonly JointStatus[];
  leadDepartmentId?: string;
  /** Joint approvals this department leads or takes part in. */
  involvingDepartmentId?: string;
  participantDepartmentId?: string;
  /** The subjects an applicant answers to (its account, its applicant key). */
  applicantSubjects?: readonly string[];
  projectCode?: string;
  greenChannel?: boolean;
}

/** The only code that reads or writes the joint approvals, their participants, clocks and history. */
export class JointApprovalsRepository {
  private readonly joints: RowMapper<JointApprovalRow>;
  private readonly participants: RowMapper<JointParticipantRow>;
  private readonly historyRows: RowMapper<HistoryRow>;

  constructor(private readonly dataSource: DataSource) {
    this.joints = new RowMapper(dataSource, JointApprovalRow, "joint_approval");
    this.participants = new RowMapper(dataSource, JointParticipantRow, "joint_participant");
    this.historyRows = new RowMapper(dataSource, HistoryRow, "joint_history");
  }

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

  /**
   * Takes `key` for the caller's operation, in the transaction of its effect: the effect and the
   * key commit together or not at all. A key taken already, or being taken by a transaction
   * not yet committed, is refused (IdempotencyKeyTaken) once that one has ended.
   */
  async claimKey(tx: Tx, callerSubject: string, operation: KeyedOperation, key: string, request: KeyedRequest, at: Date): Promise<void> {
    try {
      await tx.manager.query(
        "INSERT INTO joint_idempotency_key (caller_subject, operation, idempotency_key, joint_approval_id, request_fingerprint, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
        [callerSubject, operation, key, request.jointApprovalId, request.fingerprint, at],
      );
    } catch (error) {
      if (isDuplicateKey(error)) throw new IdempotencyKeyTaken();
      throw error;
    }
  }

  async keyedRequest(callerSubject: string, operation: KeyedOperation, key: string): Promise<KeyedRequest | null> {
    const [row] = (await this.dataSource.query(
      "SELECT joint_approval_id, request_fingerprint FROM joint_idempotency_key WHERE caller_subject = ? AND operation = ? AND idempotency_key = ?",
      [callerSubject, operation, key],
    )) as Array<{ joint_approval_id: string; request_fingerprint: string }>;
    return row ? { jointApprovalId: row.joint_approval_id, fingerprint: row.request_fingerprint } : null;
  }

  findByProject(centerCode: string, projectCode: string): Promise<JointApprovalRow | null> {
    return this.manager().findOneBy(JointApprovalRow, { centerCode, projectCode });
  }

  /**
   * Every change to a joint approval and its participants happens under this lock, one at a
   * time: the joint approval's row and its participants' rows, read and locked in one query.
   */
  async lock(tx: Tx, id: string): Promise<JointApprovalRead | null> {
    const [read] = await this.withParticipants([id], tx, " FOR UPDATE");
    return read ?? null;
  }

  /**
   * Joint approvals as one committed state each, in one statement: their counters and their
   * participants read together. In no particular order; ids without a joint approval are left out.
   */
  findWithParticipants(ids: readonly string[]): Promise<JointApprovalRead[]> {
    return this.withParticipants(ids);
  }

  private async withParticipants(ids: readonly string[], tx?: Tx, lock = ""): Promise<JointApprovalRead[]> {
    if (ids.length === 0) return [];
    const rows = (await this.manager(tx).query(
      `SELECT ${this.joints.selectList("j", "j_")}, ${this.participants.selectList("p", "p_")}
         FROM joint_approval j JOIN joint_participant p ON p.joint_approval_id = j.id
        WHERE j.id IN (?) ORDER BY j.id, p.position${lock}`,
      [[...ids]],
    )) as Array<Record<string, unknown>>;
    return [...groupedBy(rows, (row) => String(row.j_id)).values()].map((group) => ({
      joint: this.joints.fromRow(group[0]!, "j_"),
      participants: group.map((row) => this.participants.fromRow(row, "p_")),
    }));
  }

  async participantsOf(jointApprovalId: string, tx?: Tx): Promise<JointParticipantRow[]> {
    const rows = (await this.manager(tx).query("SELECT * FROM joint_participant WHERE joint_approval_id = ? ORDER BY position", [jointApprovalId])) as Array<Record<string, unknown>>;
    return rows.map((row) => this.participants.fromRow(row));
  }

  /** Participants of any joint approvals, locked in the order of their ids, so two batches never wait on each other crosswise. */
  async lockParticipants(tx: Tx, ids: readonly string[]): Promise<JointParticipantRow[]> {
    if (ids.length === 0) return [];
    const rows = (await tx.manager.query(`SELECT ${this.participants.selectList("p")} FROM joint_participant p WHERE p.id IN (?) ORDER BY p.id FOR UPDATE`, [
      [...ids],
    ])) as Array<Record<string, unknown>>;
    return rows.map((row) => this.participants.fromRow(row));
  }

  /** The same properties of several participants, each to its own value, in one statement. */
  async updateParticipants(tx: Tx, rows: readonly JointParticipantRow[], properties: ReadonlyArray<keyof JointParticipantRow & string>): Promise<void> {
    if (rows.length === 0) return;
    const { sql, params } = this.participants.assignmentsByRow(rows, properties);
    await tx.manager.query(`UPDATE joint_participant SET ${sql} WHERE id IN (?)`, [...params, rows.map((row) => row.id)]);
  }

  async updateJoint(tx: Tx, id: string, changes: Partial<JointApprovalRow>): Promise<void> {
    await this.update(tx, this.joints, id, changes);
  }

  async updateParticipant(tx: Tx, id: string, changes: Partial<JointParticipantRow>): Promise<void> {
    await this.update(tx, this.participants, id, changes);
  }

  private async update<T extends ObjectLiteral>(tx: Tx, mapper: RowMapper<T>, id: string, changes: Partial<T>): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    const { sql, params } = mapper.assignments(changes);
    await tx.manager.query(`UPDATE ${mapper.table} SET ${sql} WHERE id = ?`, [...params, id]);
  }

  /**
   * Counts a participant's outcome: compare-and-set on the row, so it is counted once
   * however often its conclusion is delivered. False when it was counted before.
   */
  async countOutcome(tx: Tx, participantId: string, outcome: ParticipantOutcome, status: ParticipantStatus, concludedAt: Date, countedAt: Date): Promise<boolean> {
    const result = (await tx.manager.query(
      "UPDATE joint_participant SET outcome = ?, status = ?, concluded_at = ?, counted_at = ? WHERE id = ? AND outcome IS NULL",
      [outcome, status, concludedAt, countedAt, participantId],
    )) as { affectedRows?: number };
    return result.affectedRows === 1;
  }

  /** A step already recorded (a redelivery) is kept as it was: false then. */
  async recordNoticeStep(tx: Tx, step: NoticeStepRow): Promise<boolean> {
    const result = (await tx.manager.query(
      "INSERT IGNORE INTO joint_notice_step (participant_id, slip_seq, joint_approval_id, from_status, to_status, occurred_at) VALUES (?, ?, ?, ?, ?, ?)",
      [step.participantId, step.slipSeq, step.jointApprovalId, step.fromStatus, step.toStatus, step.occurredAt],
    )) as { affectedRows?: number };
    return result.affectedRows === 1;
  }

  async noticeStepsOf(jointApprovalId: string, tx?: Tx): Promise<NoticeStepRow[]> {
    const rows = (await this.manager(tx).query(
      "SELECT participant_id, slip_seq, from_status, to_status, occurred_at FROM joint_notice_step WHERE joint_approval_id = ? ORDER BY participant_id, slip_seq",
      [jointApprovalId],
    )) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      participantId: r.participant_id as string,
      slipSeq: Number(r.slip_seq),
      jointApprovalId,
      fromStatus: r.from_status as NoticeStepRow["fromStatus"],
      toStatus: r.to_status as NoticeStepRow["toStatus"],
      occurredAt: r.occurred_at as Date,
    }));
  }

  /** False when the extension was recorded before. */
  async recordExtension(tx: Tx, extension: ExtensionRow): Promise<boolean> {
    const result = await tx.manager.createQueryBuilder().insert().into(ExtensionRow).values(extension).orIgnore().execute();
    return (result.raw as { affectedRows?: number })?.affectedRows === 1;
  }

  async extensionsOf(jointApprovalId: string, tx?: Tx): Promise<ExtensionRow[]> {
    const rows = (await this.manager(tx).query("SELECT id, participant_id, working_days, approved_at FROM joint_extension WHERE joint_approval_id = ? ORDER BY approved_at", [
      jointApprovalId,
    ])) as Array<Record<string, unknown>>;
    return rows.map((r) => ({ id: r.id as string, participantId: r.participant_id as string, jointApprovalId, workingDays: Number(r.working_days), approvedAt: r.approved_at as Date }));
  }

  async appendHistory(tx: Tx, entries: ReadonlyArray<Omit<HistoryRow, "id">>): Promise<void> {
    if (entries.length === 0) return;
    await tx.manager.query(
      `INSERT INTO joint_history (joint_approval_id, at, kind, participant_id, actor, note, details) VALUES ${entries.map(() => "(?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
      entries.flatMap((e) => [e.jointApprovalId, e.at, e.kind, e.participantId, e.actor, e.note, e.details]),
    );
  }

  /** The latest entries, oldest first, each numbered in the whole history. */
  async historyOf(jointApprovalId: string, last: number): Promise<HistoryEntry[]> {
    const rows = (await this.manager().query(
      `SELECT * FROM (SELECT h.*, ROW_NUMBER() OVER (ORDER BY h.id) AS seq FROM joint_history h WHERE h.joint_approval_id = ?) numbered ORDER BY seq DESC LIMIT ?`,
      [jointApprovalId, last],
    )) as Array<Record<string, unknown>>;
    return rows.reverse().map((row) => ({ ...this.historyRows.fromRow(row), seq: Number(row.seq) }));
  }

  /** Newest first; `after` is the last row of the previous page. One more row than asked tells whether a next page exists. */
  list(filter: JointApprovalFilter, first: number, after: ListCursor | null): Promise<JointApprovalRow[]> {
    const query = this.manager()
      .createQueryBuilder(JointApprovalRow, "j")
      .orderBy("j.opened_at", "DESC")
      .addOrderBy("j.id", "DESC")
      .limit(first + 1);
    if (filter.centerCode) query.andWhere("j.center_code = :centerCode", { centerCode: filter.centerCode });
    if (filter.statuses?.length) query.andWhere("j.status IN (:...statuses)", { statuses: filter.statuses });
    if (filter.leadDepartmentId) query.andWhere("j.lead_department_id = :lead", { lead: filter.leadDepartmentId });
    if (filter.applicantSubjects) query.andWhere("j.applicant_subject IN (:...subjects)", { subjects: filter.applicantSubjects });
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
