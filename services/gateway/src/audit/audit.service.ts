import { forbidden, invalidInput, unauthenticated, type Clock, type Identity, type InputProblem, type Logger } from "@onestop/platform";
import type { AuditRepository, ChainHead } from "./audit.repository";
import { ChainWalker, entryCenters, nextEntry, sealed, type AuditEntry, type AuditFacts, type ChainProblem } from "./audit.rules";

const PAGE_LIMIT_MAX = 1000;
const VERIFY_BATCH = 1000;

/** An entry as supervision reads it. */
export interface AuditRecord {
  seq: number;
  recordedAt: string;
  requestId: string;
  who: { subject: string; roles: string[]; centerCode: string | null; departmentId: string | null; windowId: string | null };
  /** The centers the entry belongs to: the caller's and those whose data the operation changed. */
  centers: string[];
  operationName: string | null;
  fields: unknown[];
  client: { ip: string | null; forwardedFor: string | null; userAgent: string | null; name: string | null; version: string | null };
  outcome: "ok" | "error";
  errorCodes: string[];
  prevHash: string;
  hash: string;
}

export type VerifyResult =
  | { ok: true; entries: number; head: ChainHead }
  | { ok: false; entries: number; head: ChainHead; broken: ChainProblem };

function toRecord(entry: AuditEntry): AuditRecord {
  return {
    seq: entry.seq,
    recordedAt: entry.recordedAt.toISOString(),
    requestId: entry.requestId,
    who: {
      subject: entry.subject,
      roles: JSON.parse(entry.roles) as string[],
      centerCode: entry.centerCode,
      departmentId: entry.departmentId,
      windowId: entry.windowId,
    },
    centers: entryCenters(entry),
    operationName: entry.operationName,
    fields: JSON.parse(entry.fields) as unknown[],
    client: { ip: entry.clientIp, forwardedFor: entry.forwardedFor, userAgent: entry.userAgent, name: entry.clientName, version: entry.clientVersion },
    outcome: entry.outcome,
    errorCodes: JSON.parse(entry.errorCodes) as string[],
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}

interface PendingEntry {
  facts: AuditFacts;
  done: (entry: AuditEntry | null) => void;
}

/** Entries and bytes written in one transaction at most (well under MySQL's packet limit); the rest wait for the next. */
const MAX_BATCH = 200;
const MAX_BATCH_BYTES = 4_000_000;

/** 审计日志: every mutation through the gateway, append-only and hash-chained. */
export class AuditLog {
  private readonly pending: PendingEntry[] = [];
  private writing = false;

  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Sees the size of each group commit (the gateway's metrics). */
    private readonly onBatch: (size: number) => void = () => undefined,
  ) {}

  /**
   * Appends the mutation's entry and resolves once it is committed. Entries that arrive
   * while a batch is being written go into the next batch (group commit), so concurrent
   * mutations do not queue one lock and one commit each. The mutation has already
   * happened, so a failure to record it cannot undo it: the entry then goes to the error
   * log whole, to be re-entered from there.
   */
  record(facts: AuditFacts): Promise<AuditEntry | null> {
    return new Promise((done) => {
      this.pending.push({ facts, done });
      if (!this.writing) void this.writePending();
    });
  }

  private nextBatch(): PendingEntry[] {
    let bytes = 0;
    let count = 0;
    while (count < this.pending.length && count < MAX_BATCH) {
      bytes += JSON.stringify(this.pending[count].facts).length;
      if (count > 0 && bytes > MAX_BATCH_BYTES) break;
      count += 1;
    }
    return this.pending.splice(0, count);
  }

  private async writePending(): Promise<void> {
    this.writing = true;
    while (this.pending.length > 0) {
      const batch = this.nextBatch();
      this.onBatch(batch.length);
      try {
        const entries = await this.repository.appendAll(
          batch.map(({ facts }) => (previous: ChainHead) => sealed(nextEntry(facts, previous, this.clock.now()))),
        );
        batch.forEach(({ done }, index) => done(entries[index]));
      } catch (error) {
        for (const { facts, done } of batch) {
          this.logger.error({ err: error, audit: facts }, "audit entry NOT recorded");
          done(null);
        }
      }
    }
    this.writing = false;
  }

  /**
   * The supervision office of a center reads, in order, the entries filed under its center: its
   * own staff's and those of any caller whose operation changed the center's data. An entry of
   * no center (a citizen's that changed nothing) is read by none: applicants' names do not
   * cross centers.
   */
  async readForSupervisor(identity: Identity, query: { after?: unknown; limit?: unknown }): Promise<{ entries: AuditRecord[]; next: number | null; head: ChainHead }> {
    if (identity.roles.includes("anonymous")) throw unauthenticated();
    if (!identity.roles.includes("supervisor")) throw forbidden("Only the supervision office reads the audit log");
    if (!identity.centerCode) throw forbidden("A supervisor reads the audit log of their own service center; the token names none");
    const after = query.after === undefined ? 0 : Number(query.after);
    const limit = query.limit === undefined ? 100 : Number(query.limit);
    const problems: InputProblem[] = [];
    if (!Number.isSafeInteger(after) || after < 0) problems.push({ field: "after", message: "a whole number ≥ 0" });
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > PAGE_LIMIT_MAX) problems.push({ field: "limit", message: `a whole number from 1 to ${PAGE_LIMIT_MAX}` });
    if (problems.length > 0) throw invalidInput(problems);
    const head = await this.repository.head();
    const entries = await this.repository.page(after, limit, identity.centerCode);
    return { entries: entries.map(toRecord), next: entries.length === limit ? entries[entries.length - 1].seq : null, head };
  }

  /**
   * Walks the whole chain to its last entry and compares it with the chain head the log keeps
   * (appends going on meanwhile are read on), then checks each anchor: a (seq, hash) noted
   * earlier must still be there.
   */
  async verify(anchors: ChainHead[] = []): Promise<VerifyResult> {
    const walker = new ChainWalker();
    let after = 0;
    let head: ChainHead;
    for (;;) {
      const batch = await this.repository.page(after, VERIFY_BATCH);
      if (batch.length > 0) {
        const intact = batch.every((entry) => walker.accept(entry));
        after = batch[batch.length - 1].seq;
        if (intact) continue;
      }
      head = await this.repository.head();
      if (batch.length > 0 || head.seq <= after || (await this.repository.page(after, 1)).length === 0) break;
    }
    const verdict = walker.finish(head);
    if (!verdict.ok) return { ok: false, entries: walker.count, head, broken: verdict.broken };
    for (const anchor of anchors) {
      const entry = await this.repository.entryAt(anchor.seq);
      if (entry?.hash !== anchor.hash) {
        return {
          ok: false,
          entries: walker.count,
          head,
          broken: { seq: anchor.seq, problem: entry ? "its hash is not the one noted for it earlier: the log was rewritten" : "an entry noted earlier is gone" },
        };
      }
    }
    return { ok: true, entries: walker.count, head };
  }
}
