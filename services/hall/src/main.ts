import { join } from "node:path";
import { WorkingCalendar } from "@onestop/calendar";
import { mergeResolvers, runSubgraph, type SubgraphDefinition } from "@onestop/platform";
import { appointmentsResolvers } from "./appointments/appointments.resolvers";
import { AppointmentsRepository } from "./appointments/appointments.repository";
import { AppointmentsService } from "./appointments/appointments.service";
import { loadHallEnv, type HallEnv } from "./env";
import { figuresResolvers } from "./figures/figures.resolvers";
import { FiguresRepository } from "./figures/figures.repository";
import { FiguresService } from "./figures/figures.service";
import { floorHandlers } from "./floor/floor.handlers";
import { FloorRepository } from "./floor/floor.repository";
import { Hall1763769601900 } from "./floor/migrations/1763769601900-hall";
import { BoardRepository } from "./screens/board.repository";
import { ScreenFeed } from "./screens/screen.feed";
import { screensHandlers } from "./screens/screens.handlers";
import { screensResolvers } from "./screens/screens.resolvers";
import { ScreensService } from "./screens/screens.service";
import { ticketsResolvers } from "./tickets/tickets.resolvers";
import { TicketsRepository } from "./tickets/tickets.repository";
import { TicketsService } from "./tickets/tickets.service";

export { hallEnvSchema, type HallEnv } from "./env";
export { HallErrorCode } from "./errors";

export const hallSubgraph: SubgraphDefinition<HallEnv> = {
  name: "hall",
  rootDir: join(__dirname, ".."),
  entities: [],
  migrations: [Hall1763769601900],
  wire({ dataSource, unitOfWork, clock, logger, env, nats }) {
    const floor = new FloorRepository();
    const ticketsRepository = new TicketsRepository(dataSource);
    const appointmentsRepository = new AppointmentsRepository(dataSource);
    const board = new BoardRepository(dataSource);
    let appointments: AppointmentsService | null = null;
    const tickets = new TicketsService(ticketsRepository, floor, unitOfWork, clock, {
      canTakeRemote: (tx, subject, now) => appointments!.refuseIfBarred(tx, subject, now),
    });
    appointments = new AppointmentsService(appointmentsRepository, floor, ticketsRepository, tickets, unitOfWork, clock, WorkingCalendar.shipped(), {
      opens: env.HALL_OPENS,
      closes: env.HALL_CLOSES,
      lunch: env.HALL_BREAK,
      slotMinutes: env.SLOT_MINUTES,
      perWindow: env.BOOKINGS_PER_WINDOW_SLOT,
      daysAhead: env.BOOKING_DAYS_AHEAD,
      earlyMinutes: env.APPOINTMENT_EARLY_MINUTES,
      noShow: { limit: env.NO_SHOW_LIMIT, windowDays: env.NO_SHOW_WINDOW_DAYS, barDays: env.NO_SHOW_BAR_DAYS },
    }, logger);
    const screens = new ScreensService(dataSource, floor, ticketsRepository, board, clock);
    const figures = new FiguresService(new FiguresRepository(dataSource));
    const feed = new ScreenFeed({ nats, namespace: env.NATS_NAMESPACE, logger });
    return {
      resolvers: mergeResolvers(ticketsResolvers(tickets, screens), screensResolvers(screens), appointmentsResolvers(appointments, screens), figuresResolvers(figures, screens)),
      handlers: [...floorHandlers(floor), ...screensHandlers(board, tickets)],
      workers: [feed, appointments],
      routes: { "/stream": feed.route },
    };
  },
};

if (require.main === module) void runSubgraph(hallSubgraph, loadHallEnv());
