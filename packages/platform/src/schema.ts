import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gql } from "graphql-tag";
import type { DocumentNode } from "graphql";

/** The service's SDL files, `src/schema/*.graphql`, in name order: also what composition reads. */
export function readSchemaSource(serviceRoot: string): string {
  const dir = join(serviceRoot, "src", "schema");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => readFileSync(join(dir, file), "utf8"))
    .join("\n");
}

export function loadTypeDefs(serviceRoot: string): DocumentNode {
  return gql(readSchemaSource(serviceRoot));
}

/**
 * Resolvers by type and field, as @apollo/subgraph takes them. A service's own maps are its
 * generated `Resolvers` type (src/schema/resolvers.generated.ts), which fits this shape.
 */
export type ResolverMap = { [typeName: string]: object | undefined };

/** An entity as another subgraph owns it: its key, all this subgraph needs to reference it. */
export interface EntityReference {
  id: string;
}

/** Joins the resolvers of a service's bounded contexts; two contexts may not claim the same field. */
export function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      merged[type] ??= {};
      for (const [field, resolver] of Object.entries(fields ?? {})) {
        if (field in merged[type]) throw new Error(`Resolver ${type}.${field} defined twice`);
        merged[type][field] = resolver;
      }
    }
  }
  return merged;
}
