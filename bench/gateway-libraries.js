#!/usr/bin/env node
// Libraries against the gateway's hand-written parts, measured in one process, A and B in turn:
//
// 1. The query limits: the gateway's own (a walk of the parsed document before Apollo's
//    pipeline) against @escape.tech/graphql-armor's Apollo protections (validation rules and a
//    token-counting parser inside it), each on an Apollo Server over the gateway's API schema with
//    nothing behind it (every field resolves to null, the same work on both sides). A typical
//    kiosk search and the hostile documents of test/e2e/gateway-security.test.ts: what each
//    answers, and how many of each it answers a second (hostile ones new each time, as an
//    attacker sends them).
// 2. The public cache's store (services/gateway/src/cache/lru-store.ts) under the kiosks' pattern
//    (a few hot searches, a long tail that evicts), against another build of it given with
//    --baseline-store FILE (e.g. the hand-written one of an earlier commit, built).
//
//   node scripts/build.js && node bench/gateway-libraries.js [--rounds 5] [--slot-ms 300] [--baseline-store FILE]
"use strict";

const { readFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { join } = require("node:path");
const { performance } = require("node:perf_hooks");
const { requireBuilt } = require("./support/require-built");

const root = join(__dirname, "..");
const fromGateway = createRequire(join(root, "services/gateway/package.json"));
const { ApolloServer, HeaderMap } = fromGateway("@apollo/server");
// Only this benchmark uses armor (it was measured and not adopted): it is the bench package's dependency.
const { ApolloArmor } = require("@escape.tech/graphql-armor");
const { Supergraph } = createRequire(fromGateway.resolve("@apollo/gateway"))("@apollo/federation-internals");
const { createLogger } = requireBuilt("packages/platform/dist/index.js");
const { LimitedApolloServer, QueryLimiter } = requireBuilt("services/gateway/dist/limits/query-limiter.js");
const { gatewayEnvSchema, queryLimitSettings } = requireBuilt("services/gateway/dist/env.js");

function parseArgs(argv) {
  const options = { rounds: 5, "slot-ms": 300, "baseline-store": null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--") continue;
    const key = argv[i].replace(/^--/, "");
    if (!(key in options)) throw new Error(`Unknown argument ${argv[i]} (options: ${Object.keys(options).map((k) => `--${k}`).join(", ")})`);
    options[key] = key === "baseline-store" ? argv[++i] : Number(argv[++i]);
  }
  return options;
}

/** Runs each contender for a slot in turn, round after round; the median of its rounds' rates. */
async function interleaved(contenders, { rounds, slotMs }) {
  const rates = contenders.map(() => []);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? contenders.map((_, i) => i) : contenders.map((_, i) => contenders.length - 1 - i);
    for (const i of order) {
      let n = 0;
      const started = performance.now();
      do {
        await contenders[i].work(n);
        n++;
      } while (performance.now() - started < slotMs);
      rates[i].push((n * 1000) / (performance.now() - started));
    }
  }
  return rates.map((r) => r.sort((a, b) => a - b)[Math.floor(r.length / 2)]);
}

const CENTER = "330110000000";
const queries = {
  "typical search": {
    query: "query ($c: String!, $n: Int) { searchItems(centerCode: $c, first: $n) { nodes { id name } } }",
    variables: { c: CENTER, n: 20 },
  },
  "a page of 100,000 in a variable": {
    query: "query ($c: String!, $n: Int) { searchItems(centerCode: $c, first: $n) { nodes { id name } } }",
    variables: { c: CENTER, n: 100000 },
  },
  "1,000 aliases": { query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: departments(centerCode: "${CENTER}") { id }`).join(" ")} }` },
  "one field 500 times": { query: `{ ${Array.from({ length: 500 }, () => `departments(centerCode: "${CENTER}") { id }`).join(" ")} }` },
  "deep nesting": {
    query: `{ departments(centerCode: "${CENTER}") { ${"jointApprovals(first: 1) { edges { node { leadDepartment { ".repeat(3)}id${" } } } }".repeat(3)} } }`,
  },
  "a misspelt field": { query: `{ departments(centerCode: "${CENTER}") { nam } }` },
};

async function limits(options) {
  const schema = Supergraph.build(readFileSync(join(root, "services/gateway/supergraph.graphql"), "utf8")).apiSchema().toGraphQLJSSchema();
  const env = gatewayEnvSchema.parse({ IDENTITY_SECRET_FILE: "unused", AUTH_JWKS_FILE: "unused" });
  const common = { schema, persistedQueries: false, allowBatchedHttpRequests: false, includeStacktraceInErrorResponses: false, parseOptions: { maxTokens: env.QUERY_MAX_TOKENS } };
  const ours = new LimitedApolloServer(common, new QueryLimiter(queryLimitSettings(env), createLogger("bench", "silent")));
  // The same numbers where armor has the limit; depth counted through fragments as ours does.
  const armor = new ApolloServer({
    ...common,
    ...new ApolloArmor({
      maxDepth: { n: env.QUERY_MAX_DEPTH, flattenFragments: true },
      maxAliases: { n: env.QUERY_MAX_ALIASES },
      costLimit: { maxCost: env.QUERY_MAX_COST },
      maxTokens: { n: env.QUERY_MAX_TOKENS },
    }).protect(),
  });
  await Promise.all([ours.start(), armor.start()]);
  const send = (server, { query, variables }) =>
    server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers: new HeaderMap([["content-type", "application/json"]]), search: "", body: { query, variables: variables ?? {} } },
      context: async () => ({}),
    });
  const outcome = async (server, request) => {
    const response = await send(server, request);
    const body = JSON.parse(response.body.kind === "complete" ? response.body.string : "{}");
    const error = body.errors?.[0];
    const refused = body.data === undefined;
    return refused ? `${response.status ?? 200} ${error?.extensions?.code}: ${error?.message.slice(0, 70)}` : `${response.status ?? 200} executed`;
  };

  console.log("\nQuery limits: ours (before Apollo's pipeline) vs graphql-armor (inside validation), requests/s, median of rounds");
  for (const [label, request] of Object.entries(queries)) {
    const [oursRate, armorRate] = await interleaved(
      // A hostile document comes new each time (a comment is enough) so Apollo's document cache,
      // which skips validation for a document validated before, hides nothing; a kiosk's search repeats.
      [ours, armor].map((server) => ({ work: (n) => send(server, label === "typical search" ? request : { ...request, query: `${request.query}\n# ${n}` }) })),
      { rounds: options.rounds, slotMs: options["slot-ms"] },
    );
    console.log(`\n  ${label}`);
    console.log(`    ours   ${oursRate.toFixed(0).padStart(7)}/s   ${await outcome(ours, request)}`);
    console.log(`    armor  ${armorRate.toFixed(0).padStart(7)}/s   ${await outcome(armor, request)}`);
  }
  await Promise.all([ours.stop(), armor.stop()]);
}

async function store(options) {
  const stores = [["lru-store (as built)", requireBuilt("services/gateway/dist/cache/lru-store.js").LruStore]];
  if (options["baseline-store"]) stores.push(["baseline", require(options["baseline-store"]).LruStore]);
  // 12 hot searches asked 9 times in 10, the rest a tail of 50,000 that keeps the store full and evicting.
  const keys = Array.from({ length: 100_000 }, (_, i) => (i % 10 !== 0 ? `hot-${i % 12}` : `tail-${(i * 7919) % 50_000}`));
  const body = "x".repeat(2000);
  const contenders = stores.map(([, LruStore]) => {
    const s = new LruStore({ maxEntries: 10_000, maxBytes: 64 * 1024 * 1024, ttlMs: 10_000 });
    return {
      work: (n) => {
        for (let i = 0; i < 1000; i++) {
          const key = keys[(n * 1000 + i) % keys.length];
          if (s.get(key) === undefined) s.set(key, body, key.length + body.length, s.generation);
        }
      },
    };
  });
  const rates = await interleaved(contenders, { rounds: options.rounds, slotMs: options["slot-ms"] });
  console.log("\nPublic cache store, get-or-set under the kiosks' pattern, operations/s, median of rounds");
  stores.forEach(([label], i) => console.log(`  ${label.padEnd(22)} ${(rates[i] * 1000).toFixed(0).padStart(10)}/s`));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  await limits(options);
  await store(options);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
