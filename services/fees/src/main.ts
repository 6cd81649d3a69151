import { join } from "node:path";
import { mergeResolvers, runSubgraph, type SubgraphDefinition } from "@onestop/platform";
import { loadFeesEnv, type FeesEnv } from "./env";

export { feesEnvSchema } from "./env";
import { FeeStandardReplicaRow } from "./items/entities";
import { feeStandardReplicaHandlers } from "./items/items.handlers";
import { FeeStandardReplicaRepository } from "./items/items.repository";
import { FeeStandardReplica1763769600030 } from "./items/migrations/1763769600030-fee-standard-replica";
import { PaymentNoticeRow } from "./notices/entities";
import { PaymentNotices1763769600031 } from "./notices/migrations/1763769600031-payment-notices";
import { noticeHandlers } from "./notices/notices.handlers";
import { NoticesRepository } from "./notices/notices.repository";
import { noticesResolvers } from "./notices/notices.resolvers";
import { NoticesService } from "./notices/notices.service";

export const feesSubgraph: SubgraphDefinition<FeesEnv> = {
  name: "fees",
  rootDir: join(__dirname, ".."),
  entities: [FeeStandardReplicaRow, PaymentNoticeRow],
  migrations: [FeeStandardReplica1763769600030, PaymentNotices1763769600031],
  wire({ dataSource, clock }) {
    const feeStandards = new FeeStandardReplicaRepository();
    const notices = new NoticesService(new NoticesRepository(dataSource), feeStandards, clock);
    return {
      resolvers: mergeResolvers(noticesResolvers(notices)),
      handlers: [...feeStandardReplicaHandlers(feeStandards), ...noticeHandlers(notices)],
    };
  },
};

if (require.main === module) void runSubgraph(feesSubgraph, loadFeesEnv());
