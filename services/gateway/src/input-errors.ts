import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, Kind, parse, visit, type ASTNode, type DocumentNode, type GraphQLFormattedError, type ObjectFieldNode, type ValueNode } from "graphql";
import { createErrorFormatter, ErrorCode, guardedFormatter, type InputProblem, type Logger } from "@onestop/platform";

/**
 * GraphQL's own type checks refuse a caller's value before any subgraph sees it: variable
 * coercion ("Variable "$input" got invalid value -5 at "input.amountFen"; …") and, for values
 * written into the document, validation ("Expected value of type "Int!", found "x"."). Both
 * answer here as the services' checks do: BAD_USER_INPUT with `field`, the path dotted from the
 * field's argument (docs/security.md, "Errors"), and `problems` as `{ field, message }`.
 */

const literalKinds: ReadonlySet<string> = new Set([
  Kind.INT,
  Kind.FLOAT,
  Kind.STRING,
  Kind.BOOLEAN,
  Kind.NULL,
  Kind.ENUM,
  Kind.LIST,
  Kind.OBJECT,
  Kind.OBJECT_FIELD,
]);

/** graphql-js names a missing or unknown input field in its message, on the object that lacks or has it. */
const namedField = /^Field "(?:[^".]+\.)?([^"]+)" (?:of required type|is not defined by type)/;

type Located = ValueNode | ObjectFieldNode;

/** The path, from an argument's name, of the first value `matches` picks, searching every argument of `root`. */
function argumentPathOf(root: ASTNode, matches: (node: Located) => boolean): string[] | null {
  const search = (node: Located, path: string[]): string[] | null => {
    if (matches(node)) return path;
    if (node.kind === Kind.OBJECT_FIELD) return search(node.value, path);
    if (node.kind === Kind.LIST) {
      for (const [index, item] of node.values.entries()) {
        const found = search(item, [...path, String(index)]);
        if (found) return found;
      }
    }
    if (node.kind === Kind.OBJECT) {
      for (const field of node.fields) {
        const found = search(field, [...path, field.name.value]);
        if (found) return found;
      }
    }
    return null;
  };
  let found: string[] | null = null;
  visit(root, {
    Argument(argument) {
      found ??= search(argument.value, [argument.name.value]);
      return false;
    },
  });
  return found;
}

/** The document a node was parsed from, parsed again: AST nodes know their text, not their parents. */
function documentOf(node: ASTNode): DocumentNode | null {
  return node.loc ? parse(node.loc.source) : null;
}

const sameNode = (a: ASTNode, b: ASTNode) => a.kind === b.kind && a.loc?.start === b.loc?.start;

/** Splits graphql-js's printed path (`input.participants[1].itemId`) after the variable's name. */
function segmentsAfter(variable: string, printed: string): string[] {
  return [...printed.slice(variable.length).matchAll(/\.([^.[]+)|\[(\d+)\]/g)].map((m) => m[1] ?? m[2]!);
}

function variableFault(error: GraphQLError): InputProblem | null {
  const definition = error.nodes?.[0];
  if (definition?.kind !== Kind.VARIABLE_DEFINITION) return null;
  const variable = definition.variable.name.value;
  const prefix = `Variable "$${variable}" `;
  // The coercion errors' openings, as Apollo Server itself tells them from validation's ("…is never used").
  if (!["got invalid value ", "of required type ", "of non-null type "].some((opening) => error.message.startsWith(prefix + opening))) return null;

  // "…got invalid value <value> at "<path>"; <reason>": the reason is the original error's
  // message, so the path is read from the end of what precedes it, never from inside the value.
  const reason = error.originalError && error.originalError !== error ? error.originalError.message : null;
  let within: string[] = [];
  let message = error.message.slice(prefix.length);
  if (reason && error.message.endsWith(`; ${reason}`)) {
    const head = error.message.slice(0, -`; ${reason}`.length);
    const at = /at "([^"]*)"$/.exec(head);
    if (at) within = segmentsAfter(variable, at[1]!);
    const missing = namedField.exec(reason);
    if (missing) within.push(missing[1]!);
    message = reason;
  }

  const document = documentOf(definition);
  if (!document) return null;
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.variableDefinitions?.some((v) => sameNode(v, definition)),
  );
  const usedHere = (node: Located) => node.kind === Kind.VARIABLE && node.name.value === variable;
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  const argumentPath =
    [operation, ...fragments].reduce<string[] | null>((found, root) => found ?? (root ? argumentPathOf(root, usedHere) : null), null) ?? [variable];
  return { field: [...argumentPath, ...within].join("."), message };
}

function literalFault(error: GraphQLError): InputProblem | null {
  const node = error.nodes?.[0];
  if (!node || !literalKinds.has(node.kind)) return null;
  const document = documentOf(node);
  const path = document ? argumentPathOf(document, (candidate) => sameNode(candidate, node)) : null;
  if (!path) return null;
  const missing = node.kind === Kind.OBJECT ? namedField.exec(error.message) : null;
  return { field: [...path, ...(missing ? [missing[1]!] : [])].join("."), message: error.message };
}

/**
 * Where a GraphQL type error of the caller's input lies, or null for any other error (a
 * syntax error, an unknown field, a fragment cycle, a subgraph's error).
 */
export function inputFaultOf(error: unknown): InputProblem | null {
  if (!(error instanceof GraphQLError)) return null;
  return variableFault(error) ?? literalFault(error);
}

/** graphql-js's hint at names the schema has ("Did you mean "a", "b", or "c"?"), always at the end of a message. */
const suggestion = / ?Did you mean [^?]*\?$/;

/** A message without its suggestion: with introspection off, "Did you mean …" would read the schema out field by field. */
export function withoutSuggestion(message: string): string {
  return message.replace(suggestion, "");
}

/**
 * The platform's formatting, and for a type error of the caller's input its field and code.
 * `hideSchema` (introspection off, as in production) strips graphql-js's suggestions of field,
 * argument, type and value names from every message.
 */
export function createGatewayErrorFormatter(logger: Logger, options: { hideSchema: boolean }) {
  const platform = createErrorFormatter(logger);
  return guardedFormatter(logger, (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const shown = platform(formatted, error);
    const result = options.hideSchema ? hideSuggestions(shown) : shown;
    const found = result.extensions?.field === undefined ? inputFaultOf(error) : null;
    if (!found) return result;
    const fault = options.hideSchema ? { ...found, message: withoutSuggestion(found.message) } : found;
    return { ...result, extensions: { ...result.extensions, code: ErrorCode.BadUserInput, field: fault.field, problems: [fault] } };
  });
}

function hideSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = withoutSuggestion(formatted.message);
  return message === formatted.message ? formatted : { ...formatted, message };
}

/**
 * graphql-js reports each fault of a refused request as an error of its own; every one of them
 * then lists all the request's faults in `problems`, as a service's single error does.
 */
export function inputProblemsPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ response }) => {
        if (response.body.kind !== "single" || response.body.singleResult.data !== undefined) return;
        const errors = response.body.singleResult.errors ?? [];
        const faults = errors.filter((e) => e.extensions?.code === ErrorCode.BadUserInput && typeof e.extensions.field === "string");
        if (faults.length < 2) return;
        const problems = faults.flatMap((e) => e.extensions!.problems as InputProblem[]);
        response.body.singleResult = {
          ...response.body.singleResult,
          errors: errors.map((e) => (faults.includes(e) ? { ...e, extensions: { ...e.extensions, problems } } : e)),
        };
      },
    }),
  };
}
