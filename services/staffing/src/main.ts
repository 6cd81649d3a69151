import { join } from "node:path";
import { mergeResolvers, runSubgraph, type SubgraphDefinition } from "@onestop/platform";
import { loadStaffingEnv, type StaffingEnv } from "./env";

export { staffingEnvSchema } from "./env";
import { organisationEntities } from "./organisation/entities";
import { Organisation1763769600001 } from "./organisation/migrations/1763769600001-organisation";
import { OrganisationRepository } from "./organisation/organisation.repository";
import { organisationResolvers } from "./organisation/organisation.resolvers";
import { OrganisationService } from "./organisation/organisation.service";

export const staffingSubgraph: SubgraphDefinition<StaffingEnv> = {
  name: "staffing",
  rootDir: join(__dirname, ".."),
  entities: [...organisationEntities],
  migrations: [Organisation1763769600001],
  wire({ dataSource, unitOfWork, clock }) {
    const organisation = new OrganisationService(new OrganisationRepository(dataSource), unitOfWork, clock);
    return { resolvers: mergeResolvers(organisationResolvers(organisation)) };
  },
};

if (require.main === module) void runSubgraph(staffingSubgraph, loadStaffingEnv());
