import { join } from "node:path";
import { mergeResolvers, runSubgraph, type SubgraphDefinition } from "@onestop/platform";
import { CasesRepository } from "./cases/cases.repository";
import { casesResolvers } from "./cases/cases.resolvers";
import { CasesService } from "./cases/cases.service";
import { CaseRow } from "./cases/entities";
import { Cases1763769600021 } from "./cases/migrations/1763769600021-cases";
import { loadCasesEnv, type CasesEnv } from "./env";

export { casesEnvSchema } from "./env";
import { ItemVersionReplicaRow } from "./items/entities";
import { itemReplicaHandlers } from "./items/items.handlers";
import { ItemReplicaRepository } from "./items/items.repository";
import { ItemVersionReplica1763769600020 } from "./items/migrations/1763769600020-item-version-replica";

export const casesSubgraph: SubgraphDefinition<CasesEnv> = {
  name: "cases",
  rootDir: join(__dirname, ".."),
  entities: [ItemVersionReplicaRow, CaseRow],
  migrations: [ItemVersionReplica1763769600020, Cases1763769600021],
  wire({ dataSource, unitOfWork, clock }) {
    const items = new ItemReplicaRepository(dataSource);
    const cases = new CasesService(new CasesRepository(dataSource), items, unitOfWork, clock);
    return {
      resolvers: mergeResolvers(casesResolvers(cases)),
      handlers: itemReplicaHandlers(items),
    };
  },
};

if (require.main === module) void runSubgraph(casesSubgraph, loadCasesEnv());
