import { ApolloServer, HeaderMap, type ApolloServerOptions, type ApolloServerPlugin, type BaseContext, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from "@apollo/server";
import { GraphQLError, parse, type DocumentNode, type GraphQLSchema } from "graphql";
import type { Logger } from "@onestop/platform";
import { checkQueryLimits, type QueryLimits } from "./query-limits.rules";

interface OfferedOperation {
  query: string;
  variables: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The query and variables of a single operation, from a POST body or a GET's search; anything else is Apollo's to refuse. */
function offeredOperation(request: HTTPGraphQLRequest): OfferedOperation | null {
  if (request.method === "GET") {
    const search = new URLSearchParams(request.search);
    const query = search.get("query");
    if (!query) return null;
    try {
      const variables = JSON.parse(search.get("variables") ?? "{}") as unknown;
      return { query, variables: isRecord(variables) ? variables : {} };
    } catch {
      return { query, variables: {} };
    }
  }
  if (!isRecord(request.body) || typeof request.body.query !== "string") return null;
  return { query: request.body.query, variables: isRecord(request.body.variables) ? request.body.variables : {} };
}

/**
 * Measures every operation against the depth, cost and repetition limits before Apollo's
 * pipeline sees it. It must come before validation: graphql-js validation is quadratic in
 * repeated fields (500 copies of one field take it over a second), so a hostile document is
 * turned away unvalidated, and certainly before any subgraph is called. It parses the query
 * itself (a parse costs microseconds; Apollo's document cache would skip a second look at a
 * document it has seen, whose list sizes may come from new variables).
 */
export class QueryLimiter {
  private schema: GraphQLSchema | undefined;

  constructor(
    private readonly limits: QueryLimits & { maxTokens: number },
    private readonly logger: Logger,
  ) {}

  /** Keeps the API schema the gateway serves, for list sizes and argument defaults. */
  plugin<C extends BaseContext>(): ApolloServerPlugin<C> {
    return {
      serverWillStart: async () => ({
        schemaDidLoadOrUpdate: ({ apiSchema }) => {
          this.schema = apiSchema;
        },
      }),
    };
  }

  /** A 400 answer with QUERY_TOO_DEEP or QUERY_TOO_COMPLEX, or null to go on. */
  refusal(request: HTTPGraphQLRequest): HTTPGraphQLResponse | null {
    const offered = offeredOperation(request);
    if (!offered) return null;
    let document: DocumentNode;
    try {
      document = parse(offered.query, { maxTokens: this.limits.maxTokens });
    } catch {
      return null;
    }
    try {
      checkQueryLimits(document, this.limits, this.schema, offered.variables);
      return null;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const { http: _http, ...extensions } = error.extensions;
      this.logger.warn({ code: extensions.code }, "operation refused at the query limits");
      return {
        status: 400,
        headers: new HeaderMap([["content-type", "application/json; charset=utf-8"]]),
        body: { kind: "complete", string: JSON.stringify({ errors: [{ message: error.message, extensions }] }) },
      };
    }
  }
}

/** Apollo Server with the query limits in front of its request pipeline. */
export class LimitedApolloServer<C extends BaseContext> extends ApolloServer<C> {
  constructor(
    config: ApolloServerOptions<C>,
    private readonly limiter: QueryLimiter,
  ) {
    super({ ...config, plugins: [limiter.plugin<C>(), ...(config.plugins ?? [])] });
  }

  override async executeHTTPGraphQLRequest(request: Parameters<ApolloServer<C>["executeHTTPGraphQLRequest"]>[0]): Promise<HTTPGraphQLResponse> {
    return this.limiter.refusal(request.httpGraphQLRequest) ?? super.executeHTTPGraphQLRequest(request);
  }
}
