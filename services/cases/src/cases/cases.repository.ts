import { In, type DataSource, type EntityManager, type ValueTransformer } from "typeorm";
import { isDuplicateKey, type Tx } from "@onestop/platform";
import { CLOSED, type CaseStatus } from "./cases.rules";
import { CaseRow, RoutingEntryRow } from "./entities";

export type InsertOutcome = "inserted" | "receipt_taken" | "submit_key_taken" | "participant_taken";

export interface CaseListFilter {
  centerCode: string;
  departmentIds?: readonly string[];
  statuses?: readonly CaseStatus[];
  applicantSubject?: string;
  limit: number;
  offset: number;
}

/** 代办: the cases a township serves as agent, or (with `intakeCenterCode`) those one of its village points took in. */
export interface AgencyFilter {
  agentCenterCode: string;
  intakeCenterCode: string | null;
  statuses: readonly CaseStatus[] | null;
  limit: number;
  /** The last case of the previous page: its submission and id. */
  after: { submittedAt: Date; id: string } | null;
}

export interface QueueFilter {
  /** The center's own cases, or (代办) those a township serves as agent, a village point's own take-ins among them. */
  of: { centerCode: string } | { agentCenterCode: string; intakeCenterCode: string | null };
  /** Null: every department of the center (its overseers). */
  departmentIds: readonly string[] | null;
  windowId?: string | null;
  statuses: readonly CaseStatus[];
  limit: number;
  /** The last case of the previous page: its due instant, submission and id. */
  after?: { due: Date | null; submittedAt: Date; id: string } | null;
}

interface ColumnMapping {
  property: string;
  column: string;
  transformers: ValueTransformer[];
}

/** The columns of an entity as TypeORM knows them, for the hand-written statements of the hot path. */
function columnsOf(dataSource: DataSource, entity: typeof CaseRow | typeof RoutingEntryRow): ColumnMapping[] {
  return dataSource.getMetadata(entity).columns.map((c) => ({
    property: c.propertyName,
    column: c.databaseName,
    transformers: c.transformer ? (Array.isArray(c.transformer) ? c.transformer : [c.transformer]) : [],
  }));
}

const toColumn = (mapping: ColumnMapping, value: unknown) => mapping.transformers.reduce((v, t) => t.to(v), value);
const fromColumn = (mapping: ColumnMapping, value: unknown) => mapping.transformers.reduceRight((v, t) => t.from(v), value);

/**
 * The only code that reads or writes cases and their routing slips. The statements every
 * step runs (lock, update, append) are written by hand: a step is a handful of round trips
 * and TypeORM's query building was a large share of the service's CPU.
 */
export class CasesRepository {
  private readonly caseColumns: ColumnMapping[];
  private readonly caseColumnByProperty: Map<string, ColumnMapping>;
  private readonly entryColumns: ColumnMapping[];

  constructor(private readonly dataSource: DataSource) {
    this.caseColumns = columnsOf(dataSource, CaseRow);
    this.caseColumnByProperty = new Map(this.caseColumns.map((c) => [c.property, c]));
    this.entryColumns = columnsOf(dataSource, RoutingEntryRow).filter((c) => c.property !== "id");
  }

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  private toCase(raw: Record<string, unknown>): CaseRow {
    const row: Record<string, unknown> = {};
    for (const mapping of this.caseColumns) row[mapping.property] = fromColumn(mapping, raw[mapping.column]);
    return row as unknown as CaseRow;
  }

  /** Tells which unique key refused the row, so the caller can draw another receipt or return the first submission. */
  async insert(tx: Tx, row: CaseRow): Promise<InsertOutcome> {
    const record = row as unknown as Record<string, unknown>;
    try {
      await tx.manager.query(
        `INSERT INTO service_case (${this.caseColumns.map((c) => c.column).join(", ")}) VALUES (${this.caseColumns.map(() => "?").join(", ")})`,
        this.caseColumns.map((c) => toColumn(c, record[c.property])),
      );
      return "inserted";
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const text = String((error as Error).message);
      if (text.includes("uq_case_submit_key")) return "submit_key_taken";
      if (text.includes("uq_case_participant")) return "participant_taken";
      return "receipt_taken";
    }
  }

  /** The one case a statement selects (`SELECT * FROM service_case WHERE …`), or null. */
  private async oneCase(where: string, params: unknown[], tx?: Tx): Promise<CaseRow | null> {
    const [raw] = (await this.manager(tx).query(`SELECT * FROM service_case WHERE ${where}`, params)) as Array<Record<string, unknown>>;
    return raw ? this.toCase(raw) : null;
  }

  find(id: string, tx?: Tx): Promise<CaseRow | null> {
    return this.oneCase("id = ?", [id], tx);
  }

  /** Cases by id in one statement, in no particular order; ids without a case are left out. */
  async findMany(ids: readonly string[]): Promise<CaseRow[]> {
    if (ids.length === 0) return [];
    const raws = (await this.manager().query("SELECT * FROM service_case WHERE id IN (?)", [[...ids]])) as Array<Record<string, unknown>>;
    return raws.map((raw) => this.toCase(raw));
  }

  /** Locks the case for the rest of the transaction: its transitions happen one at a time. */
  findForUpdate(tx: Tx, id: string): Promise<CaseRow | null> {
    return this.oneCase("id = ? FOR UPDATE", [id], tx);
  }

  findBySubmitKey(applicantSubject: string, submitKey: string, tx?: Tx): Promise<CaseRow | null> {
    return this.oneCase("applicant_subject = ? AND submit_key = ?", [applicantSubject, submitKey], tx);
  }

  findByParticipant(participantId: string, tx?: Tx): Promise<CaseRow | null> {
    return this.oneCase("participant_id = ?", [participantId], tx);
  }

  findByReceipt(receiptNo: string): Promise<CaseRow | null> {
    return this.oneCase("receipt_no = ?", [receiptNo]);
  }

  async update(tx: Tx, id: string, changes: Partial<CaseRow>): Promise<void> {
    const entries = Object.entries(changes).map(([property, value]) => [this.caseColumnByProperty.get(property)!, value] as const);
    if (entries.length === 0) return;
    await tx.manager.query(`UPDATE service_case SET ${entries.map(([c]) => `${c.column} = ?`).join(", ")} WHERE id = ?`, [
      ...entries.map(([c, value]) => toColumn(c, value)),
      id,
    ]);
  }

  /** Appends one step to the slip; the slip has no other write. */
  async appendEntry(tx: Tx, entry: Omit<RoutingEntryRow, "id">): Promise<void> {
    const record = entry as unknown as Record<string, unknown>;
    await tx.manager.query(
      `INSERT INTO case_routing_entry (${this.entryColumns.map((c) => c.column).join(", ")}) VALUES (${this.entryColumns.map(() => "?").join(", ")})`,
      this.entryColumns.map((c) => toColumn(c, record[c.property])),
    );
  }

  /** The step a retried request already took, if any: what it was and who took it. */
  async entryByIdempotencyKey(tx: Tx, caseId: string, idempotencyKey: string): Promise<Pick<RoutingEntryRow, "action" | "actorId"> | null> {
    const [raw] = (await tx.manager.query("SELECT action, actor_id FROM case_routing_entry WHERE case_id = ? AND idempotency_key = ?", [caseId, idempotencyKey])) as Array<{
      action: RoutingEntryRow["action"];
      actor_id: string;
    }>;
    return raw ? { action: raw.action, actorId: raw.actor_id } : null;
  }

  /** Who took the latest step of this act on the case (the reviewer, the forwarder), from the routing slip. */
  async lastActorOf(tx: Tx, caseId: string, action: RoutingEntryRow["action"]): Promise<string | null> {
    const [raw] = (await tx.manager.query("SELECT actor_id FROM case_routing_entry WHERE case_id = ? AND action = ? ORDER BY seq DESC LIMIT 1", [caseId, action])) as Array<{
      actor_id: string;
    }>;
    return raw?.actor_id ?? null;
  }

  /** Who took the latest step of each of these acts on the case, outside any transaction (reading). */
  async lastActorsOf(caseId: string, actions: ReadonlyArray<RoutingEntryRow["action"]>): Promise<Partial<Record<RoutingEntryRow["action"], string>>> {
    const raws = (await this.manager().query("SELECT action, actor_id FROM case_routing_entry WHERE case_id = ? AND action IN (?) ORDER BY seq ASC", [caseId, [...actions]])) as Array<{
      action: RoutingEntryRow["action"];
      actor_id: string;
    }>;
    const last: Partial<Record<RoutingEntryRow["action"], string>> = {};
    for (const raw of raws) last[raw.action] = raw.actor_id;
    return last;
  }

  /**
   * 窗口工作台: the open cases of some departments (and one window, when given), the soonest
   * due first: the case's deadline, or before acceptance the acceptance stage's; cases with
   * neither (a stopped clock, no stage limit) last, oldest first. Keyset pages on
   * (due IS NULL, due, submitted_at, id).
   */
  async queue(filter: QueueFilter): Promise<{ rows: CaseRow[]; totalCount: number }> {
    const due = "COALESCE(c.deadline_at, c.stage_due_at)";
    const where: string[] = ["c.status IN (?)"];
    const params: unknown[] = [[...filter.statuses]];
    if ("centerCode" in filter.of) {
      where.push("c.center_code = ?");
      params.push(filter.of.centerCode);
    } else {
      whereServedBy(filter.of, where, params);
    }
    if (filter.departmentIds) {
      where.push("c.department_id IN (?)");
      params.push(filter.departmentIds.length ? [...filter.departmentIds] : [""]);
    }
    if (filter.windowId) {
      where.push("c.window_id = ?");
      params.push(filter.windowId);
    }
    const countSql = `SELECT COUNT(*) AS n FROM service_case c WHERE ${where.join(" AND ")}`;
    const countParams = [...params];
    if (filter.after) {
      const { due: afterDue, submittedAt, id } = filter.after;
      if (afterDue === null) {
        where.push(`(${due} IS NULL AND (c.submitted_at > ? OR (c.submitted_at = ? AND c.id > ?)))`);
        params.push(submittedAt, submittedAt, id);
      } else {
        where.push(`(${due} IS NULL OR ${due} > ? OR (${due} = ? AND (c.submitted_at > ? OR (c.submitted_at = ? AND c.id > ?))))`);
        params.push(afterDue, afterDue, submittedAt, submittedAt, id);
      }
    }
    const [raws, [count]] = await Promise.all([
      this.manager().query(`SELECT c.* FROM service_case c WHERE ${where.join(" AND ")} ORDER BY ${due} IS NULL, ${due}, c.submitted_at, c.id LIMIT ?`, [
        ...params,
        filter.limit,
      ]) as Promise<Array<Record<string, unknown>>>,
      this.manager().query(countSql, countParams) as Promise<Array<{ n: string | number }>>,
    ]);
    return { rows: raws.map((raw) => this.toCase(raw)), totalCount: Number(count?.n ?? 0) };
  }

  /** 代办: the cases taken in as agent, newest first; keyset pages on (submitted_at, id) over the agent center's index. */
  async agency(filter: AgencyFilter): Promise<{ rows: CaseRow[]; totalCount: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    whereServedBy(filter, where, params);
    if (filter.statuses) {
      where.push("c.status IN (?)");
      params.push([...filter.statuses]);
    }
    const countSql = `SELECT COUNT(*) AS n FROM service_case c WHERE ${where.join(" AND ")}`;
    const countParams = [...params];
    if (filter.after) {
      where.push("(c.submitted_at < ? OR (c.submitted_at = ? AND c.id < ?))");
      params.push(filter.after.submittedAt, filter.after.submittedAt, filter.after.id);
    }
    const [raws, [count]] = await Promise.all([
      this.manager().query(`SELECT c.* FROM service_case c WHERE ${where.join(" AND ")} ORDER BY c.submitted_at DESC, c.id DESC LIMIT ?`, [...params, filter.limit]) as Promise<
        Array<Record<string, unknown>>
      >,
      this.manager().query(countSql, countParams) as Promise<Array<{ n: string | number }>>,
    ]);
    return { rows: raws.map((raw) => this.toCase(raw)), totalCount: Number(count?.n ?? 0) };
  }

  routingSlip(caseId: string): Promise<RoutingEntryRow[]> {
    return this.manager().find(RoutingEntryRow, { where: { caseId }, order: { seq: "ASC" } });
  }

  list(filter: CaseListFilter): Promise<CaseRow[]> {
    const query = this.manager()
      .createQueryBuilder(CaseRow, "c")
      .where("c.center_code = :centerCode", { centerCode: filter.centerCode })
      .orderBy("c.submitted_at", "DESC")
      .addOrderBy("c.id", "ASC")
      .limit(filter.limit)
      .offset(filter.offset);
    if (filter.departmentIds) query.andWhere("c.department_id IN (:...departments)", { departments: filter.departmentIds.length ? filter.departmentIds : [""] });
    if (filter.statuses?.length) query.andWhere("c.status IN (:...statuses)", { statuses: filter.statuses });
    if (filter.applicantSubject) query.andWhere("c.applicant_subject = :subject", { subject: filter.applicantSubject });
    return query.getMany();
  }

  /** The cases of an applicant, under each subject it answers to (its account, its applicant key). */
  listOfApplicant(applicantSubjects: readonly string[], limit: number, offset: number): Promise<CaseRow[]> {
    return this.manager().find(CaseRow, { where: { applicantSubject: In([...applicantSubjects]) }, order: { submittedAt: "DESC" }, take: limit, skip: offset });
  }

  /** 首问负责: the cases a staff member owns that have not yet concluded. */
  openCasesOf(handlerId: string): Promise<CaseRow[]> {
    return this.manager()
      .createQueryBuilder(CaseRow, "c")
      .where("c.handler_id = :handlerId AND c.status NOT IN (:...closed)", { handlerId, closed: CLOSED })
      .orderBy("c.deadline_at IS NULL", "ASC")
      .addOrderBy("c.deadline_at", "ASC")
      .getMany();
  }
}

/** 代办's scope as conditions: the cases the township serves, or only those a village point took in. */
function whereServedBy(scope: { agentCenterCode: string; intakeCenterCode: string | null }, where: string[], params: unknown[]): void {
  where.push("c.agent_center_code = ?");
  params.push(scope.agentCenterCode);
  if (scope.intakeCenterCode) {
    where.push("c.intake_center_code = ?");
    params.push(scope.intakeCenterCode);
  }
}
