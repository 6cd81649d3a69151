import type { DataSource, EntityManager } from "typeorm";
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

/** The only code that reads or writes cases and their routing slips. */
export class CasesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  /** Tells which unique key refused the row, so the caller can draw another receipt or return the first submission. */
  async insert(tx: Tx, row: CaseRow): Promise<InsertOutcome> {
    try {
      await tx.manager.insert(CaseRow, row);
      return "inserted";
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const text = String((error as Error).message);
      if (text.includes("uq_case_submit_key")) return "submit_key_taken";
      if (text.includes("uq_case_participant")) return "participant_taken";
      return "receipt_taken";
    }
  }

  find(id: string, tx?: Tx): Promise<CaseRow | null> {
    return this.manager(tx).findOneBy(CaseRow, { id });
  }

  /** Locks the case for the rest of the transaction: its transitions happen one at a time. */
  findForUpdate(tx: Tx, id: string): Promise<CaseRow | null> {
    return tx.manager.createQueryBuilder(CaseRow, "c").setLock("pessimistic_write").where("c.id = :id", { id }).getOne();
  }

  findBySubmitKey(applicantSubject: string, submitKey: string, tx?: Tx): Promise<CaseRow | null> {
    return this.manager(tx).findOneBy(CaseRow, { applicantSubject, submitKey });
  }

  findByParticipant(participantId: string, tx?: Tx): Promise<CaseRow | null> {
    return this.manager(tx).findOneBy(CaseRow, { participantId });
  }

  findByReceipt(receiptNo: string): Promise<CaseRow | null> {
    return this.manager().findOneBy(CaseRow, { receiptNo });
  }

  async update(tx: Tx, id: string, changes: Partial<CaseRow>): Promise<void> {
    await tx.manager.update(CaseRow, { id }, changes);
  }

  /** Appends one step to the slip; the slip has no other write. */
  async appendEntry(tx: Tx, entry: Omit<RoutingEntryRow, "id">): Promise<void> {
    await tx.manager.insert(RoutingEntryRow, entry);
  }

  entryByIdempotencyKey(tx: Tx, caseId: string, idempotencyKey: string): Promise<RoutingEntryRow | null> {
    return tx.manager.findOneBy(RoutingEntryRow, { caseId, idempotencyKey });
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

  listOfApplicant(applicantSubject: string, limit: number, offset: number): Promise<CaseRow[]> {
    return this.manager().find(CaseRow, { where: { applicantSubject }, order: { submittedAt: "DESC" }, take: limit, skip: offset });
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
