import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { DomainError, ErrorCode } from "./errors";
import type { Logger } from "./logger";

/**
 * Domain errors keep their code; GraphQL's own (parse, validation, variable coercion) keep
 * theirs; anything else is logged with its stack and reaches the caller as a bare
 * INTERNAL_SERVER_ERROR, so no SQL or stack trace leaks.
 */
export function createErrorFormatter(logger: Logger) {
  return guardedFormatter(logger, (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { ...original.details, code: original.code },
      };
    }
    const code = formatted.extensions?.code;
    if (original instanceof GraphQLError || (typeof code === "string" && code !== ErrorCode.Internal)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, "unexpected error");
    return internalError(formatted);
  });
}

const internalError = (formatted: GraphQLFormattedError): GraphQLFormattedError => ({
  message: "Internal server error",
  path: formatted.path,
  extensions: { code: ErrorCode.Internal },
});

/**
 * A formatter that throws makes Apollo answer a bare "Internal server error" and log nothing of
 * ours: the error it was formatting, even an expected one, would be lost. Here both are logged.
 */
export function guardedFormatter(logger: Logger, format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    try {
      return format(formatted, error);
    } catch (formattingError) {
      logger.error({ err: formattingError, formatting: { message: formatted.message, code: formatted.extensions?.code, path: formatted.path } }, "formatting an error failed");
      return internalError(formatted);
    }
  };
}
