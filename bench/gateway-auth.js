#!/usr/bin/env node
// Gateway authentication benchmark: what verifying an access token costs the gateway per
// request. The same public query (the catalog's searchItems, no sign-in needed) is sent
// through the gateway with no token, with one citizen's token again and again (as a signed-in
// client does: verified once, then remembered until it expires) and with a token never seen
// before each time (a full EdDSA verification), in turn in the same run, one request at a
// time; the differences from no token are the price of the token.
// Beside it, in this process: the verifier alone, and the per-fetch identity signature the
// gateway makes for every subgraph call and the subgraph's check of it.
//
//   node scripts/build.js && node bench/gateway-auth.js [--n 5000] [--warmup 500] [--micro 20000]
//
// The whole system runs in this process (five subgraphs and the gateway, as the tests do) on
// databases and a NATS namespace named like a test run's (onestop_test_r<pid>_bench_gateway_auth_*),
// dropped at the start. Figures are printed and written to bench/results/gateway-auth-<timestamp>.json.
"use strict";

const { integerOptions } = require("./support/options");
const { createSecretKey, randomBytes, randomUUID } = require("node:crypto");
const { mkdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { requireBuilt } = require("./support/require-built");
const os = require("node:os");
const { performance } = require("node:perf_hooks");

const root = join(__dirname, "..");

const platform = requireBuilt("packages/platform/dist/index.js");
const testkit = requireBuilt("packages/testkit/dist/index.js");
const { createAccessTokenVerifier } = requireBuilt("services/gateway/dist/auth/access-token.js");
const { KeySetFile } = requireBuilt("services/gateway/dist/auth/key-set.js");

function parseArgs(argv) {
  return integerOptions(argv, { n: 5000, warmup: 500, micro: 20000 });
}

/** Medians and tails in microseconds. */
function summarize(samplesMs) {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const us = (ms) => Math.round(ms * 1000 * 10) / 10;
  return {
    n: sorted.length,
    medianUs: us(at(0.5)),
    p95Us: us(at(0.95)),
    p99Us: us(at(0.99)),
    meanUs: us(sorted.reduce((sum, x) => sum + x, 0) / sorted.length),
  };
}

function table(rows) {
  const headers = ["", "n", "median µs", "p95 µs", "p99 µs", "mean µs"];
  const cells = rows.map(([label, s]) => [label, s.n, s.medianUs, s.p95Us, s.p99Us, s.meanUs].map(String));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (r) => "  " + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(headers), "  " + widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

/** Times `work` n times in a row after a warm-up, in ms per call; `work` gets the call's number, warm-up included. */
async function timeEach(n, warmup, work) {
  for (let i = 0; i < warmup; i++) await work(i);
  const samples = new Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await work(warmup + i);
    samples[i] = performance.now() - t0;
  }
  return samples;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const log = (line) => process.stdout.write(`${line}\n`);
  const runId = `r${process.pid.toString(36)}`;
  const environment = {
    databasePrefix: `onestop_test_${runId}_bench_gateway_auth`,
    namespace: `t_${runId}_bench_gateway_auth`,
    keysDir: join(root, ".local", "test-keys"),
    logLevel: process.env.BENCH_LOG_LEVEL ?? "silent",
  };
  log(`gateway-auth: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}`);

  await testkit.resetEnvironment(environment);
  const system = await testkit.startSystem(environment);
  const results = {};
  try {
    const CENTER = "330110000000";
    const QUERY = `query ($c: String!) { searchItems(centerCode: $c, first: 5) { totalCount nodes { id name } } }`;
    const body = JSON.stringify({ query: QUERY, variables: { c: CENTER } });
    const citizenToken = await testkit.mintAccessToken(system.keys, { subject: "bench-citizen", roles: ["citizen"] }, { expiresInSeconds: 3600 });
    const send = async (token) => {
      const response = await fetch(system.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
      });
      const answer = await response.json();
      if (response.status !== 200 || answer.errors) throw new Error(`unexpected answer ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
    };

    // 1. Through the gateway, the three kinds in rotating order, so drift touches all alike.
    log(`through the gateway: ${options.warmup} warm-up and ${options.n} timed requests of each kind, in turn…`);
    const freshTokens = [];
    for (let i = 0; i < options.n + options.warmup; i++) {
      freshTokens.push(await testkit.mintAccessToken(system.keys, { subject: `bench-citizen-${i}`, roles: ["citizen"] }, { expiresInSeconds: 3600 }));
    }
    for (let i = 0; i < options.warmup; i++) {
      await send(null);
      await send(citizenToken);
      await send(freshTokens[options.n + i]);
    }
    const samples = { none: [], same: [], fresh: [] };
    const kinds = ["none", "same", "fresh"];
    for (let i = 0; i < options.n; i++) {
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[(i + k) % kinds.length];
        const token = kind === "none" ? null : kind === "same" ? citizenToken : freshTokens[i];
        const t0 = performance.now();
        await send(token);
        samples[kind].push(performance.now() - t0);
      }
    }
    const difference = (a, b) => ({
      median: Math.round((a.medianUs - b.medianUs) * 10) / 10,
      p95: Math.round((a.p95Us - b.p95Us) * 10) / 10,
      p99: Math.round((a.p99Us - b.p99Us) * 10) / 10,
    });
    results.gateway = { none: summarize(samples.none), sameToken: summarize(samples.same), freshToken: summarize(samples.fresh) };
    results.gateway.differenceUs = {
      sameToken: difference(results.gateway.sameToken, results.gateway.none),
      freshToken: difference(results.gateway.freshToken, results.gateway.none),
    };

    // 2. The pieces, in this process, without HTTP.
    const logger = platform.createLogger("bench", "silent");
    const keys = new KeySetFile({ file: system.keys.jwksFile, refreshSeconds: 3600, logger });
    keys.start();
    const verify = createAccessTokenVerifier({ keys, issuer: "onestop", audience: "onestop-gateway" });
    const microTokens = [];
    for (let i = 0; i < options.micro + 1000; i++) {
      microTokens.push(await testkit.mintAccessToken(system.keys, { subject: `bench-micro-${i}`, roles: ["citizen"] }, { expiresInSeconds: 3600 }));
    }
    const verifier = summarize(await timeEach(options.micro, 1000, (i) => verify(`Bearer ${microTokens[i]}`)));
    const remembered = summarize(await timeEach(options.micro, 1000, () => verify(`Bearer ${citizenToken}`)));
    keys.stop();

    const catalogKey = platform.deriveSubgraphKey(createSecretKey(randomBytes(32)), "catalog");
    const identity = { subject: "bench-citizen", roles: ["citizen"], centerCode: null, departmentId: null, windowId: null };
    const fetchBody = JSON.stringify({ query: "query($representations:[_Any!]!){_entities(representations:$representations){...on Item{name}}}", variables: { representations: [{ __typename: "Item", id: randomUUID() }] } });
    const signing = summarize(
      await timeEach(options.micro, 1000, () => platform.signIdentity(identity, "req-bench-0001", catalogKey, new Date(), { body: fetchBody })),
    );
    const signed = platform.signIdentity(identity, "req-bench-0001", catalogKey, new Date(), { body: fetchBody });
    const checking = summarize(
      await timeEach(options.micro, 1000, () => platform.verifyIdentity(signed, catalogKey, new Date(), { body: fetchBody, requireBinding: true })),
    );
    results.inProcess = { accessTokenVerify: verifier, accessTokenRemembered: remembered, identitySignPerFetch: signing, identityVerifyAtSubgraph: checking };

    log("");
    log("through the gateway (one request at a time, same public query):");
    log(
      table([
        ["no token (anonymous)", results.gateway.none],
        ["one citizen's token, every request", results.gateway.sameToken],
        ["a token never seen before, each request", results.gateway.freshToken],
      ]),
    );
    for (const [label, d] of [["the same token", results.gateway.differenceUs.sameToken], ["a fresh token", results.gateway.differenceUs.freshToken]]) {
      log(`  with ${label}, over no token: median ${d.median} µs, p95 ${d.p95} µs, p99 ${d.p99} µs`);
    }
    log("");
    log("in process:");
    log(
      table([
        ["access-token verify, token not seen before (EdDSA, kid, claims)", verifier],
        ["access-token verify, token remembered", remembered],
        ["identity sign per subgraph fetch (HMAC-SHA256 + SHA-256)", signing],
        ["identity verify at the subgraph (HMAC-SHA256 + SHA-256)", checking],
      ]),
    );

    const resultsDir = join(__dirname, "results");
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `gateway-auth-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, JSON.stringify({ options, node: process.version, cpus: os.cpus().length, results }, null, 2));
    log(`\nwritten to ${file}`);
  } finally {
    await system.stop();
    await testkit.resetEnvironment(environment);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);
