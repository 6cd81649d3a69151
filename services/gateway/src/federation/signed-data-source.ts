import type { KeyObject } from "node:crypto";
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { IDENTITY_HEADER, REQUEST_ID_HEADER, signIdentity, type Clock, type Identity } from "@onestop/platform";

export interface GatewayContext {
  identity: Identity;
  requestId: string;
  /** Signed once per incoming request and reused for every subgraph fetch of its plan. */
  signedIdentity?: string;
}

/** Forwards every subgraph fetch with the caller's identity, signed, and the request id. */
export class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly privateKey: KeyObject,
    private readonly clock: Clock,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!("identity" in context) || !context.identity) return;
    context.signedIdentity ??= signIdentity(context.identity, context.requestId, this.privateKey, this.clock.now());
    request.http?.headers.set(IDENTITY_HEADER, context.signedIdentity);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}
