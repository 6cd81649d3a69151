import type { ApolloServerPlugin, BaseContext } from "@apollo/server";

/**
 * An answer without `data` is a request that never ran, and answers 4xx (docs/security.md,
 * "Errors and HTTP status"). Apollo Server sets 400 for parse, validation and coercion errors
 * itself; the one it answers 200 is PERSISTED_QUERY_NOT_SUPPORTED, for the retry protocol of
 * automatic persisted queries, which are off here, so nothing waits for that 200.
 */
export function requestErrorStatusPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ response }) => {
        if (response.body.kind !== "single" || response.body.singleResult.data !== undefined) return;
        if (!response.body.singleResult.errors?.length) return;
        if ((response.http.status ?? 200) === 200) response.http.status = 400;
      },
    }),
  };
}
