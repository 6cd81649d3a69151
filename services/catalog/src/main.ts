import { join } from "node:path";
import { mergeResolvers, runSubgraph, type SubgraphDefinition } from "@onestop/platform";
import { DepartmentReplicaRow } from "./departments/entities";
import { departmentReplicaHandlers } from "./departments/departments.handlers";
import { DepartmentReplicaRepository } from "./departments/departments.repository";
import { DepartmentReplica1763769600010 } from "./departments/migrations/1763769600010-department-replica";
import { loadCatalogEnv, type CatalogEnv } from "./env";

export { catalogEnvSchema } from "./env";
import { itemEntities } from "./items/entities";
import { ItemsRepository } from "./items/items.repository";
import { itemsResolvers } from "./items/items.resolvers";
import { ItemsService } from "./items/items.service";
import { Items1763769600011 } from "./items/migrations/1763769600011-items";

export const catalogSubgraph: SubgraphDefinition<CatalogEnv> = {
  name: "catalog",
  rootDir: join(__dirname, ".."),
  entities: [DepartmentReplicaRow, ...itemEntities],
  migrations: [DepartmentReplica1763769600010, Items1763769600011],
  wire({ dataSource, unitOfWork, clock }) {
    const departments = new DepartmentReplicaRepository(dataSource);
    const items = new ItemsService(new ItemsRepository(dataSource), departments, unitOfWork, clock);
    return {
      resolvers: mergeResolvers(itemsResolvers(items)),
      handlers: departmentReplicaHandlers(departments),
    };
  },
};

if (require.main === module) void runSubgraph(catalogSubgraph, loadCatalogEnv());
