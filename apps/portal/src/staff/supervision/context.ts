import { createContext, useContext } from "react";
import type { Claims } from "../../lib/session";
import type { WarningChange } from "./live-stream";

/** What every page of the area shares: whose view it is, and the stream's latest changes. */
export interface SupervisionScope {
  centerCode: string;
  /** The department of a department's staff; null for the supervision office and the administration. */
  departmentId: string | null;
  claims: Claims;
  canAcknowledge: boolean;
  /** The latest pushed warning changes, newest first. */
  feed: WarningChange[];
  /** Bumped on each pushed change and each (re)connection: lists reload from the server. */
  version: number;
  /** Bumped on each pushed "counts changed" hint: the case counts reload. */
  countsHint: number;
  /** Whether the stream is connected (else the counts are polled). */
  live: boolean;
}

export const ScopeContext = createContext<SupervisionScope | null>(null);

export function useScope(): SupervisionScope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error("useScope outside the supervision area");
  return scope;
}
