import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { IDENTITY_HEADER, REQUEST_ID_HEADER, signIdentity, type Clock, type Identity, type SubgraphKey } from "@onestop/platform";
import type { GatewayContext } from "../context";
import type { Fetcher } from "./http-fetcher";

/**
 * Carries the claims from `willSendRequest`, which knows the caller, to the fetcher, which
 * knows the exact body; it never leaves the process.
 */
const PENDING_IDENTITY_HEADER = "x-onestop-identity-to-sign";

const CENTER_CODE = /^\d{12}$/;

interface PendingIdentity {
  identity: Identity;
  requestId: string;
  client: string | null;
}

/**
 * Forwards every subgraph fetch with the caller's identity and the request id. The identity
 * is signed per fetch with this subgraph's own key, bound to this subgraph and to a SHA-256 of
 * the very body sent, so a header seen on the wire cannot be replayed with another body or at
 * another subgraph.
 */
export class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    /** Derived for this subgraph: its audience is the subgraph's name. */
    private readonly identityKey: SubgraphKey,
    private readonly clock: Clock,
    send: Fetcher,
  ) {
    super({ url });
    // Signed where the body is final: the fetcher is handed the string that goes on the wire.
    this.fetcher = (target, init) => send(target, init && this.signed(init));
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!("identity" in context) || !context.identity) return;
    context.cacheProbe?.subgraphs.add(this.identityKey.audience);
    const pending: PendingIdentity = { identity: context.identity, requestId: context.requestId, client: context.client.ip };
    request.http?.headers.set(PENDING_IDENTITY_HEADER, Buffer.from(JSON.stringify(pending)).toString("base64url"));
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }

  /** Collects the centers a subgraph reports its mutation changed, for the audit entry. */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>["process"]> {
    const response = await super.process(options);
    const touched = response.extensions?.touchedCenters;
    if ("touchedCenters" in options.context && Array.isArray(touched)) {
      for (const center of touched) if (typeof center === "string" && CENTER_CODE.test(center)) options.context.touchedCenters.add(center);
    }
    return response;
  }

  private signed<I extends { headers?: Record<string, string>; body?: unknown }>(init: I): I {
    const { [PENDING_IDENTITY_HEADER]: pending, ...headers } = init.headers ?? {};
    if (pending === undefined || typeof init.body !== "string") return { ...init, headers };
    const { identity, requestId, client } = JSON.parse(Buffer.from(pending, "base64url").toString("utf8")) as PendingIdentity;
    const signature = signIdentity(identity, requestId, this.identityKey, this.clock.now(), { body: init.body, client });
    return { ...init, headers: { ...headers, [IDENTITY_HEADER]: signature } };
  }
}
