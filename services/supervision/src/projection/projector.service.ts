import { supervisionEvents, type Envelope, type EventDefinition } from "@onestop/events";
import type { Clock, DueTimer, DurableTimers, Tx } from "@onestop/platform";
import type { CaseRules, CaseView } from "./case.rules";
import type { JointView } from "./joint.rules";
import { randomInt } from "node:crypto";
import { JournalCache } from "./journal.cache";
import { evaluateSubject, journalEntries, staffWatchedBy, type JournalEntry, type JournalRecord, type SubjectEvaluation } from "./journal.rules";
import type { ProjectionRepository, Queryable, StoredWarning } from "./projection.repository";
import { diffWarnings, subjectKey, warningChangedPayload, warningStatus, type SubjectRef, type WarningCause, type WarningChange } from "./warning.rules";
import type { Punch, WindowView } from "./window.rules";
import type { BookingView, TicketView } from "../hall/hall.rules";

/** Timers of this kind re-evaluate one subject when a clock of it may turn yellow or red, or an absence start or end. */
export const EVALUATE_TIMER = "supervision.evaluate";

export interface ReceivedEvent {
  event: EventDefinition;
  payload: unknown;
  envelope: Envelope;
}

/** Whose case counts a written case may have changed. */
export interface CaseCountKey {
  centerCode: string;
  departmentId: string;
}

/** What one pass over some subjects computed, to be written. */
export interface Evaluated {
  cases: CaseView[];
  joints: JointView[];
  windows: WindowView[];
  tickets: TicketView[];
  bookings: BookingView[];
  causes: Map<string, WarningCause[]>;
  timers: Array<{ kind: string; key: string; dueAt: Date; payload: SubjectRef }>;
}

/**
 * The live projection (电子监察 of every case, joint approval and window): each event is filed in
 * the journal, then every subject it concerns is evaluated afresh from its whole journal. Events
 * arriving twice or out of order therefore change nothing: the same journal gives the same result.
 */
export class Projector {
  private casesWritten: ((cases: readonly CaseCountKey[]) => void) | null = null;

  constructor(
    private readonly repository: ProjectionRepository,
    private readonly timers: DurableTimers,
    private readonly rules: CaseRules,
    private readonly clock: Clock,
    private readonly cache: JournalCache = new JournalCache(0),
  ) {}

  /** Told, once committed, which centers' and departments' cases were written: their counts may have changed. */
  onCasesWritten(listener: (cases: readonly CaseCountKey[]) => void): void {
    this.casesWritten = listener;
  }

  async absorb(tx: Tx, events: readonly ReceivedEvent[]): Promise<void> {
    const entries = events.flatMap((e) => journalEntries(e.event, e.payload, e.envelope));
    if (entries.length === 0) return;
    await this.repository.journal(tx.manager, entries);
    const watches = entries
      .filter((e) => e.eventType === "staffing.window.unattended")
      .flatMap((e) => staffWatchedBy([{ eventType: e.eventType, payload: e.payload }]).map((staffId) => ({ staffId, windowId: e.subject.id })));
    await this.repository.watch(tx.manager, watches);
    const subjects = await this.subjectsConcerned(tx.manager, entries);
    await this.reevaluate(tx, subjects, entries);
  }

  /** A clock-in concerns the windows whose absences name the person. */
  private async subjectsConcerned(q: Queryable, entries: readonly JournalEntry[]): Promise<SubjectRef[]> {
    const subjects = new Map<string, SubjectRef>();
    for (const entry of entries) if (entry.subject.type !== "STAFF") subjects.set(subjectKey(entry.subject), entry.subject);
    const staff = entries.filter((e) => e.subject.type === "STAFF").map((e) => e.subject.id);
    for (const windowId of await this.repository.windowsWatching(q, staff)) subjects.set(`WINDOW:${windowId}`, { type: "WINDOW", id: windowId });
    return [...subjects.values()];
  }

  onTimer = async (tx: Tx, timer: DueTimer): Promise<void> => {
    await this.reevaluate(tx, [timer.payload as SubjectRef]);
  };

  /** Recomputes the subjects from their journals under their locks, writes what changed and announces it. */
  async reevaluate(tx: Tx, subjects: readonly SubjectRef[], filed: readonly JournalEntry[] = []): Promise<void> {
    if (subjects.length === 0) return;
    // Locked before anything is read: a transaction evaluating the same subject has committed, or waits for this one.
    const token = randomInt(1, 2 ** 47);
    const { previous: previousTokens, warnings: before } = await this.repository.lock(tx.manager, subjects, token);
    const records = await this.journalsOf(tx.manager, subjects, previousTokens, filed);
    for (const subject of subjects) {
      const key = subjectKey(subject);
      const journal = records.get(key) ?? [];
      this.cache.put(key, token, journal, new Set(journal.map((r) => r.eventId!)));
    }
    const evaluated = await this.evaluate(tx.manager, subjects, this.clock.now(), records);
    const acknowledged = new Map(before.map((w) => [w.id, w.acknowledgedAt]));
    const previous = new Map<string, StoredWarning[]>();
    for (const w of before) previous.set(`${w.subjectType}:${w.subjectId}`, [...(previous.get(`${w.subjectType}:${w.subjectId}`) ?? []), w]);
    const upserts: WarningCause[] = [];
    const withdrawn: string[] = [];
    const changes: WarningChange[] = [];
    for (const subject of subjects) {
      const key = subjectKey(subject);
      const diff = diffWarnings(previous.get(key) ?? [], evaluated.causes.get(key) ?? []);
      upserts.push(...diff.upserts);
      withdrawn.push(...diff.withdrawn.map((w) => w.id));
      changes.push(...diff.changes);
    }
    await this.write(tx.manager, evaluated, upserts);
    await this.repository.deleteWarnings(tx.manager, withdrawn);
    const listener = this.casesWritten;
    if (listener && evaluated.cases.length > 0) {
      const keys = evaluated.cases.map((c) => ({ centerCode: c.centerCode, departmentId: c.departmentId }));
      tx.afterCommit(() => listener(keys));
    }
    const now = this.clock.now();
    for (const { change, warning } of changes) {
      const status = change === "WITHDRAWN" ? "CLOSED" : warningStatus(warning.closedAt, acknowledged.get(warning.id) ?? null);
      await tx.publish(supervisionEvents.supervisionWarningChanged, warningChangedPayload(warning, change, status, now), { centerCode: warning.centerCode });
    }
    await this.timers.scheduleAll(tx, evaluated.timers);
  }

  /**
   * The subjects' journals: for a subject new in this transaction, the events just filed (every
   * transaction files before it locks, so nothing committed is filed under a subject without a
   * lock row); from the cache where this process evaluated the subject last (plus the events just
   * filed, less any already there); from the database otherwise.
   */
  private async journalsOf(
    q: Queryable,
    subjects: readonly SubjectRef[],
    previousTokens: Map<string, number | null>,
    filed: readonly JournalEntry[],
  ): Promise<Map<string, JournalRecord[]>> {
    const records = new Map<string, JournalRecord[]>();
    const missing: SubjectRef[] = [];
    for (const subject of subjects) {
      const key = subjectKey(subject);
      const previous = previousTokens.get(key) ?? null;
      const cached = previous === null && this.cache.enabled ? { records: [], eventIds: new Set<string>() } : this.cache.take(key, previous);
      if (!cached) {
        missing.push(subject);
        continue;
      }
      const journal = [...cached.records];
      const seen = new Set(cached.eventIds);
      for (const entry of filed) {
        if (subjectKey(entry.subject) !== key || seen.has(entry.eventId)) continue;
        seen.add(entry.eventId);
        journal.push({ eventId: entry.eventId, eventType: entry.eventType, payload: entry.payload });
      }
      records.set(key, journal);
    }
    for (const [key, journal] of await this.repository.records(q, missing)) records.set(key, journal);
    return records;
  }

  /** Evaluates the subjects from the journal at `now`: the live projection's and the rebuild's one way. */
  async evaluate(q: Queryable, subjects: readonly SubjectRef[], now: Date, known?: Map<string, JournalRecord[]>): Promise<Evaluated> {
    const records = known ?? (await this.repository.records(q, subjects));
    const punches = await this.punchesFor(q, subjects, records);
    const evaluated: Evaluated = { cases: [], joints: [], windows: [], tickets: [], bookings: [], causes: new Map(), timers: [] };
    for (const subject of subjects) {
      const key = subjectKey(subject);
      const result: SubjectEvaluation | null = evaluateSubject(subject, records.get(key) ?? [], now, this.rules, punches);
      if (!result) continue;
      if (result.type === "CASE" && result.view) evaluated.cases.push(result.view);
      if (result.type === "JOINT" && result.view) evaluated.joints.push(result.view);
      if (result.type === "WINDOW" && result.view) evaluated.windows.push(result.view);
      if (result.type === "TICKET" && result.view) evaluated.tickets.push(result.view);
      if (result.type === "BOOKING" && result.view) evaluated.bookings.push(result.view);
      evaluated.causes.set(key, result.causes);
      if (result.nextAt) {
        evaluated.timers.push({ kind: EVALUATE_TIMER, key: `${key}:${result.nextAt.toISOString()}`, dueAt: result.nextAt, payload: subject });
      }
    }
    return evaluated;
  }

  async write(q: Queryable, evaluated: Evaluated, warnings: readonly WarningCause[]): Promise<void> {
    await this.repository.saveCases(q, evaluated.cases);
    await this.repository.saveJoints(q, evaluated.joints);
    await this.repository.saveWindows(q, evaluated.windows);
    await this.repository.saveTickets(q, evaluated.tickets);
    await this.repository.saveBookings(q, evaluated.bookings);
    await this.repository.saveWarnings(q, warnings);
  }

  /** The clock-ins of every staff member the windows' absences name. */
  private async punchesFor(q: Queryable, subjects: readonly SubjectRef[], records: Map<string, JournalRecord[]>): Promise<Punch[]> {
    const staff = subjects.filter((s) => s.type === "WINDOW").flatMap((s) => staffWatchedBy(records.get(subjectKey(s)) ?? []));
    if (staff.length === 0) return [];
    const punches = await this.repository.records(q, [...new Set(staff)].map((id) => ({ type: "STAFF" as const, id })));
    return [...punches.values()].flat().map((r) => r.payload as Punch);
  }
}
