import { casesEvents, feesEvents, hallEvents, jointEvents, staffingEvents, supervisionEvents, type Envelope, type EventDefinition } from "@onestop/events";
import { evaluateBooking, evaluateTicket, type AppointmentChanged, type BookingView, type TicketCalled, type TicketIssued, type TicketNoShow, type TicketServed, type TicketTransferred, type TicketView } from "../hall/hall.rules";
import { evaluateRating, type AppealDecided, type FollowUpAnswered, type RatingSubmitted } from "../ratings/rating.rules";
import { evaluateCase, type AcceptedEvent, type CaseRules, type CaseView, type ConcludedEvent, type ExtendedEvent, type StepEvent } from "./case.rules";
import { evaluateJoint, type JointConcluded, type JointOpened, type JointPaused, type JointResumed, type JointView } from "./joint.rules";
import type { SubjectRef, WarningCause } from "./warning.rules";
import { evaluateFee, evaluateWindow, watchedStaff, type FeeIrregularity, type Punch, type UnattendedEnded, type WindowPublished, type WindowUnattended, type WindowView } from "./window.rules";

/** The events supervision follows; it reads the other services' events and nothing else of theirs. */
export const followedEvents = [
  casesEvents.caseAccepted,
  casesEvents.caseStageChanged,
  casesEvents.caseConcluded,
  casesEvents.caseDeadlineExtended,
  jointEvents.jointApprovalOpened,
  jointEvents.jointApprovalPaused,
  jointEvents.jointApprovalResumed,
  jointEvents.jointApprovalConcluded,
  feesEvents.feeIrregularityDetected,
  staffingEvents.windowPublished,
  staffingEvents.windowUnattended,
  staffingEvents.windowUnattendedEnded,
  staffingEvents.attendanceRecorded,
  // The hall floor (取号叫号): its tickets and appointments, for the hall figures.
  hallEvents.ticketIssued,
  hallEvents.ticketCalled,
  hallEvents.ticketServed,
  hallEvents.ticketNoShow,
  hallEvents.ticketTransferred,
  hallEvents.appointmentChanged,
] as const;

/** One event as the journal keeps it, filed under one of the subjects it is about. */
export interface JournalEntry {
  eventId: string;
  subject: SubjectRef;
  eventType: string;
  occurredAt: Date;
  payload: unknown;
}

/** Which subjects an event is about: a case event also concerns its joint approval. */
export function journalEntries(event: EventDefinition, payload: unknown, envelope: Envelope): JournalEntry[] {
  const entry = (type: SubjectRef["type"], id: string): JournalEntry => ({
    eventId: envelope.id,
    subject: { type, id },
    eventType: event.subject,
    occurredAt: new Date(envelope.occurredAt),
    payload,
  });
  switch (event.subject) {
    case casesEvents.caseConcluded.subject: {
      const p = payload as ConcludedEvent;
      return [entry("CASE", p.caseId), ...(p.jointApprovalId && p.participantId ? [entry("JOINT", p.jointApprovalId)] : [])];
    }
    case casesEvents.caseAccepted.subject: {
      // A case accepted from a queue ticket is the ticket's "case started" too.
      const ticketId = (payload as AcceptedEvent).ticketId;
      return [entry("CASE", (payload as StepEvent).caseId), ...(ticketId ? [entry("TICKET", ticketId)] : [])];
    }
    case casesEvents.caseStageChanged.subject:
    case casesEvents.caseDeadlineExtended.subject:
      return [entry("CASE", (payload as StepEvent).caseId)];
    case jointEvents.jointApprovalOpened.subject:
    case jointEvents.jointApprovalPaused.subject:
    case jointEvents.jointApprovalResumed.subject:
    case jointEvents.jointApprovalConcluded.subject:
      return [entry("JOINT", (payload as JointOpened).jointApprovalId)];
    case feesEvents.feeIrregularityDetected.subject:
      return [entry("FEE", (payload as FeeIrregularity).irregularityId)];
    case staffingEvents.windowPublished.subject:
    case staffingEvents.windowUnattended.subject:
    case staffingEvents.windowUnattendedEnded.subject:
      return [entry("WINDOW", (payload as WindowPublished).windowId)];
    case staffingEvents.attendanceRecorded.subject:
      return [entry("STAFF", (payload as Punch).staffId)];
    case hallEvents.ticketIssued.subject:
    case hallEvents.ticketCalled.subject:
    case hallEvents.ticketServed.subject:
    case hallEvents.ticketNoShow.subject:
    case hallEvents.ticketTransferred.subject:
      return [entry("TICKET", (payload as TicketIssued).ticketId)];
    case hallEvents.appointmentChanged.subject:
      return [entry("BOOKING", (payload as AppointmentChanged).appointmentId)];
    default:
      return [];
  }
}

/** A journal row as read back: its event's type and payload. */
export interface JournalRecord {
  /** Known when read from the journal; the cache uses it to skip a redelivered event. */
  eventId?: string;
  eventType: string;
  payload: unknown;
}

export type SubjectEvaluation =
  | { type: "CASE"; view: CaseView | null; causes: WarningCause[]; nextAt: Date | null }
  | { type: "JOINT"; view: JointView | null; causes: WarningCause[]; nextAt: Date | null }
  | { type: "WINDOW"; view: WindowView | null; causes: WarningCause[]; nextAt: Date | null }
  | { type: "FEE"; view: null; causes: WarningCause[]; nextAt: null }
  | { type: "RATING"; view: null; causes: WarningCause[]; nextAt: Date | null }
  | { type: "TICKET"; view: TicketView | null; causes: WarningCause[]; nextAt: null }
  | { type: "BOOKING"; view: BookingView | null; causes: WarningCause[]; nextAt: null };

const ofType = <T>(records: readonly JournalRecord[], event: EventDefinition) =>
  records.filter((r) => r.eventType === event.subject).map((r) => r.payload as T);

/** Windows watch the clock-ins of the staff their absences name. */
export function staffWatchedBy(records: readonly JournalRecord[]): string[] {
  return watchedStaff(ofType<WindowUnattended>(records, staffingEvents.windowUnattended));
}

/**
 * A subject's projection and warnings from its journal alone, at `now`: the one function the live
 * projection and the rebuild both run, so they cannot disagree. `punches` are the clock-ins of the
 * staff a window's absences name.
 */
export function evaluateSubject(
  subject: SubjectRef,
  records: readonly JournalRecord[],
  now: Date,
  rules: CaseRules,
  punches: readonly Punch[] = [],
): SubjectEvaluation | null {
  switch (subject.type) {
    case "CASE": {
      const concluded = ofType<ConcludedEvent>(records, casesEvents.caseConcluded);
      return {
        type: "CASE",
        ...evaluateCase(
          {
            steps: ofType<StepEvent>(records, casesEvents.caseStageChanged),
            concluded: concluded[0] ?? null,
            accepted: ofType<AcceptedEvent>(records, casesEvents.caseAccepted)[0] ?? null,
            extensions: ofType<ExtendedEvent>(records, casesEvents.caseDeadlineExtended),
          },
          now,
          rules,
        ),
      };
    }
    case "JOINT": {
      const participantsConcluded = new Map<string, Date>();
      for (const c of ofType<ConcludedEvent>(records, casesEvents.caseConcluded)) {
        if (c.participantId) participantsConcluded.set(c.participantId, new Date(c.concludedAt));
      }
      return {
        type: "JOINT",
        ...evaluateJoint(
          {
            opened: ofType<JointOpened>(records, jointEvents.jointApprovalOpened)[0] ?? null,
            paused: ofType<JointPaused>(records, jointEvents.jointApprovalPaused),
            resumed: ofType<JointResumed>(records, jointEvents.jointApprovalResumed),
            concluded: ofType<JointConcluded>(records, jointEvents.jointApprovalConcluded)[0] ?? null,
            participantsConcluded,
          },
          now,
          rules,
        ),
      };
    }
    case "WINDOW":
      return {
        type: "WINDOW",
        ...evaluateWindow(
          {
            published: ofType<WindowPublished>(records, staffingEvents.windowPublished),
            unattended: ofType<WindowUnattended>(records, staffingEvents.windowUnattended),
            ended: ofType<UnattendedEnded>(records, staffingEvents.windowUnattendedEnded),
            punches,
          },
          now,
        ),
      };
    case "FEE": {
      const [irregularity] = ofType<FeeIrregularity>(records, feesEvents.feeIrregularityDetected);
      return irregularity ? { type: "FEE", view: null, causes: [evaluateFee(irregularity)], nextAt: null } : null;
    }
    case "RATING":
      return {
        type: "RATING",
        view: null,
        ...evaluateRating(
          {
            submitted: ofType<RatingSubmitted>(records, supervisionEvents.ratingSubmitted)[0] ?? null,
            answered: ofType<FollowUpAnswered>(records, supervisionEvents.ratingFollowUpAnswered)[0] ?? null,
            decided: ofType<AppealDecided>(records, supervisionEvents.ratingAppealDecided)[0] ?? null,
          },
          now,
        ),
      };
    case "TICKET":
      return {
        type: "TICKET",
        view: evaluateTicket({
          issued: ofType<TicketIssued>(records, hallEvents.ticketIssued),
          called: ofType<TicketCalled>(records, hallEvents.ticketCalled),
          served: ofType<TicketServed>(records, hallEvents.ticketServed),
          noShows: ofType<TicketNoShow>(records, hallEvents.ticketNoShow),
          transferred: ofType<TicketTransferred>(records, hallEvents.ticketTransferred),
          casesAccepted: ofType<AcceptedEvent>(records, casesEvents.caseAccepted),
        }),
        causes: [],
        nextAt: null,
      };
    case "BOOKING":
      return { type: "BOOKING", view: evaluateBooking(ofType<AppointmentChanged>(records, hallEvents.appointmentChanged)), causes: [], nextAt: null };
    case "STAFF":
      return null;
  }
}
