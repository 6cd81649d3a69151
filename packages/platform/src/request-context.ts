import { AsyncLocalStorage } from "node:async_hooks";
import type { Identity } from "./identity";

export interface RequestContext {
  requestId: string;
  identity: Identity;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
