import type { DataSource } from "typeorm";
import type { Tx } from "@onestop/platform";
import { CaseDocumentRow } from "./entities";

/** The only code that reads or writes the documents recorded on cases' routing slips. */
export class CaseDocumentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Once per document: a second event about the same document (replayed, or sent again) adds nothing. */
  async record(tx: Tx, row: CaseDocumentRow): Promise<void> {
    await tx.manager.query(
      "INSERT IGNORE INTO case_document (document_id, case_id, kind, document_no, sha256, size_bytes, issued_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [row.documentId, row.caseId, row.kind, row.documentNo, row.sha256, row.sizeBytes, row.issuedAt, row.recordedAt],
    );
  }

  documentsOf(caseId: string): Promise<CaseDocumentRow[]> {
    return this.dataSource.manager.find(CaseDocumentRow, { where: { caseId }, order: { issuedAt: "ASC", documentNo: "ASC" } });
  }
}
