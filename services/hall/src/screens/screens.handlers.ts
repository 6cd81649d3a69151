import { casesEvents } from "@onestop/events";
import { onEvent, type EventHandler } from "@onestop/platform";
import { maskName } from "../tickets/tickets.rules";
import type { TicketsService } from "../tickets/tickets.service";
import type { BoardRepository } from "./board.repository";

/** The public board learns cases from cases' events, the name masked on arrival; a case accepted from a ticket is remembered on the ticket. */
export function screensHandlers(board: BoardRepository, tickets: TicketsService): EventHandler[] {
  return [
    onEvent("hall_board_accepted", casesEvents.caseAccepted, async (tx, c) => {
      await board.accepted(tx.manager, {
        caseId: c.caseId,
        centerCode: c.centerCode,
        receiptNo: c.receiptNo,
        itemId: c.itemId,
        departmentId: c.departmentId,
        applicantMasked: maskName(c.applicantName),
        acceptedAt: new Date(c.acceptedAt),
      });
      if (c.ticketId) await tickets.caseStarted(tx, c.ticketId, c.caseId);
    }),
    onEvent("hall_board_concluded", casesEvents.caseConcluded, (tx, c) =>
      board.concluded(tx.manager, {
        caseId: c.caseId,
        centerCode: c.centerCode,
        receiptNo: c.receiptNo,
        itemId: c.itemId,
        departmentId: c.departmentId,
        concludedAt: new Date(c.concludedAt),
        outcome: c.outcome,
      }),
    ),
  ];
}
