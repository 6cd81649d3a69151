import { ApolloServerErrorCode } from "@apollo/server/errors";
import { ErrorCode } from "@onestop/platform";

/**
 * The stable codes the gateway itself answers with (`extensions.code`), beside the ones the
 * subgraphs pass through; docs/security.md lists them, so a code is never renamed or reused.
 */
export const GatewayErrorCode = {
  ...ErrorCode,
  /** More levels of nested fields than QUERY_MAX_DEPTH. */
  QueryTooDeep: "QUERY_TOO_DEEP",
  /** Over QUERY_MAX_COST, or too many repeats of one field or aliases. */
  QueryTooComplex: "QUERY_TOO_COMPLEX",
  /** Anything but GET on /audit, /supervision/stream or /files/<id>, anything but POST on /uploads. */
  MethodNotAllowed: "METHOD_NOT_ALLOWED",
  // Apollo Server's own refusals of a request, before it runs: named here so that the guides,
  // which list every code a caller can receive, are checked against them too.
  /** The document is not GraphQL, or has more tokens than QUERY_MAX_TOKENS. */
  GraphqlParseFailed: ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  /** The document does not fit the schema (an unknown field, a fragment cycle, introspection in production). */
  GraphqlValidationFailed: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  /** The document holds several operations and `operationName` names none of them. */
  OperationResolutionFailure: ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  /** A query named by its hash alone: persisted queries are off. */
  PersistedQueryNotSupported: ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
} as const;
