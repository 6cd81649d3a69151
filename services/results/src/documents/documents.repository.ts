import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import type { ResultDocumentKind } from "@onestop/events";
import type { Tx } from "@onestop/platform";
import { LicenceActRow, LicenceRow } from "../licences/entities";
import { DocumentCounterRow, DocumentRow, TemplateRow } from "./entities";

/** Documents, their numbers and templates, and the licence register: the only TypeORM code of both. */
export class DocumentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async byCause(tx: Tx, caseId: string, kind: ResultDocumentKind, cause: string): Promise<DocumentRow | null> {
    return tx.manager.findOneBy(DocumentRow, { caseId, kind, cause });
  }

  /** The next number of its kind in the center and year; the counter row is locked until the transaction ends. */
  async nextSeq(tx: Tx, centerCode: string, kind: ResultDocumentKind, year: number): Promise<number> {
    await tx.manager.query(
      "INSERT INTO document_counter (center_code, kind, year, last_seq) VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE last_seq = last_seq + 1",
      [centerCode, kind, year],
    );
    const row = await tx.manager.findOneByOrFail(DocumentCounterRow, { centerCode, kind, year });
    return row.lastSeq;
  }

  async insert(tx: Tx, row: DocumentRow): Promise<void> {
    await tx.manager.insert(DocumentRow, row);
  }

  /** The template in force for an item version: the highest `from_version` not above it. */
  async template(tx: Tx | null, itemId: string, version: number, kind: ResultDocumentKind): Promise<TemplateRow | null> {
    const manager = tx?.manager ?? this.dataSource.manager;
    return manager
      .createQueryBuilder(TemplateRow, "t")
      .where("t.item_id = :itemId AND t.kind = :kind AND t.from_version <= :version", { itemId, kind, version })
      .orderBy("t.from_version", "DESC")
      .getOne();
  }

  async saveTemplate(tx: Tx, row: TemplateRow): Promise<TemplateRow> {
    // Rewriting a version's template keeps its id: the documents written with it still name it.
    const existing = await tx.manager.findOneBy(TemplateRow, { itemId: row.itemId, kind: row.kind, fromVersion: row.fromVersion });
    const saved = existing ? { ...row, id: existing.id } : row;
    await tx.manager.save(TemplateRow, saved);
    return saved;
  }

  async templatesOf(itemId: string): Promise<TemplateRow[]> {
    return this.dataSource.manager.find(TemplateRow, { where: { itemId }, order: { kind: "ASC", fromVersion: "ASC" } });
  }

  async document(id: string): Promise<DocumentRow | null> {
    return this.dataSource.manager.findOneBy(DocumentRow, { id });
  }

  async documentByCode(code: string): Promise<DocumentRow | null> {
    return this.dataSource.manager.findOneBy(DocumentRow, { verificationCode: code });
  }

  async documentsOfCases(caseIds: readonly string[]): Promise<DocumentRow[]> {
    if (caseIds.length === 0) return [];
    return this.dataSource.manager.find(DocumentRow, { where: { caseId: In([...caseIds]) }, order: { issuedAt: "ASC", documentNo: "ASC" } });
  }

  async insertLicence(tx: Tx, row: LicenceRow): Promise<void> {
    await tx.manager.insert(LicenceRow, row);
  }

  async licence(id: string, tx?: Tx): Promise<LicenceRow | null> {
    return (tx?.manager ?? this.dataSource.manager).findOneBy(LicenceRow, { id });
  }

  async licenceForUpdate(tx: Tx, id: string): Promise<LicenceRow | null> {
    return tx.manager.createQueryBuilder(LicenceRow, "l").setLock("pessimistic_write").where("l.id = :id", { id }).getOne();
  }

  async licenceByDocument(documentId: string): Promise<LicenceRow | null> {
    return this.dataSource.manager.findOneBy(LicenceRow, { documentId });
  }

  async licenceOfDocument(tx: Tx, documentId: string): Promise<LicenceRow> {
    return tx.manager.findOneByOrFail(LicenceRow, { documentId });
  }

  async licencesOfHolder(subjects: readonly string[]): Promise<LicenceRow[]> {
    if (subjects.length === 0) return [];
    return this.dataSource.manager.find(LicenceRow, { where: { holderSubject: In([...subjects]) }, order: { issuedAt: "DESC" } });
  }

  async licencesOfCenter(centerCode: string, departmentId: string | null, limit: number): Promise<LicenceRow[]> {
    return this.dataSource.manager.find(LicenceRow, {
      where: departmentId ? { centerCode, departmentId } : { centerCode },
      order: { issuedAt: "DESC" },
      take: limit,
    });
  }

  async updateLicence(tx: Tx, id: string, changes: Partial<LicenceRow>): Promise<void> {
    await tx.manager.update(LicenceRow, { id }, changes);
  }

  async recordAct(tx: Tx, act: Omit<LicenceActRow, "id">): Promise<void> {
    await tx.manager.insert(LicenceActRow, { id: randomUUID(), ...act });
  }

  async actByKey(licenceId: string, idempotencyKey: string): Promise<LicenceActRow | null> {
    return this.dataSource.manager.findOneBy(LicenceActRow, { licenceId, idempotencyKey });
  }

  async actsOf(licenceId: string): Promise<LicenceActRow[]> {
    return this.dataSource.manager.find(LicenceActRow, { where: { licenceId }, order: { occurredAt: "ASC" } });
  }
}
