import type { Identity } from "./identity";

/** What every subgraph resolver receives. */
export interface SubgraphContext {
  identity: Identity;
  requestId: string;
}
