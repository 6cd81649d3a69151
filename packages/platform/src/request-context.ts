import { AsyncLocalStorage } from "node:async_hooks";
import type { Identity } from "./identity";

export interface RequestContext {
  requestId: string;
  identity: Identity;
  /**
   * The service centers whose data the request changed (the centers of the events its
   * transactions committed); a subgraph reports them to the gateway's audit log.
   */
  touchedCenters?: Set<string>;
}

const storage = new AsyncLocalStorage<RequestContext>();

const CENTER_CODE = /^\d{12}$/;

/** Notes that the current request changed data of this service center. */
export function noteTouchedCenter(centerCode: unknown): void {
  if (typeof centerCode === "string" && CENTER_CODE.test(centerCode)) storage.getStore()?.touchedCenters?.add(centerCode);
}

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
