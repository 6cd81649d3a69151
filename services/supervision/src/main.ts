import { join } from "node:path";
import { warningGauges } from "./projection/warnings.gauges";
import { WorkingCalendar } from "@onestop/calendar";
import { DurableTimers, DurableTimerTable1763769600002, loadSubgraphKey, mergeResolvers, runSubgraph, type SubgraphDefinition, type SubgraphInfrastructure } from "@onestop/platform";
import { dashboardResolvers } from "./dashboard/dashboard.resolvers";
import { directoryHandlers } from "./directory/directory.handlers";
import { DirectoryRepository } from "./directory/directory.repository";
import { Names1763769601602 } from "./directory/migrations/1763769601602-names";
import { figuresResolvers } from "./figures/figures.resolvers";
import { hallResolvers } from "./hall/hall.resolvers";
import { HallRepository } from "./hall/hall.repository";
import { HallService } from "./hall/hall.service";
import { HallFigures1763769602411 } from "./hall/migrations/1763769602411-hall-figures";
import { FiguresRepository } from "./figures/figures.repository";
import { FiguresService } from "./figures/figures.service";
import { ratingsResolvers } from "./ratings/ratings.resolvers";
import { RatingsRepository } from "./ratings/ratings.repository";
import { RatingsService } from "./ratings/ratings.service";
import { DashboardRepository } from "./dashboard/dashboard.repository";
import { DashboardService } from "./dashboard/dashboard.service";
import { loadSupervisionEnv, type SupervisionEnv } from "./env";
import { LiveFeed } from "./live/live.feed";
import { supervisionEntities } from "./projection/entities";
import { JournalCache } from "./projection/journal.cache";
import { Supervision1763769600060 } from "./projection/migrations/1763769600060-supervision";
import { JournalCache1763769600061 } from "./projection/migrations/1763769600061-journal-cache";
import { Ratings1763769600062 } from "./projection/migrations/1763769600062-ratings";
import { townshipPointsRule } from "./townships/points-rule";
import { townshipsResolvers } from "./townships/townships.resolvers";
import { TownshipsRepository } from "./townships/townships.repository";
import { TownshipsService } from "./townships/townships.service";
import { Townships1763769602203 } from "./townships/migrations/1763769602203-townships";
import { projectionHandlers } from "./projection/projection.handlers";
import { ProjectionRepository } from "./projection/projection.repository";
import { EVALUATE_TIMER, Projector } from "./projection/projector.service";
import { RebuildService } from "./projection/rebuild.service";

export { supervisionEnvSchema, type SupervisionEnv } from "./env";
export { SupervisionErrorCode } from "./errors";

/** The projection's parts, for the service, the rebuild command and the tests. */
export function supervisionCore({ dataSource, unitOfWork, clock, logger, env }: Omit<SubgraphInfrastructure<SupervisionEnv>, "nats" | "authenticateRoute">) {
  const repository = new ProjectionRepository(dataSource);
  const timers = new DurableTimers({ dataSource, unitOfWork, clock, logger, pollMs: env.TIMER_POLL_MS });
  const calendar = WorkingCalendar.shipped();
  const rules = { calendar, yellowShare: env.WARNING_YELLOW_SHARE, forwardWithinWorkingDays: env.FORWARD_WITHIN_WORKING_DAYS };
  const projector = new Projector(repository, timers, rules, clock, new JournalCache(env.JOURNAL_CACHE_SUBJECTS));
  timers.register({ [EVALUATE_TIMER]: projector.onTimer });
  const rebuild = new RebuildService(repository, projector, timers, unitOfWork, clock);
  const ratings = new RatingsService(new RatingsRepository(dataSource), repository, projector, unitOfWork, clock, {
    calendar,
    followUpWorkingDays: env.RATING_FOLLOW_UP_WORKING_DAYS,
  });
  return { repository, timers, projector, rebuild, ratings };
}

export const supervisionSubgraph: SubgraphDefinition<SupervisionEnv> = {
  name: "supervision",
  rootDir: join(__dirname, ".."),
  entities: supervisionEntities,
  migrations: [DurableTimerTable1763769600002, Supervision1763769600060, JournalCache1763769600061, Ratings1763769600062, Names1763769601602, Townships1763769602203, HallFigures1763769602411],
  wire(infrastructure) {
    const { dataSource, unitOfWork, clock, logger, env, nats } = infrastructure;
    const { repository, timers, projector, ratings } = supervisionCore(infrastructure);
    const directory = new DirectoryRepository(dataSource);
    const hall = new HallService(new HallRepository(dataSource), directory);
    const figures = new FiguresService(new FiguresRepository(dataSource), directory, clock, {
      minConcluded: env.RED_FLAG_MIN_CONCLUDED,
      minOnTimeRate: env.RED_FLAG_MIN_ON_TIME_RATE,
      minSatisfaction: env.RED_FLAG_MIN_SATISFACTION,
      maxRedWarnings: env.RED_FLAG_MAX_RED_WARNINGS,
      flags: env.RED_FLAG_WINDOWS,
    }, hall);
    const townships = new TownshipsService(new FiguresRepository(dataSource), new TownshipsRepository(dataSource), directory, unitOfWork, clock, townshipPointsRule(env));
    const dashboard = new DashboardService(new DashboardRepository(dataSource), repository, unitOfWork, clock);
    const feed = new LiveFeed({
      nats,
      namespace: env.NATS_NAMESPACE,
      identityKey: loadSubgraphKey(env.IDENTITY_KEY_FILE, "supervision"),
      clock,
      logger,
      requireBinding: env.NODE_ENV === "production",
    });
    projector.onCasesWritten((keys) => feed.announceCounts(keys));
    return {
      resolvers: mergeResolvers(dashboardResolvers(dashboard), ratingsResolvers(ratings, () => clock.now()), figuresResolvers(figures), hallResolvers(hall), townshipsResolvers(townships)),
      handlers: [...projectionHandlers(projector, env.PROJECTION_BATCH), ...directoryHandlers(directory)],
      workers: [timers, feed],
      routes: { "/stream": feed.route },
      gauges: warningGauges(dataSource),
    };
  },
};

if (require.main === module) void runSubgraph(supervisionSubgraph, loadSupervisionEnv());
