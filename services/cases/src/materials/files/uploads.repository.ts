import type { DataSource, EntityManager } from "typeorm";
import type { Tx } from "@onestop/platform";
import { CaseMaterialFileRow, MaterialBlobRow, MaterialUploadRow } from "../entities";
import type { BlobInfo } from "./material-store";

/** The only code that reads or writes uploads, their blobs and the files of cases' materials. */
export class UploadsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  /**
   * Locks the blob's row until the transaction ends, making it first where there is none; true
   * when it is new (its file is not in the store yet). The sweep takes the same lock before it
   * removes a blob, so a blob is never removed under an upload that is adding a reference to it.
   */
  async lockBlob(tx: Tx, blob: BlobInfo, now: Date): Promise<boolean> {
    const result = (await tx.manager.query("INSERT IGNORE INTO material_blob (sha256, media_type, size_bytes, stored_at) VALUES (?, ?, ?, ?)", [
      blob.sha256,
      blob.mediaType,
      blob.sizeBytes,
      now,
    ])) as { affectedRows: number };
    await tx.manager.query("SELECT sha256 FROM material_blob WHERE sha256 = ? FOR UPDATE", [blob.sha256]);
    return result.affectedRows === 1;
  }

  /** The owner's upload of these bytes: the one made now, or the one made before. */
  async upload(tx: Tx, row: MaterialUploadRow): Promise<MaterialUploadRow> {
    await tx.manager.query(
      "INSERT IGNORE INTO material_upload (id, owner_subject, sha256, media_type, size_bytes, file_name, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      [row.id, row.ownerSubject, row.sha256, row.mediaType, row.sizeBytes, row.fileName, row.uploadedAt],
    );
    return tx.manager.findOneOrFail(MaterialUploadRow, { where: { ownerSubject: row.ownerSubject, sha256: row.sha256 } });
  }

  findUpload(id: string, tx?: Tx): Promise<MaterialUploadRow | null> {
    return this.manager(tx).findOne(MaterialUploadRow, { where: { id } });
  }

  /** The uploads, locked against the sweep until the transaction that refers to them ends. */
  async lockUploads(tx: Tx, ids: readonly string[]): Promise<Array<Pick<MaterialUploadRow, "id" | "ownerSubject">>> {
    if (ids.length === 0) return [];
    // MariaDB knows no FOR SHARE, which is what TypeORM writes for a shared lock on MySQL.
    const rows = (await tx.manager.query(`SELECT id, owner_subject FROM material_upload WHERE id IN (${ids.map(() => "?").join(", ")}) LOCK IN SHARE MODE`, [...ids])) as Array<{
      id: string;
      owner_subject: string;
    }>;
    return rows.map((row) => ({ id: row.id, ownerSubject: row.owner_subject }));
  }

  async attach(tx: Tx, rows: ReadonlyArray<Omit<CaseMaterialFileRow, "id">>): Promise<void> {
    if (rows.length > 0) await tx.manager.createQueryBuilder().insert().into(CaseMaterialFileRow).values([...rows]).orIgnore().execute();
  }

  filesOf(caseId: string): Promise<Array<CaseMaterialFileRow & { upload: MaterialUploadRow }>> {
    return this.dataSource.manager
      .createQueryBuilder(CaseMaterialFileRow, "f")
      .innerJoinAndMapOne("f.upload", MaterialUploadRow, "u", "u.id = f.upload_id")
      .where("f.case_id = :caseId", { caseId })
      .orderBy("f.id", "ASC")
      .getMany() as Promise<Array<CaseMaterialFileRow & { upload: MaterialUploadRow }>>;
  }

  async casesReferring(uploadId: string): Promise<string[]> {
    const rows = await this.dataSource.manager.find(CaseMaterialFileRow, { where: { uploadId }, select: { caseId: true } });
    return [...new Set(rows.map((row) => row.caseId))];
  }

  /** Deletes uploads older than `before` that no case refers to; how many. */
  async deleteUnreferencedUploads(before: Date, limit: number): Promise<number> {
    const result = (await this.dataSource.query(
      `DELETE FROM material_upload WHERE uploaded_at < ?
         AND NOT EXISTS (SELECT 1 FROM case_material_file f WHERE f.upload_id = material_upload.id)
       LIMIT ${Number(limit)}`,
      [before],
    )) as { affectedRows: number };
    return result.affectedRows;
  }

  async unreferencedBlobs(limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT b.sha256 FROM material_blob b WHERE NOT EXISTS (SELECT 1 FROM material_upload u WHERE u.sha256 = b.sha256) LIMIT ${Number(limit)}`,
    )) as Array<{ sha256: string }>;
    return rows.map((row) => row.sha256);
  }

  /** Under the blob's lock: whether nothing refers to it still (then the caller removes it). */
  async blobStillUnreferenced(tx: Tx, sha256: string): Promise<boolean> {
    const locked = (await tx.manager.query("SELECT sha256 FROM material_blob WHERE sha256 = ? FOR UPDATE", [sha256])) as unknown[];
    if (locked.length === 0) return false;
    const uploads = (await tx.manager.query("SELECT 1 FROM material_upload WHERE sha256 = ? LIMIT 1", [sha256])) as unknown[];
    return uploads.length === 0;
  }

  async deleteBlob(tx: Tx, sha256: string): Promise<void> {
    await tx.manager.delete(MaterialBlobRow, { sha256 });
  }
}
