import { join } from "node:path";
import { mergeResolvers, runSubgraph, type SubgraphDefinition } from "@onestop/platform";
import { DepartmentReplicaRow } from "./departments/entities";
import { departmentReplicaHandlers } from "./departments/departments.handlers";
import { DepartmentReplicaRepository } from "./departments/departments.repository";
import { DepartmentReplica1763769600010 } from "./departments/migrations/1763769600010-department-replica";
import { ItemEntryRow } from "./entry/entities";
import { EntryRepository } from "./entry/entry.repository";
import { entryResolvers } from "./entry/entry.resolvers";
import { EntryService } from "./entry/entry.service";
import { ItemEntry1763769600015 } from "./entry/migrations/1763769600015-item-entry";
import { loadCatalogEnv, type CatalogEnv } from "./env";
import { itemEntities } from "./items/entities";
import { ItemAdmin } from "./items/item-admin";
import { ItemDraftsService } from "./items/item-drafts.service";
import { ItemPublicationService } from "./items/item-publication.service";
import { ItemsRepository } from "./items/items.repository";
import { itemsResolvers } from "./items/items.resolvers";
import { ItemsService } from "./items/items.service";
import { Items1763769600011 } from "./items/migrations/1763769600011-items";
import { ItemDisclosure1763769600012 } from "./items/migrations/1763769600012-item-disclosure";
import { searchEntities } from "./search/entities";
import { ItemListing1763769600013 } from "./search/migrations/1763769600013-item-listing";
import { CatalogRevision1763769600017 } from "./search/migrations/1763769600017-catalog-revision";
import { ListingRepository } from "./search/search.repository";
import { SearchSynonyms1763769601600 } from "./search/migrations/1763769601600-search-synonyms";
import { searchResolvers } from "./search/search.resolvers";
import { SearchService } from "./search/search.service";
import { WindowReplicaRow } from "./windows/entities";
import { WindowReplica1763769600014 } from "./windows/migrations/1763769600014-window-replica";
import { WindowRevision1763769600016 } from "./windows/migrations/1763769600016-window-revision";
import { windowReplicaHandlers } from "./windows/windows.handlers";
import { WindowReplicaRepository } from "./windows/windows.repository";

export { catalogEnvSchema } from "./env";

export const catalogSubgraph: SubgraphDefinition<CatalogEnv> = {
  name: "catalog",
  rootDir: join(__dirname, ".."),
  entities: [DepartmentReplicaRow, WindowReplicaRow, ...itemEntities, ...searchEntities, ItemEntryRow],
  migrations: [
    DepartmentReplica1763769600010,
    Items1763769600011,
    ItemDisclosure1763769600012,
    ItemListing1763769600013,
    WindowReplica1763769600014,
    ItemEntry1763769600015,
    WindowRevision1763769600016,
    CatalogRevision1763769600017,
    SearchSynonyms1763769601600,
  ],
  wire({ dataSource, unitOfWork, clock }) {
    const departments = new DepartmentReplicaRepository(dataSource);
    const windows = new WindowReplicaRepository(dataSource);
    const itemsRepository = new ItemsRepository(dataSource);
    const listing = new ListingRepository(dataSource);
    const items = new ItemsService(itemsRepository);
    const admin = new ItemAdmin(itemsRepository, departments);
    const drafts = new ItemDraftsService(itemsRepository, admin, unitOfWork, clock);
    const publication = new ItemPublicationService(itemsRepository, admin, listing, unitOfWork, clock);
    const search = new SearchService(listing, departments, items);
    const entry = new EntryService(new EntryRepository(dataSource), itemsRepository, windows, unitOfWork, clock);
    return {
      resolvers: mergeResolvers(itemsResolvers(items, search, drafts, publication), searchResolvers(search), entryResolvers(entry)),
      handlers: [...departmentReplicaHandlers(departments), ...windowReplicaHandlers(windows)],
    };
  },
};

if (require.main === module) void runSubgraph(catalogSubgraph, loadCatalogEnv());
