import type { Resolvers } from "../schema/resolvers.generated";
import type { ScreensService } from "../screens/screens.service";
import type { AppointmentsService } from "./appointments.service";

export function appointmentsResolvers(service: AppointmentsService, screens: ScreensService): Resolvers {
  return {
    Query: {
      appointmentSlots: (_, { centerCode, departmentId, day }) => service.slots(centerCode, departmentId, day),
      myAppointments: (_, __, { identity }) => service.mine(identity),
      myBookingStanding: (_, __, { identity }) => service.myStanding(identity),
    },
    Mutation: {
      bookAppointment: (_, { input }, { identity }) => service.book(identity, input),
      cancelAppointment: (_, { id }, { identity }) => service.cancel(identity, id),
      checkInAppointment: (_, { appointmentId }) => service.checkIn(appointmentId),
    },
    Appointment: {
      department: (a) => ({ id: a.department_id }),
      departmentName: (a) => screens.departmentName(a.department_id),
      item: (a) => (a.item_id ? { id: a.item_id } : null),
      itemName: (a) => screens.itemName(a.item_id),
      slotStart: (a) => a.slot_start.toISOString(),
      slotEnd: (a) => a.slot_end.toISOString(),
      bookedAt: (a) => a.booked_at.toISOString(),
      ticket: (a) => service.ticketOf(a.ticket_id),
    },
  };
}
