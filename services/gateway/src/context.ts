import type { Identity } from "@onestop/platform";

/** Where the mutation came from, as the audit records it. */
export interface ClientInfo {
  ip: string | null;
  forwardedFor: string | null;
  userAgent: string | null;
  clientName: string | null;
  clientVersion: string | null;
}

/** What the public cache learns about a request while Apollo runs it, for it to judge afterwards. */
export interface CacheProbe {
  /** The subgraphs the request fetched from. */
  subgraphs: Set<string>;
  /** A query of public root fields only, answered without errors. */
  publicAnswer: boolean;
}

/**
 * The context of one request through the gateway. It has a module of its own because every
 * part reads it (the data sources, the cache, the audit) and none of them owns it.
 */
export interface GatewayContext {
  identity: Identity;
  requestId: string;
  client: ClientInfo;
  /**
   * The service centers whose data the subgraphs say the request changed (their responses'
   * `touchedCenters` extension): the audit entry belongs to them and to the caller's center.
   */
  touchedCenters: Set<string>;
  /** Set when the public cache is on: notes which subgraphs the request reached. */
  cacheProbe?: CacheProbe;
}
