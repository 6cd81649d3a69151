import { join } from "node:path";
import { WorkingCalendar } from "@onestop/calendar";
import { DurableTimers, DurableTimerTable1763769600002, loadSubgraphKey, mergeResolvers, runSubgraph, type SubgraphDefinition, type SubgraphInfrastructure } from "@onestop/platform";
import { dashboardResolvers } from "./dashboard/dashboard.resolvers";
import { DashboardRepository } from "./dashboard/dashboard.repository";
import { DashboardService } from "./dashboard/dashboard.service";
import { loadSupervisionEnv, type SupervisionEnv } from "./env";
import { LiveFeed } from "./live/live.feed";
import { supervisionEntities } from "./projection/entities";
import { Supervision1763769600060 } from "./projection/migrations/1763769600060-supervision";
import { projectionHandlers } from "./projection/projection.handlers";
import { ProjectionRepository } from "./projection/projection.repository";
import { EVALUATE_TIMER, Projector } from "./projection/projector.service";
import { RebuildService } from "./projection/rebuild.service";

export { supervisionEnvSchema, type SupervisionEnv } from "./env";
export { SupervisionErrorCode } from "./errors";

/** The projection's parts, for the service, the rebuild command and the tests. */
export function supervisionCore({ dataSource, unitOfWork, clock, logger, env }: Omit<SubgraphInfrastructure<SupervisionEnv>, "nats">) {
  const repository = new ProjectionRepository(dataSource);
  const timers = new DurableTimers({ dataSource, unitOfWork, clock, logger, pollMs: env.TIMER_POLL_MS });
  const rules = { calendar: WorkingCalendar.shipped(), yellowShare: env.WARNING_YELLOW_SHARE, forwardWithinWorkingDays: env.FORWARD_WITHIN_WORKING_DAYS };
  const projector = new Projector(repository, timers, rules, clock);
  timers.register({ [EVALUATE_TIMER]: projector.onTimer });
  const rebuild = new RebuildService(repository, projector, timers, unitOfWork, clock);
  return { repository, timers, projector, rebuild };
}

export const supervisionSubgraph: SubgraphDefinition<SupervisionEnv> = {
  name: "supervision",
  rootDir: join(__dirname, ".."),
  entities: supervisionEntities,
  migrations: [DurableTimerTable1763769600002, Supervision1763769600060],
  wire(infrastructure) {
    const { dataSource, unitOfWork, clock, logger, env, nats } = infrastructure;
    const { repository, timers, projector } = supervisionCore(infrastructure);
    const dashboard = new DashboardService(new DashboardRepository(dataSource), repository, unitOfWork, clock);
    const feed = new LiveFeed({
      nats,
      namespace: env.NATS_NAMESPACE,
      identityKey: loadSubgraphKey(env.IDENTITY_KEY_FILE, "supervision"),
      clock,
      logger,
      requireBinding: env.NODE_ENV === "production",
    });
    return {
      resolvers: mergeResolvers(dashboardResolvers(dashboard)),
      handlers: projectionHandlers(projector),
      workers: [timers, feed],
      routes: { "/stream": feed.route },
    };
  },
};

if (require.main === module) void runSubgraph(supervisionSubgraph, loadSupervisionEnv());
