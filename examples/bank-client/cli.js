#!/usr/bin/env node
"use strict";
// Command line around the reference client. The gateway's address and the bank's machine
// credentials (or an access token) come from the environment:
//   BANK_API_URL=https://…/graphql BANK_CLIENT_ID=… BANK_CLIENT_SECRET=… node cli.js <command> …
//   BANK_API_URL=https://…/graphql BANK_API_TOKEN=… node cli.js <command> …
//
//   lookup <noticeNo>                                     what to collect
//   pay <noticeNo> <amountFen> <bankTxnId> [channel]      confirm a payment (paidAt: now)
//   refunds <centerCode>                                  approved refunds to pay back
//   refund <refundId> <amountFen> <bankTxnId>             confirm a refund paid back (refundedAt: now)
//   reconcile <statement.csv> <statementDate> <accountNo> reconcile a day's statement (CSV: bankTxnId,noticeNo,amountFen,paidAt)
const { readFileSync } = require("node:fs");
const { BankClient, BankApiError, clientCredentials, parseStatementCsv } = require("./client");

async function main(argv) {
  const { BANK_API_URL: url, BANK_API_TOKEN, BANK_CLIENT_ID: clientId, BANK_CLIENT_SECRET: clientSecret } = process.env;
  const token = clientId && clientSecret ? clientCredentials({ url, clientId, clientSecret }) : BANK_API_TOKEN;
  if (!url || !token) throw new Error("Set BANK_API_URL (the gateway's /graphql) and BANK_CLIENT_ID with BANK_CLIENT_SECRET (or BANK_API_TOKEN)");
  const client = new BankClient({ url, token, logger: (line) => process.stderr.write(`${line}\n`) });
  const [command, ...args] = argv;
  const now = new Date().toISOString();
  switch (command) {
    case "lookup":
      return client.lookupNotice(args[0]);
    case "pay":
      return client.recordPayment({ noticeNo: args[0], amountFen: Number(args[1]), bankTxnId: args[2], paidAt: now, channel: args[3] ?? "COUNTER" });
    case "refunds":
      return client.refundsToPay(args[0]);
    case "refund":
      return client.recordRefund({ refundId: args[0], amountFen: Number(args[1]), bankTxnId: args[2], refundedAt: now });
    case "reconcile":
      return client.reconcileStatement({ entries: parseStatementCsv(readFileSync(args[0], "utf8")), statementDate: args[1], accountNo: args[2] });
    default:
      throw new Error("commands: lookup, pay, refunds, refund, reconcile (see the top of cli.js)");
  }
}

main(process.argv.slice(2)).then(
  (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
  (error) => {
    process.stderr.write(`${error instanceof BankApiError ? `${error.code}: ${error.message}` : error.message}\n`);
    process.exit(error instanceof BankApiError ? 2 : 1);
  },
);
