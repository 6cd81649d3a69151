#!/usr/bin/env node
// Before the test suite: MariaDB and NATS must answer, or we say how to start them.
const { join } = require("node:path");

const { canReach, howToStart, natsHostPort } = require(join(__dirname, "..", "packages/platform/dist/preflight.js"));

(async () => {
  const nats = natsHostPort(process.env.NATS_URL ?? "nats://127.0.0.1:4222");
  const problems = [];
  if (!(await canReach(process.env.DB_HOST ?? "127.0.0.1", Number(process.env.DB_PORT ?? 3306)))) problems.push(howToStart.mariadb);
  if (!(await canReach(nats.host, nats.port))) problems.push(howToStart.nats);
  if (problems.length > 0) process.stderr.write(`${problems.join("\n")}\n`);
  process.exit(problems.length > 0 ? 1 : 0);
})();
