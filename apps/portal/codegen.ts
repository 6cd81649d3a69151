// Typed documents for the portal, generated offline from the checked-in supergraph: the portal is a
// client of the gateway only. `pnpm --filter portal codegen` after changing a query.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../../services/gateway/supergraph.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: true,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      // Fen: integer fen, a JSON number (services/fees/src/scalars.ts).
      config: { enumsAsTypes: true, useTypeImports: true, skipTypename: true, scalars: { Fen: "number" } },
    },
  },
};

export default config;
