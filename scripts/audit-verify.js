#!/usr/bin/env node
// Verifies the gateway's hash-chained audit log and names the first broken link.
//   pnpm audit:verify [--anchor <seq>:<hash>]...      (--help for more)
// Reads AUDIT_DB_* as the gateway does (default: onestop_gateway on 127.0.0.1 as root).
// Exit code 0: intact; 1: broken; 2: could not check. docs/security.md says what it proves.
const { join } = require("node:path");

const { runAuditVerify } = require(join(__dirname, "..", "services/gateway/dist/main.js"));

runAuditVerify(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(2);
  },
);
