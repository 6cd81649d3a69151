import { createLogger, exitGracefullyOnSignals } from "@onestop/platform";
import { loadGatewayEnv } from "./env";
import { startGateway } from "./gateway";

export { auditDatabaseEnvSchema, auditDatabaseSettings, gatewayEnvSchema, type GatewayEnv } from "./env";
export { runAuditVerify } from "./audit/verify-command";
export type { AuditRecord } from "./audit/audit.service";
export { composeFromSources, composeSupergraph, subgraphs } from "./federation/compose";
export { startGateway, type RunningGateway } from "./gateway";

if (require.main === module) {
  const env = loadGatewayEnv();
  const logger = createLogger("gateway", env.LOG_LEVEL);
  startGateway(env, { logger })
    .then((running) => exitGracefullyOnSignals(running.stop, logger))
    .catch((error: unknown) => {
      logger.fatal({ err: error }, "failed to start");
      process.exit(1);
    });
}
