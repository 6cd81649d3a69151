import type { Resolvers } from "../schema/resolvers.generated";
import type { PreferencesService } from "../preferences/preferences.service";
import { smsCausesOf } from "../preferences/preferences.rules";
import type { CauseDetails } from "./causes";
import type { NotificationRow } from "./notifications.repository";
import type { NotificationsService } from "./notifications.service";

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
const detailsOf = (row: NotificationRow) => JSON.parse(row.details) as CauseDetails;
/** A field of one cause's details, null for the others. */
const field = <K extends string>(details: CauseDetails, key: K) => ((details as unknown as Record<string, unknown>)[key] ?? null) as never;

/** Thin: each field asks a service, which checks who the caller is. */
export function notificationsResolvers(notifications: NotificationsService, preferences: PreferencesService): Resolvers {
  return {
    Query: {
      myNotifications: (_, args, { identity }) => notifications.myNotifications(identity, args),
      myUnreadNotificationCount: (_, __, { identity }) => notifications.unreadCount(identity),
      myContactPreferences: (_, __, { identity }) => preferences.mine(identity),
      caseNotifications: (_, { caseId }, { identity }) => notifications.ofCase(identity, caseId),
    },
    Mutation: {
      markNotificationsRead: (_, { input }, { identity }) => notifications.markRead(identity, input),
      setMyContactPreferences: (_, { input }, { identity }) => preferences.setMine(identity, input),
    },
    InboxNotification: {
      id: (row) => row.id,
      cause: (row) => row.cause,
      caseId: (row) => row.case_id,
      title: (row) => row.title,
      body: (row) => row.body,
      details: (row) => detailsOf(row),
      createdAt: (row) => iso(row.created_at)!,
      readAt: (row) => iso(row.read_at),
    },
    NotificationDetails: {
      receiptNo: (d) => d.receiptNo,
      deadline: (d) => field(d, "deadline"),
      materials: (d) => field(d, "materials"),
      noticeSeq: (d) => field(d, "noticeSeq"),
      windowName: (d) => field(d, "windowName"),
      noticeNo: (d) => field(d, "noticeNo"),
      amountFen: (d) => field(d, "amountFen"),
      expiresAt: (d) => field(d, "expiresAt"),
      workingDays: (d) => field(d, "workingDays"),
      reason: (d) => field(d, "reason"),
      outcome: (d) => field(d, "outcome"),
      opinion: (d) => field(d, "opinion"),
      answer: (d) => field(d, "answer"),
    },
    NotificationDelivery: {
      id: (row) => row.id,
      cause: (row) => row.cause,
      channel: (row) => row.channel,
      status: (row) => row.status,
      attempts: (row) => row.attempts,
      nextAttemptAt: (row) => (row.status === "PENDING" ? iso(row.next_attempt_at) : null),
      lastError: (row) => row.last_error,
      phone: (row) => row.phone_masked,
      text: (row) => (row.channel === "SMS" ? row.body : row.title),
      createdAt: (row) => iso(row.created_at)!,
      sentAt: (row) => iso(row.sent_at),
      readAt: (row) => iso(row.read_at),
    },
    ContactPreferences: {
      phone: (p) => p.phone,
      smsCauses: (p) => smsCausesOf(p),
    },
  };
}
