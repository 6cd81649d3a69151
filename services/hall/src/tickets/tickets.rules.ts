/**
 * The ticket rules (取号叫号), pure.
 *
 * Numbers: each department of the center has a letter prefix (A, B, … Z, then AA, AB…, in the
 * order the hall heard of the departments); a ticket's number is the prefix and the day's
 * sequence of that prefix, three digits at least (A001). The sequence starts again every
 * service day (Asia/Shanghai).
 */

/** The n-th prefix (0-based): A…Z, AA…AZ, BA… (spreadsheet columns). */
export function prefixAt(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new Error(`prefix index ${index}`);
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function ticketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, "0")}`;
}

/** Where a ticket stands. WAITING → CALLED → SERVING (a case started) → SERVED; CALLED → NO_SHOW; a transfer puts it back to WAITING for one window. */
export const ticketStatuses = ["WAITING", "CALLED", "SERVING", "SERVED", "NO_SHOW", "CANCELLED"] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** The ticket a clerk has in hand at the window. */
export const ACTIVE: readonly TicketStatus[] = ["CALLED", "SERVING"];

/** The departments a window serves: its own, or those a comprehensive window (综合窗口) acts for. */
export function departmentsServed(window: { kind: string; departmentId: string | null; actsFor: readonly string[] }): string[] {
  if (window.kind === "COMPREHENSIVE") return [...window.actsFor];
  return window.departmentId ? [window.departmentId] : [];
}

export interface QueuedTicket {
  id: string;
  departmentId: string;
  targetWindowId: string | null;
  /** A booked person's ticket goes ahead within [aheadFrom, aheadUntil). */
  aheadFrom: Date | null;
  aheadUntil: Date | null;
  issuedAt: Date;
  seq: number;
}

/**
 * The order a window calls in: tickets transferred to this window first, then the booked
 * within their slot (预约优先), then everyone else in the order they took their ticket.
 * Tickets transferred to another window, and other departments', are not this window's.
 */
export function callOrder(tickets: readonly QueuedTicket[], windowId: string, departments: readonly string[], now: Date): QueuedTicket[] {
  const mine = tickets.filter((t) => (t.targetWindowId ? t.targetWindowId === windowId : departments.includes(t.departmentId)));
  const rank = (t: QueuedTicket) => (t.targetWindowId === windowId ? 0 : isAhead(t, now) ? 1 : 2);
  return [...mine].sort((x, y) => rank(x) - rank(y) || x.issuedAt.getTime() - y.issuedAt.getTime() || x.seq - y.seq);
}

export function isAhead(t: Pick<QueuedTicket, "aheadFrom" | "aheadUntil">, now: Date): boolean {
  return t.aheadFrom !== null && t.aheadUntil !== null && t.aheadFrom.getTime() <= now.getTime() && now.getTime() < t.aheadUntil.getTime();
}

export const secondsBetween = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/**
 * 姓名脱敏 for the public board (办件公示): the surname stays, the rest is starred (张*, 张*明
 * → 张**); an enterprise's name keeps its first two and last two characters.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return "";
  if (chars.length <= 4) return chars[0] + "*".repeat(Math.max(1, chars.length - 1));
  return chars.slice(0, 2).join("") + "*".repeat(chars.length - 4) + chars.slice(-2).join("");
}
