import type { Resolvers } from "../schema/resolvers.generated";
import type { ScreensService } from "../screens/screens.service";
import { secondsBetween } from "./tickets.rules";
import type { TicketsService } from "./tickets.service";

const ref = (id: string | null) => (id ? { id } : null);

/** Thin: each field asks the service, which checks who the caller is. */
export function ticketsResolvers(service: TicketsService, screens: ScreensService): Resolvers {
  return {
    Query: {
      queueTicket: (_, { id }) => service.ticket(id),
      myQueueTickets: (_, __, { identity }) => service.myTickets(identity),
      windowQueue: (_, { windowId }, { identity }) => service.windowQueue(identity, windowId),
    },
    Mutation: {
      takeTicket: (_, { input }, { identity }) => service.take(identity, input),
      callNextTicket: (_, { windowId }, { identity }) => service.callNext(identity, windowId),
      recallTicket: (_, { ticketId }, { identity }) => service.recall(identity, ticketId),
      markTicketNoShow: (_, { ticketId }, { identity }) => service.noShow(identity, ticketId),
      transferTicket: (_, { ticketId, toWindowId }, { identity }) => service.transfer(identity, ticketId, toWindowId),
      startCaseFromTicket: (_, { ticketId }, { identity }) => service.startCase(identity, ticketId),
      finishTicket: (_, { ticketId }, { identity }) => service.finish(identity, ticketId),
    },
    QueueTicket: {
      id: (v) => v.row.id,
      number: (v) => v.row.number,
      serviceDay: (v) => v.row.service_day,
      department: (v) => ({ id: v.row.department_id }),
      departmentName: (v) => screens.departmentName(v.row.department_id),
      item: (v) => ref(v.row.item_id),
      itemName: (v) => screens.itemName(v.row.item_id),
      channel: (v) => v.row.channel,
      status: (v) => v.row.status,
      windows: (v) => screens.windowsFor(v),
      waitingAhead: (v) => v.ahead,
      calledTo: (v) => (v.row.status === "CALLED" || v.row.status === "SERVING" || v.row.status === "SERVED" ? screens.window(v.row.window_id) : null),
      issuedAt: (v) => v.row.issued_at.toISOString(),
      calledAt: (v) => v.row.called_at?.toISOString() ?? null,
      finishedAt: (v) => v.row.finished_at?.toISOString() ?? null,
      recalls: (v) => v.row.recalls,
      waitingSeconds: (v) => (v.row.first_called_at ? secondsBetween(v.row.issued_at, v.row.first_called_at) : null),
      handlingSeconds: (v) => (v.row.first_called_at && v.row.finished_at && v.row.status === "SERVED" ? secondsBetween(v.row.first_called_at, v.row.finished_at) : null),
      caseId: (v) => v.row.case_id,
    },
    HallWindow: {
      window: (w) => ({ id: w.id }),
      kind: (w) => w.kind as "RESIDENT" | "AB" | "COMPREHENSIVE",
    },
    WindowQueue: {
      window: (v) => v.window,
      onDuty: (v) => ref(v.onDutyStaffId),
    },
  };
}
