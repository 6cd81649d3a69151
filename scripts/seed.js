#!/usr/bin/env node
// Loads the demonstration county (departments, items, windows, staff) into the running
// system through the gateway. Idempotent. Start the system first with `pnpm start`.
const { join } = require("node:path");

const root = join(__dirname, "..");
const { ensureDevelopmentKeys, mintAccessToken } = require(join(root, "packages/testkit/dist/index.js"));
const { countySteps, demoCenter, seedCounty } = require(join(root, "packages/seed/dist/index.js"));

(async () => {
  const gatewayUrl = process.env.GATEWAY_URL ?? "http://127.0.0.1:4000/graphql";
  const ready = await fetch(gatewayUrl.replace(/\/graphql$/, "/ready")).then((r) => r.ok).catch(() => false);
  if (!ready) {
    process.stderr.write(`The gateway at ${gatewayUrl} is not ready. Start the system first: pnpm start\n`);
    process.exit(1);
  }
  const keys = ensureDevelopmentKeys(join(root, ".local", "keys"));
  const adminToken = await mintAccessToken(keys, { subject: "seed-admin", roles: ["center_admin"], centerCode: demoCenter.centerCode });
  const started = Date.now();
  await seedCounty({ gatewayUrl, adminToken, log: (line) => process.stdout.write(`  ${line}\n`) }, countySteps);
  process.stdout.write(`Seeded ${demoCenter.name} (${demoCenter.centerCode}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
})().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
