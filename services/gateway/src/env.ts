import { join } from "node:path";
import { z } from "zod";
import { loadEnv, serviceEnvSchema } from "@onestop/platform";

/** A subgraph's GraphQL endpoint; its /health sits beside it. */
const url = z
  .string()
  .url()
  .regex(/^https?:\/\/[^/]+(\/.*)?\/graphql$/, "an http(s) URL ending in /graphql");

export const gatewayEnvSchema = serviceEnvSchema.extend({
  PORT: serviceEnvSchema.shape.PORT.default(4000),
  SUPERGRAPH_FILE: z.string().min(1).default(join(__dirname, "..", "supergraph.graphql")),
  CATALOG_URL: url.default("http://127.0.0.1:4101/graphql"),
  CASES_URL: url.default("http://127.0.0.1:4102/graphql"),
  FEES_URL: url.default("http://127.0.0.1:4103/graphql"),
  STAFFING_URL: url.default("http://127.0.0.1:4104/graphql"),
  PARALLEL_APPROVAL_URL: url.default("http://127.0.0.1:4105/graphql"),
  /** PEM file of the Ed25519 key that signs the identity forwarded to subgraphs. */
  IDENTITY_PRIVATE_KEY_FILE: z.string().min(1),
  /** JSON Web Key Set of the public keys that access tokens may be signed with (several during a rotation). */
  AUTH_JWKS_FILE: z.string().min(1),
  AUTH_ISSUER: z.string().min(1).default("onestop"),
  AUTH_AUDIENCE: z.string().min(1).default("onestop-gateway"),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
});
export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;

export const loadGatewayEnv = (source = process.env) => loadEnv("gateway", gatewayEnvSchema, source);
