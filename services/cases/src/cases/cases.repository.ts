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
