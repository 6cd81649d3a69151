import { join } from "node:path";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { readSchemaSource } from "@onestop/platform";

/** The subgraphs in the supergraph, with the port each listens on in development. */
export const subgraphs = [
  { name: "catalog", port: 4101 },
  { name: "cases", port: 4102 },
  { name: "fees", port: 4103 },
  { name: "staffing", port: 4104 },
  { name: "parallel-approval", port: 4105 },
  { name: "supervision", port: 4106 },
  { name: "results", port: 4109 },
  { name: "notifications", port: 4108 },
  { name: "hall", port: 4110 },
] as const;

export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

export type CompositionResult = { ok: true; supergraphSdl: string } | { ok: false; errors: string[] };

export function composeFromSources(sources: readonly SubgraphSource[]): CompositionResult {
  const result = composeServices(sources.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) return { ok: false, errors: result.errors.map((error) => error.message) };
  return { ok: true, supergraphSdl: result.supergraphSdl };
}

/** The supergraph from the services' own schema files, as `pnpm compose` writes it. */
export function composeSupergraph(repositoryRoot: string): CompositionResult {
  return composeFromSources(
    subgraphs.map(({ name, port }) => ({
      name,
      url: `http://127.0.0.1:${port}/graphql`,
      sdl: readSchemaSource(join(repositoryRoot, "services", name)),
    })),
  );
}
