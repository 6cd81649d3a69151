import type { Identity } from "./identity";

/** What every subgraph resolver receives. */
export interface SubgraphContext {
  identity: Identity;
  requestId: string;
  /** The caller's network address, from the gateway's signed identity; null without one. */
  client?: string | null;
}
