import { HeaderMap, type ApolloServer, type ApolloServerPlugin, type HTTPGraphQLResponse } from "@apollo/server";
import type { Logger } from "@onestop/platform";
import type { CacheProbe, GatewayContext } from "../context";
import { LimitedApolloServer, type QueryLimiter } from "../limits/query-limiter";
import { LruStore } from "./lru-store";
import { cacheKey, isPublicQuery, mutationMayChangePublicData, readOnlyCacheableSubgraphs } from "./public-cache.rules";

export const CACHE_HEADER = "x-onestop-cache";

type ExecuteRequest = Parameters<ApolloServer<GatewayContext>["executeHTTPGraphQLRequest"]>[0];

interface CachedAnswer {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

export interface PublicCacheLimits {
  maxEntries: number;
  maxBytes: number;
  ttlSeconds: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function answer(cached: CachedAnswer, outcome: "hit" | "miss"): HTTPGraphQLResponse {
  const headers = new HeaderMap(cached.headers);
  headers.set(CACHE_HEADER, outcome);
  return { status: cached.status, headers, body: { kind: "complete", string: cached.body } };
}

/**
 * Answers anonymous public catalog queries (the kiosks' search as a citizen types) from
 * memory. Only a request without credentials is looked up or kept, and only a query whose
 * every root field is public, answered 200 without errors, from subgraphs whose changes the
 * invalidation feed announces. Every change on the feed, and every mutation through this
 * gateway that reached the catalog, empties the cache at once; while the feed is down
 * nothing is answered from it or kept. The TTL only bounds what a change the feed cannot
 * see (a replica catalog keeps of staffing's data, updated after staffing's event) may leave.
 */
export class PublicResponseCache {
  private readonly store: LruStore<CachedAnswer>;

  constructor(
    limits: PublicCacheLimits,
    private readonly feed: { readonly isLive: boolean },
    private readonly logger: Logger,
    /** Sees each cacheable request's outcome (the gateway's metrics). */
    private readonly onLookup: (outcome: "hit" | "miss") => void = () => undefined,
  ) {
    this.store = new LruStore({ maxEntries: limits.maxEntries, maxBytes: limits.maxBytes, ttlMs: limits.ttlSeconds * 1000 });
  }

  invalidate(): void {
    if (this.store.size > 0) this.logger.debug({ entries: this.store.size }, "public cache cleared");
    this.store.clear();
  }

  /**
   * The key of a request that may be answered from the cache, or null. The request is the
   * HTTP layer's: its JSON body already parsed, its size already within the limit.
   */
  private keyOf(request: ExecuteRequest["httpGraphQLRequest"]): string | null {
    if (!this.feed.isLive || request.method !== "POST" || request.headers.has("authorization") || !isRecord(request.body)) return null;
    const contentType = request.headers.get("content-type");
    if (contentType?.split(";")[0].trim().toLowerCase() !== "application/json") return null;
    return cacheKey(request.body, request.headers.get("accept"), contentType);
  }

  /**
   * A hit is answered here, before the query limits and Apollo's pipeline: the same body was
   * measured, validated and executed when it was kept, and passed. Otherwise the request
   * goes on with a probe in its context, and its answer is kept if it qualifies.
   */
  async handle(request: ExecuteRequest, next: (request: ExecuteRequest) => Promise<HTTPGraphQLResponse>): Promise<HTTPGraphQLResponse> {
    const key = this.keyOf(request.httpGraphQLRequest);
    const cached = key === null ? undefined : this.store.get(key);
    if (cached) {
      this.onLookup("hit");
      return answer(cached, "hit");
    }

    const generation = this.store.generation;
    const probe: CacheProbe = { subgraphs: new Set(), publicAnswer: false };
    const response = await next({ ...request, context: async () => ({ ...(await request.context()), cacheProbe: probe }) });
    if (key === null) {
      response.headers.set(CACHE_HEADER, "bypass");
      return response;
    }
    response.headers.set(CACHE_HEADER, "miss");
    this.onLookup("miss");
    const status = response.status ?? 200;
    if (probe.publicAnswer && status === 200 && response.body.kind === "complete" && readOnlyCacheableSubgraphs(probe.subgraphs) && this.feed.isLive) {
      const headers = [...response.headers].filter(([name]) => name !== CACHE_HEADER);
      const body = response.body.string;
      this.store.set(key, { status, headers, body }, Buffer.byteLength(key) + Buffer.byteLength(body), generation);
    }
    return response;
  }

  /** Judges each answer for the probe, and empties the cache after a mutation that reached the catalog's data. */
  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async ({ contextValue }) => {
        const probe = contextValue.cacheProbe;
        if (!probe) return;
        return {
          willSendResponse: async ({ operation, response }) => {
            if (operation?.operation === "mutation") {
              if (mutationMayChangePublicData(probe.subgraphs)) this.invalidate();
              return;
            }
            probe.publicAnswer =
              operation !== undefined && isPublicQuery(operation) && response.body.kind === "single" && !response.body.singleResult.errors?.length;
          },
        };
      },
    };
  }
}

/** The gateway's Apollo Server: public cache first, then the query limits, then Apollo's pipeline. */
export class GatewayApolloServer extends LimitedApolloServer<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof LimitedApolloServer<GatewayContext>>[0],
    limiter: QueryLimiter,
    private readonly publicCache: PublicResponseCache | null,
  ) {
    super({ ...config, plugins: [...(publicCache ? [publicCache.plugin()] : []), ...(config.plugins ?? [])] }, limiter);
  }

  override async executeHTTPGraphQLRequest(request: ExecuteRequest): Promise<HTTPGraphQLResponse> {
    if (!this.publicCache) return super.executeHTTPGraphQLRequest(request);
    return this.publicCache.handle(request, (probed) => super.executeHTTPGraphQLRequest(probed));
  }
}
