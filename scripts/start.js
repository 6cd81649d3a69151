#!/usr/bin/env node
// Starts the whole system locally: the six subgraphs and the gateway as separate
// processes (and the export to the provincial platform when KAFKA_BROKERS names its Kafka),
// each line of their logs prefixed with the service's name; prints the
// gateway's URL once everything answers /ready. Ctrl-C stops them all.
const { spawn } = require("node:child_process");
const { join } = require("node:path");

const root = join(__dirname, "..");
const { canReach, howToStart, natsHostPort } = require(join(root, "packages/platform/dist/preflight.js"));
const { ensureDevelopmentKeys, subgraphIdentityKeyFile } = require(join(root, "packages/testkit/dist/keys.js"));

const startedAt = Date.now();
const services = [
  { name: "catalog", port: 4101 },
  { name: "cases", port: 4102 },
  { name: "fees", port: 4103 },
  { name: "staffing", port: 4104 },
  { name: "parallel-approval", port: 4105 },
  { name: "supervision", port: 4106 },
  { name: "results", port: 4109 },
  { name: "notifications", port: 4108 },
  { name: "hall", port: 4110 },
];
const gatewayPort = Number(process.env.GATEWAY_PORT ?? process.env.PORT ?? 4000);
const colors = [36, 33, 35, 32, 34, 96, 93, 31];

async function preflight() {
  const dbHost = process.env.DB_HOST ?? "127.0.0.1";
  const dbPort = Number(process.env.DB_PORT ?? 3306);
  const nats = natsHostPort(process.env.NATS_URL ?? "nats://127.0.0.1:4222");
  const problems = [];
  if (!(await canReach(dbHost, dbPort))) problems.push(`${howToStart.mariadb}\n  (looked for it at ${dbHost}:${dbPort})`);
  if (!(await canReach(nats.host, nats.port))) problems.push(`${howToStart.nats}\n  (looked for it at ${nats.host}:${nats.port})`);
  if (problems.length > 0) {
    process.stderr.write(`Cannot start the system.\n\n${problems.join("\n\n")}\n`);
    process.exit(1);
  }
}

function launch(name, script, env, color) {
  const child = spawn(process.execPath, ["--enable-source-maps", script], {
    cwd: root,
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = `\x1b[${color}m${name.padEnd(17)}|\x1b[0m `;
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = "";
    stream.on("data", (chunk) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop();
      for (const line of lines) process.stdout.write(prefix + line + "\n");
    });
  }
  return child;
}

async function waitReady(url, child, name, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok).catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not become ready within ${timeoutMs / 1000} s`);
}

async function main() {
  await preflight();
  const keys = ensureDevelopmentKeys(join(root, ".local", "keys"));
  const children = [];
  let stopping = false;
  const stopAll = (code) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    setTimeout(() => process.exit(code), 3000).unref();
    Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once("exit", r))))).then(() =>
      process.exit(code),
    );
  };
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));

  const subgraphs = services.map((service, index) => {
    const child = launch(service.name, `services/${service.name}/dist/main.js`, {
      PORT: String(service.port),
      IDENTITY_KEY_FILE: subgraphIdentityKeyFile(keys, service.name),
      AUTH_SIGNING_KEY_FILE: keys.accessTokenPrivateJwkFile,
    }, colors[index % colors.length]);
    children.push(child);
    child.on("exit", (code) => !stopping && (process.stderr.write(`${service.name} exited (${code}); stopping\n`), stopAll(1)));
    return { ...service, child };
  });
  await Promise.all(subgraphs.map((s) => waitReady(`http://127.0.0.1:${s.port}/ready`, s.child, s.name)));

  // The export to the provincial platform runs only where its Kafka is named (docs/provincial-export.md).
  if (process.env.KAFKA_BROKERS) {
    const exporter = launch("exporter", "services/exporter/dist/main.js", { PORT: "4107" }, colors[5]);
    children.push(exporter);
    exporter.on("exit", (code) => !stopping && (process.stderr.write(`exporter exited (${code}); stopping\n`), stopAll(1)));
    await waitReady("http://127.0.0.1:4107/ready", exporter, "exporter");
  }

  const gateway = launch("gateway", "services/gateway/dist/main.js", {
    PORT: String(gatewayPort),
    IDENTITY_SECRET_FILE: keys.identitySecretFile,
    AUTH_JWKS_FILE: keys.jwksFile,
    // The subgraphs' namespace is the default one too, so the cache hears their catalog events.
    PUBLIC_CACHE: process.env.PUBLIC_CACHE ?? "on",
  }, colors[7]);
  children.push(gateway);
  gateway.on("exit", (code) => !stopping && (process.stderr.write(`gateway exited (${code}); stopping\n`), stopAll(1)));
  await waitReady(`http://127.0.0.1:${gatewayPort}/ready`, gateway, "gateway");

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  process.stdout.write(
    `\n  The system is up (${seconds} s). Gateway: http://localhost:${gatewayPort}/graphql\n` +
      `  The county web portal: http://localhost:${gatewayPort}/\n` +
      `  A development access token: pnpm token center_admin --center 330110000000\n\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
