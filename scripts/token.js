#!/usr/bin/env node
// Prints a development access token for the local system, signed with the key in
// .local/keys (never a production key). Usage:
//   pnpm token <role>[,<role>...] [--sub ID] [--center CODE] [--dept ID] [--window ID] [--minutes N]
const { join } = require("node:path");

const root = join(__dirname, "..");
const { ensureDevelopmentKeys } = require(join(root, "packages/testkit/dist/keys.js"));
const { mintAccessToken } = require(join(root, "packages/testkit/dist/tokens.js"));

const [roleArg, ...rest] = process.argv.slice(2);
if (!roleArg) {
  process.stderr.write("usage: pnpm token <role>[,<role>...] [--sub ID] [--center CODE] [--dept ID] [--window ID] [--minutes N]\n");
  process.exit(2);
}
const options = {};
for (let i = 0; i < rest.length; i += 2) options[rest[i].replace(/^--/, "")] = rest[i + 1];

mintAccessToken(
  ensureDevelopmentKeys(join(root, ".local", "keys")),
  {
    subject: options.sub ?? `dev-${roleArg.split(",")[0]}`,
    roles: roleArg.split(","),
    centerCode: options.center ?? null,
    departmentId: options.dept ?? null,
    windowId: options.window ?? null,
  },
  { expiresInSeconds: Number(options.minutes ?? 60) * 60 },
).then((token) => process.stdout.write(`${token}\n`));
