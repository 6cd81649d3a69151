import type { DataSource } from "typeorm";
import { entryCenters, entryValues, type AuditEntry } from "./audit.rules";

interface EntryRow {
  seq: string | number;
  recorded_at: Date;
  request_id: string;
  subject: string;
  roles: string;
  center_code: string | null;
  department_id: string | null;
  window_id: string | null;
  operation_name: string | null;
  fields: string;
  client_ip: string | null;
  forwarded_for: string | null;
  user_agent: string | null;
  client_name: string | null;
  client_version: string | null;
  outcome: "ok" | "error";
  error_codes: string;
  touched_centers: string | null;
  prev_hash: string;
  hash: string;
}

const COLUMNS =
  "seq, recorded_at, request_id, subject, roles, center_code, department_id, window_id, operation_name, fields, " +
  "client_ip, forwarded_for, user_agent, client_name, client_version, outcome, error_codes, touched_centers, prev_hash, hash";
const ENTRY_COLUMNS = COLUMNS.split(", ").map((column) => `e.${column}`).join(", ");

function toEntry(row: EntryRow): AuditEntry {
  return {
    seq: Number(row.seq),
    recordedAt: row.recorded_at,
    requestId: row.request_id,
    subject: row.subject,
    roles: row.roles,
    centerCode: row.center_code,
    departmentId: row.department_id,
    windowId: row.window_id,
    operationName: row.operation_name,
    fields: row.fields,
    clientIp: row.client_ip,
    forwardedFor: row.forwarded_for,
    userAgent: row.user_agent,
    clientName: row.client_name,
    clientVersion: row.client_version,
    outcome: row.outcome,
    errorCodes: row.error_codes,
    touchedCenters: row.touched_centers,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/** The only code that reads or writes the audit tables. */
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends entries in order under the chain head's row lock: each `build` gets the link
   * before it and returns the sealed entry; all are written with the new head in one
   * transaction, so a batch costs one lock and one commit however many entries it holds.
   */
  async appendAll(builds: ReadonlyArray<(previous: ChainHead) => AuditEntry>): Promise<AuditEntry[]> {
    return this.dataSource.transaction(async (manager) => {
      const [head] = (await manager.query("SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")) as Array<{ seq: string | number; hash: string }>;
      if (!head) throw new Error("audit_chain_head has no row: the audit migrations did not run");
      let previous: ChainHead = { seq: Number(head.seq), hash: head.hash };
      const entries = builds.map((build) => {
        const entry = build(previous);
        previous = { seq: entry.seq, hash: entry.hash };
        return entry;
      });
      const row = `(${COLUMNS.split(",").map(() => "?").join(", ")})`;
      await manager.query(
        `INSERT INTO audit_entry (${COLUMNS}) VALUES ${entries.map(() => row).join(", ")}`,
        entries.flatMap((entry) => [...entryValues(entry), entry.touchedCenters, entry.prevHash, entry.hash]),
      );
      const filed = entries.flatMap((entry) => entryCenters(entry).map((center) => [center, entry.seq]));
      if (filed.length > 0) {
        await manager.query(`INSERT INTO audit_entry_center (center_code, seq) VALUES ${filed.map(() => "(?, ?)").join(", ")}`, filed.flat());
      }
      await manager.query("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1", [previous.seq, previous.hash]);
      return entries;
    });
  }

  async head(): Promise<ChainHead> {
    const [head] = (await this.dataSource.query("SELECT seq, hash FROM audit_chain_head WHERE id = 1")) as Array<{ seq: string | number; hash: string }>;
    return { seq: Number(head?.seq ?? 0), hash: head?.hash ?? "" };
  }

  /** Entries after `after` in order: those filed under one center (audit_entry_center), or all when center is undefined. */
  async page(after: number, limit: number, center?: string): Promise<AuditEntry[]> {
    const rows = (await (center === undefined
      ? this.dataSource.query(`SELECT ${COLUMNS} FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT ?`, [after, limit])
      : this.dataSource.query(
          `SELECT ${ENTRY_COLUMNS} FROM audit_entry_center c JOIN audit_entry e ON e.seq = c.seq
            WHERE c.center_code = ? AND c.seq > ? ORDER BY c.seq LIMIT ?`,
          [center, after, limit],
        ))) as EntryRow[];
    return rows.map(toEntry);
  }

  async entryAt(seq: number): Promise<AuditEntry | null> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM audit_entry WHERE seq = ?`, [seq])) as EntryRow[];
    return row ? toEntry(row) : null;
  }
}
