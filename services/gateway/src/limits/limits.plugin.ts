import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, type DocumentNode, type GraphQLSchema } from "graphql";
import type { Logger } from "@onestop/platform";
import { checkQueryLimits, type QueryLimits } from "./query-limits.rules";

/**
 * Refuses operations past the depth, cost or repetition limits with QUERY_TOO_DEEP or
 * QUERY_TOO_COMPLEX (HTTP 400). It runs when validation is about to start and not later:
 * graphql-js validation is quadratic in repeated fields (500 copies of one field take it over
 * a second), so a hostile document must be turned away before validation sees it, and
 * certainly before any subgraph is called.
 */
export function queryLimitsPlugin<C extends BaseContext>(limits: QueryLimits, logger: Logger): ApolloServerPlugin<C> {
  const check = (document: DocumentNode, schema: GraphQLSchema, variables: Record<string, unknown> | undefined, operationName: string | null | undefined) => {
    try {
      checkQueryLimits(document, limits, schema, variables ?? {});
    } catch (error) {
      if (error instanceof GraphQLError) logger.warn({ code: error.extensions.code, operationName }, "query refused at the limits");
      throw error;
    }
  };
  return {
    async requestDidStart() {
      let checked = false;
      return {
        async validationDidStart({ document, schema, request }) {
          check(document, schema, request.variables, request.operationName);
          checked = true;
        },
        // A document validated before comes from the document cache without validation; its
        // variables (list sizes) are new, so it is measured again here.
        async didResolveOperation({ document, schema, request }) {
          if (!checked) check(document, schema, request.variables, request.operationName);
        },
      };
    },
  };
}
