import { join } from "node:path";
import { WorkingCalendar } from "@onestop/calendar";
import { DurableTimers, DurableTimerTable1763769600002, mergeResolvers, runSubgraph, type SubgraphDefinition } from "@onestop/platform";
import { loadParallelApprovalEnv, type ParallelApprovalEnv } from "./env";
import { jointApprovalEntities } from "./joint-approvals/entities";
import { jointSagaHandlers } from "./joint-approvals/joint-approvals.handlers";
import { JointApprovalsRepository } from "./joint-approvals/joint-approvals.repository";
import { jointApprovalsResolvers } from "./joint-approvals/joint-approvals.resolvers";
import { JointApprovalsService } from "./joint-approvals/joint-approvals.service";
import { JointCaseEvents } from "./joint-approvals/joint-case-events.service";
import { ALARM_TIMER, JointDeadlines } from "./joint-approvals/joint-deadlines.service";
import { JointSaga } from "./joint-approvals/joint-saga.service";
import { SagaStore } from "./joint-approvals/joint-saga.state";
import { JointApprovals1763769600050 } from "./joint-approvals/migrations/1763769600050-joint-approvals";
import { JointSaga1763769600051 } from "./joint-approvals/migrations/1763769600051-joint-saga";
import { JointAlarms1763769600053 } from "./joint-approvals/migrations/1763769600053-joint-alarms";
import { JointClockFacts1763769600054 } from "./joint-approvals/migrations/1763769600054-joint-clock-facts";
import { ApplicantKey1763769600055 } from "./joint-approvals/migrations/1763769600055-applicant-key";
import { IdempotencyKeys1763769601600 } from "./joint-approvals/migrations/1763769601600-idempotency-keys";
import { replicaEntities } from "./replicas/entities";
import { Replicas1763769600052 } from "./replicas/migrations/1763769600052-replicas";
import { replicaHandlers } from "./replicas/replicas.handlers";
import { ReplicasRepository } from "./replicas/replicas.repository";

export { parallelApprovalEnvSchema, type ParallelApprovalEnv } from "./env";

export const parallelApprovalSubgraph: SubgraphDefinition<ParallelApprovalEnv> = {
  name: "parallel-approval",
  rootDir: join(__dirname, ".."),
  entities: [...jointApprovalEntities, ...replicaEntities],
  migrations: [
    DurableTimerTable1763769600002,
    JointApprovals1763769600050,
    JointSaga1763769600051,
    Replicas1763769600052,
    JointAlarms1763769600053,
    JointClockFacts1763769600054,
    ApplicantKey1763769600055,
    IdempotencyKeys1763769601600,
  ],
  wire({ dataSource, unitOfWork, clock, logger, env }) {
    const repository = new JointApprovalsRepository(dataSource);
    const replicas = new ReplicasRepository(dataSource);
    const timers = new DurableTimers({ dataSource, unitOfWork, clock, logger, pollMs: env.TIMER_POLL_MS });
    const store = new SagaStore(repository, clock);
    const deadlines = new JointDeadlines(store, repository, timers, WorkingCalendar.shipped(), clock);
    timers.register({ [ALARM_TIMER]: (tx, timer) => deadlines.onAlarm(tx, timer) });
    const saga = new JointSaga(store, deadlines);
    const service = new JointApprovalsService(repository, replicas, store, saga, deadlines, unitOfWork, clock);
    return {
      resolvers: mergeResolvers(jointApprovalsResolvers(service)),
      handlers: [...replicaHandlers(replicas), ...jointSagaHandlers(new JointCaseEvents(store, repository, saga, deadlines, clock))],
      workers: [timers],
    };
  },
};

if (require.main === module) void runSubgraph(parallelApprovalSubgraph, loadParallelApprovalEnv());
