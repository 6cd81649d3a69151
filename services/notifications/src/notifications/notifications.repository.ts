import type { DataSource, EntityManager } from "typeorm";
import type { Tx } from "@onestop/platform";
import type { NotificationCause } from "./causes";
import type { ContactPreferences } from "../preferences/preferences.rules";

export interface CaseDirectoryRow {
  case_id: string;
  center_code: string;
  department_id: string;
  applicant_subject: string;
  receipt_no: string;
  window_id: string | null;
  /** 代办: the township serving the applicant for a county case, or null. */
  agent_center_code: string | null;
}

export interface NotificationRow {
  id: string;
  cause_key: string;
  channel: "INBOX" | "SMS";
  cause: NotificationCause;
  case_id: string;
  center_code: string;
  department_id: string;
  recipient_subject: string;
  title: string;
  body: string;
  details: string;
  status: "PENDING" | "SENDING" | "SENT" | "FAILED" | "SKIPPED";
  attempts: number;
  next_attempt_at: Date | null;
  claim_token: string | null;
  claimed_until: Date | null;
  last_error: string | null;
  phone_masked: string | null;
  caused_at: Date;
  created_at: Date;
  sent_at: Date | null;
  read_at: Date | null;
}

export type NewNotification = Omit<NotificationRow, "claim_token" | "claimed_until" | "read_at">;

const COLUMNS: Array<keyof NewNotification> = [
  "id", "cause_key", "channel", "cause", "case_id", "center_code", "department_id", "recipient_subject", "title", "body", "details",
  "status", "attempts", "next_attempt_at", "last_error", "phone_masked", "caused_at", "created_at", "sent_at",
];

/** The only code that talks to notifications' tables. */
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  async upsertCase(tx: Tx, row: CaseDirectoryRow, now: Date): Promise<void> {
    await tx.manager.query(
      `INSERT INTO notification_case (case_id, center_code, department_id, applicant_subject, receipt_no, window_id, agent_center_code, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE window_id = COALESCE(VALUES(window_id), window_id), agent_center_code = COALESCE(VALUES(agent_center_code), agent_center_code), updated_at = VALUES(updated_at)`,
      [row.case_id, row.center_code, row.department_id, row.applicant_subject, row.receipt_no, row.window_id, row.agent_center_code, now],
    );
  }

  async caseOf(caseId: string, tx?: Tx): Promise<CaseDirectoryRow | null> {
    const [row] = (await this.manager(tx).query("SELECT case_id, center_code, department_id, applicant_subject, receipt_no, window_id, agent_center_code FROM notification_case WHERE case_id = ?", [caseId])) as CaseDirectoryRow[];
    return row ?? null;
  }

  async upsertWindow(tx: Tx, window: { windowId: string; centerCode: string; name: string; revision: number }): Promise<void> {
    await tx.manager.query(
      `INSERT INTO notification_window (window_id, center_code, name, revision) VALUES (?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE name = IF(VALUES(revision) >= revision, VALUES(name), name), revision = GREATEST(revision, VALUES(revision))`,
      [window.windowId, window.centerCode, window.name, window.revision],
    );
  }

  async upsertCenter(tx: Tx, center: { code: string; name: string; revision: number }): Promise<void> {
    await tx.manager.query(
      `INSERT INTO notification_center (code, name, revision) VALUES (?, ?, ?)
       ON DUPLICATE KEY UPDATE name = IF(VALUES(revision) >= revision, VALUES(name), name), revision = GREATEST(revision, VALUES(revision))`,
      [center.code, center.name, center.revision],
    );
  }

  async centerName(code: string, tx?: Tx): Promise<string | null> {
    const [row] = (await this.manager(tx).query("SELECT name FROM notification_center WHERE code = ?", [code])) as Array<{ name: string }>;
    return row?.name ?? null;
  }

  async windowName(windowId: string | null, tx?: Tx): Promise<string | null> {
    if (!windowId) return null;
    const [row] = (await this.manager(tx).query("SELECT name FROM notification_window WHERE window_id = ?", [windowId])) as Array<{ name: string }>;
    return row?.name ?? null;
  }

  /** Inserts the notifications a cause makes; one already there (the same cause and channel) is left as it is. Returns how many were new. */
  async insertAll(tx: Tx, rows: readonly NewNotification[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = (await tx.manager.query(
      `INSERT IGNORE INTO notification (${COLUMNS.join(", ")}) VALUES ${rows.map(() => `(${COLUMNS.map(() => "?").join(", ")})`).join(", ")}`,
      rows.flatMap((row) => COLUMNS.map((column) => row[column])),
    )) as { affectedRows?: number };
    return result.affectedRows ?? 0;
  }

  async preferences(subject: string, tx?: Tx): Promise<ContactPreferences | null> {
    const [row] = (await this.manager(tx).query("SELECT phone, sms_off FROM contact_preference WHERE subject = ?", [subject])) as Array<{ phone: string | null; sms_off: string }>;
    if (!row) return null;
    return { phone: row.phone, smsOff: row.sms_off ? (row.sms_off.split(",") as NotificationCause[]) : [] };
  }

  /** The number as the applicant's, unless they have preferences already (their own choice, even no number, stands). True when it was taken. */
  async defaultPhone(tx: Tx, subject: string, phone: string, now: Date): Promise<boolean> {
    const result = (await tx.manager.query("INSERT IGNORE INTO contact_preference (subject, phone, sms_off, updated_at) VALUES (?, ?, '', ?)", [subject, phone, now])) as { affectedRows?: number };
    return result.affectedRows === 1;
  }

  async savePreferences(tx: Tx, subject: string, preferences: ContactPreferences, now: Date): Promise<void> {
    await tx.manager.query(
      `INSERT INTO contact_preference (subject, phone, sms_off, updated_at) VALUES (?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE phone = VALUES(phone), sms_off = VALUES(sms_off), updated_at = VALUES(updated_at)`,
      [subject, preferences.phone, preferences.smsOff.join(","), now],
    );
  }

  async inbox(subjects: readonly string[], limit: number, offset: number, unreadOnly: boolean): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
    if (subjects.length === 0) return { rows: [], total: 0, unread: 0 };
    const marks = subjects.map(() => "?").join(", ");
    const where = `recipient_subject IN (${marks}) AND channel = 'INBOX'`;
    // One snapshot for the page and its counts: a notification arriving between the two reads
    // would otherwise be counted but not listed.
    const { rows, counts } = await this.dataSource.transaction("REPEATABLE READ", async (manager) => {
      const rows = (await manager.query(
        `SELECT * FROM notification WHERE ${where}${unreadOnly ? " AND read_at IS NULL" : ""} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
        [...subjects, limit, offset],
      )) as NotificationRow[];
      const [counts] = (await manager.query(`SELECT COUNT(*) AS total, SUM(read_at IS NULL) AS unread FROM notification WHERE ${where}`, [...subjects])) as Array<{ total: string | number; unread: string | number | null }>;
      return { rows, counts };
    });
    const total = Number(counts?.total ?? 0);
    return { rows, total: unreadOnly ? Number(counts?.unread ?? 0) : total, unread: Number(counts?.unread ?? 0) };
  }

  async unreadCount(subjects: readonly string[]): Promise<number> {
    if (subjects.length === 0) return 0;
    const [row] = (await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM notification WHERE recipient_subject IN (${subjects.map(() => "?").join(", ")}) AND channel = 'INBOX' AND read_at IS NULL`,
      [...subjects],
    )) as Array<{ n: string | number }>;
    return Number(row?.n ?? 0);
  }

  /** Marks the caller's own inbox notifications read (the ones named, or all); others' ids are ignored. */
  async markRead(tx: Tx, subjects: readonly string[], ids: readonly string[] | null, now: Date): Promise<void> {
    if (subjects.length === 0 || (ids && ids.length === 0)) return;
    await tx.manager.query(
      `UPDATE notification SET read_at = ? WHERE recipient_subject IN (${subjects.map(() => "?").join(", ")}) AND channel = 'INBOX' AND read_at IS NULL${ids ? ` AND id IN (${ids.map(() => "?").join(", ")})` : ""}`,
      [now, ...subjects, ...(ids ?? [])],
    );
  }

  async ofCase(caseId: string): Promise<NotificationRow[]> {
    return (await this.dataSource.query("SELECT * FROM notification WHERE case_id = ? ORDER BY created_at, cause_key, channel", [caseId])) as NotificationRow[];
  }

  // The sender's side.

  /**
   * Claims SMS due now: PENDING ones whose time came, and SENDING ones whose claim ran out (their
   * sender died or hung: in doubt). Claimed rows are SENDING under `token` until `claimedUntil`.
   */
  async claimDue(now: Date, claimedUntil: Date, token: string, limit: number): Promise<Array<NotificationRow & { in_doubt: boolean }>> {
    return this.dataSource.transaction(async (manager) => {
      const pending = (await manager.query(
        "SELECT id, status FROM notification WHERE channel = 'SMS' AND status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED",
        [now, limit],
      )) as Array<{ id: string; status: string }>;
      const stale = (await manager.query(
        "SELECT id, status FROM notification WHERE channel = 'SMS' AND status = 'SENDING' AND claimed_until <= ? LIMIT ? FOR UPDATE SKIP LOCKED",
        [now, limit],
      )) as Array<{ id: string; status: string }>;
      const due = [...stale, ...pending];
      if (due.length === 0) return [];
      const ids = due.map((row) => row.id);
      await manager.query(
        `UPDATE notification SET status = 'SENDING', attempts = attempts + 1, claim_token = ?, claimed_until = ? WHERE id IN (${ids.map(() => "?").join(", ")})`,
        [token, claimedUntil, ...ids],
      );
      const inDoubt = new Set(due.filter((row) => row.status === "SENDING").map((row) => row.id));
      const rows = (await manager.query(`SELECT * FROM notification WHERE id IN (${ids.map(() => "?").join(", ")})`, ids)) as NotificationRow[];
      return rows.map((row) => ({ ...row, in_doubt: inDoubt.has(row.id) }));
    });
  }

  /** Settles a claimed message, only while the claim is still this sender's. */
  async settle(id: string, token: string, change: { status: "SENT"; at: Date } | { status: "PENDING"; retryAt: Date; error: string } | { status: "FAILED" | "SKIPPED"; error: string }): Promise<boolean> {
    const fields =
      change.status === "SENT"
        ? { sql: "status = 'SENT', sent_at = ?, last_error = NULL", values: [change.at] }
        : change.status === "PENDING"
          ? { sql: "status = 'PENDING', next_attempt_at = ?, last_error = ?", values: [change.retryAt, change.error.slice(0, 500)] }
          : { sql: "status = ?, last_error = ?", values: [change.status, change.error.slice(0, 500)] };
    const result = (await this.dataSource.query(`UPDATE notification SET ${fields.sql}, claim_token = NULL, claimed_until = NULL WHERE id = ? AND claim_token = ?`, [
      ...fields.values,
      id,
      token,
    ])) as { affectedRows?: number };
    return result.affectedRows === 1;
  }

  /** SMS by delivery state, for the benchmark and tests. */
  async counts(): Promise<Record<string, number>> {
    const rows = (await this.dataSource.query("SELECT status, COUNT(*) AS n FROM notification WHERE channel = 'SMS' GROUP BY status")) as Array<{ status: string; n: string | number }>;
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  }
}
