import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

function asFen(value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) throw new GraphQLError("Fen is a whole number of fen (at most 2^53 - 1)");
  return value;
}

/** Integer fen beyond GraphQL's 32-bit Int, for totals. */
export const FenScalar = new GraphQLScalarType({
  name: "Fen",
  description: "Money in integer fen (分): a JSON number, never fractional, at most 2^53 - 1.",
  serialize: asFen,
  parseValue: asFen,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT) throw new GraphQLError("Fen is a whole number of fen");
    return asFen(Number(ast.value));
  },
});
