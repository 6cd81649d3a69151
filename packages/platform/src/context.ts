import type { Identity } from "./identity";

/** What every subgraph resolver receives. */
export interface SubgraphContext {
  identity: Identity;
  requestId: string;
  /** The forwarded identity's one-time number (bound headers): a mutation consumes it. */
  nonce?: { value: string; expiresAt: Date };
  /** The centers whose data a mutation changed (request-context.ts), reported in the response's extensions. */
  touchedCenters?: Set<string>;
  /** The caller's network address, from the gateway's signed identity; null without one. */
  client?: string | null;
}
