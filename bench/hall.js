#!/usr/bin/env node
// Hall floor benchmark (取号叫号): tickets issued per second and calls per second through the
// gateway, and the lag from a clerk's call to the calling screen's push stream (/hall/stream).
//
//   pnpm bench:hall [--windows 5] [--tickets 2000] [--concurrency 16] [--lag 200]
//
// Issuing runs --concurrency kiosks at once; calling runs every window's clerk at once, each
// calling again as soon as the last call answered (one window calls one at a time: its row is
// locked). The lag is measured with one screen listening: from sending callNextTicket to the
// frame arriving on the gateway's stream. Databases and namespaces are named like a test run's
// (onestop_test_r<pid>_bench_hall*). Figures are printed and written to bench/results/hall-<time>.json.
"use strict";

const { integerOptions } = require("./support/options");
const { mkdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const os = require("node:os");
const { performance } = require("node:perf_hooks");

const root = join(__dirname, "..");
const testkit = require(join(root, "packages/testkit/dist/index.js"));

const CENTER = "330110000000";
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
function summarize(latencies, elapsedMs) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    n: sorted.length,
    perSecond: elapsedMs ? Math.round((sorted.length / elapsedMs) * 1000) : undefined,
    p50: +percentile(sorted, 50).toFixed(1),
    p95: +percentile(sorted, 95).toFixed(1),
    p99: +percentile(sorted, 99).toFixed(1),
    max: +sorted[sorted.length - 1].toFixed(1),
  };
}

async function main() {
  const options = integerOptions(process.argv.slice(2), { windows: 5, tickets: 2000, concurrency: 16, lag: 200 });
  const runId = `r${process.pid.toString(36)}`;
  const environment = { databasePrefix: `onestop_test_${runId}_bench_hall`, namespace: `t_${runId}_bench_hall`, keysDir: join(root, ".local", "test-keys"), logLevel: process.env.BENCH_LOG_LEVEL ?? "silent" };
  const log = (line) => process.stdout.write(`${line}\n`);
  log(`hall: ${os.cpus().length} CPUs, Node ${process.version}, ${options.windows} windows, ${options.tickets} tickets`);
  await testkit.resetEnvironment(environment);
  const system = await testkit.startSystem(environment);
  const url = system.gatewayUrl;
  const ask = async (token, query, variables = {}) => {
    const result = await testkit.graphql(url, query, variables, token ? { token } : {});
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  try {
    const admin = await testkit.mintAccessToken(system.keys, { subject: "admin", roles: ["center_admin"], centerCode: CENTER });
    const windows = [];
    for (let n = 0; n < options.windows; n += 1) {
      const code = `D${n}`;
      const { registerDepartment } = await ask(admin, `mutation ($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { id } }`, { i: { centerCode: CENTER, code, name: `部门${n}` } });
      const { openWindow } = await ask(admin, `mutation ($i: OpenWindowInput!) { openWindow(input: $i) { id } }`, { i: { centerCode: CENTER, code: `W${n}`, name: `${n}号窗口`, kind: "AB", departmentId: registerDepartment.id } });
      const { registerStaff } = await ask(admin, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, { i: { centerCode: CENTER, code: `${code}-01`, name: "王甲", departmentId: registerDepartment.id } });
      const { requestPostChange } = await ask(admin, `mutation ($i: RequestPostChangeInput!) { requestPostChange(input: $i) { id } }`, { i: { windowId: openWindow.id, position: "A", staffId: registerStaff.id, termYears: 1, reason: "bench" } });
      await ask(admin, `mutation ($i: DecidePostChangeInput!) { approvePostChange(input: $i) { id } }`, { i: { requestId: requestPostChange.id } });
      const token = await testkit.mintAccessToken(system.keys, { subject: registerStaff.id, roles: ["window_staff"], centerCode: CENTER, departmentId: registerDepartment.id, windowId: openWindow.id });
      windows.push({ departmentId: registerDepartment.id, windowId: openWindow.id, token });
    }
    for (const w of windows) {
      await testkit.eventually(async () => {
        const r = await testkit.graphql(url, `query ($w: ID!) { windowQueue(windowId: $w) { onDuty { id } } }`, { w: w.windowId }, { token: w.token });
        return r.data?.windowQueue?.onDuty ? true : null;
      }, 30_000);
    }
    const TAKE = `mutation ($i: TakeTicketInput!) { takeTicket(input: $i) { id number } }`;
    const CALL = `mutation ($w: ID!) { callNextTicket(windowId: $w) { id number } }`;

    // Warm-up: a few of each.
    for (const w of windows) await ask(null, TAKE, { i: { centerCode: CENTER, departmentId: w.departmentId } });
    for (const w of windows) await ask(w.token, CALL, { w: w.windowId });
    for (const w of windows) await ask(w.token, CALL, { w: w.windowId });

    log(`\nissuing ${options.tickets} tickets, ${options.concurrency} kiosks at once`);
    const issueLatencies = [];
    let next = 0;
    let started = performance.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        for (let i = next++; i < options.tickets; i = next++) {
          const t0 = performance.now();
          await ask(null, TAKE, { i: { centerCode: CENTER, departmentId: windows[i % windows.length].departmentId } });
          issueLatencies.push(performance.now() - t0);
        }
      }),
    );
    const issue = summarize(issueLatencies, performance.now() - started);
    log(`  ${issue.perSecond} tickets/s  p50 ${issue.p50} ms  p95 ${issue.p95} ms  p99 ${issue.p99} ms`);

    log(`\ncalling them: ${windows.length} clerks at once, each again as soon as answered`);
    const callLatencies = [];
    const seen = new Set();
    let duplicates = 0;
    started = performance.now();
    await Promise.all(
      windows.map(async (w) => {
        for (;;) {
          const t0 = performance.now();
          const { callNextTicket } = await ask(w.token, CALL, { w: w.windowId });
          if (!callNextTicket) break;
          callLatencies.push(performance.now() - t0);
          if (seen.has(callNextTicket.id)) duplicates += 1;
          seen.add(callNextTicket.id);
        }
      }),
    );
    const call = summarize(callLatencies, performance.now() - started);
    log(`  ${call.perSecond} calls/s  p50 ${call.p50} ms  p95 ${call.p95} ms  p99 ${call.p99} ms  (${seen.size} called, ${duplicates} twice)`);

    log(`\nlag from a call to the calling screen's stream, ${options.lag} calls`);
    for (let i = 0; i < options.lag; i += 1) await ask(null, TAKE, { i: { centerCode: CENTER, departmentId: windows[0].departmentId } });
    const controller = new AbortController();
    const response = await fetch(url.replace(/\/graphql$/, `/hall/stream?centerCode=${CENTER}`), { signal: controller.signal });
    const arrivals = new Map();
    const waiters = new Map();
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = "";
      try {
        for await (const chunk of response.body) {
          buffer += decoder.decode(chunk, { stream: true });
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!frame.includes("event: call")) continue;
            const data = JSON.parse(frame.split("\n").find((l) => l.startsWith("data: ")).slice(6));
            arrivals.set(data.ticketId, performance.now());
            waiters.get(data.ticketId)?.();
          }
        }
      } catch {
        // closed
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const lags = [];
    for (let i = 0; i < options.lag; i += 1) {
      const t0 = performance.now();
      const { callNextTicket } = await ask(windows[0].token, CALL, { w: windows[0].windowId });
      if (!arrivals.has(callNextTicket.id)) await new Promise((resolve) => { waiters.set(callNextTicket.id, resolve); setTimeout(resolve, 10_000); });
      lags.push((arrivals.get(callNextTicket.id) ?? performance.now() + 10_000) - t0);
    }
    controller.abort();
    const lag = summarize(lags);
    log(`  p50 ${lag.p50} ms  p95 ${lag.p95} ms  p99 ${lag.p99} ms  max ${lag.max} ms  (goal: under 1000 ms)`);

    const figures = { when: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version, load: os.loadavg() }, options, issue, call, duplicates, lag };
    mkdirSync(join(__dirname, "results"), { recursive: true });
    const file = join(__dirname, "results", `hall-${figures.when.replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, JSON.stringify(figures, null, 2));
    log(`\nwritten to ${file}`);
  } finally {
    await system.stop();
    await testkit.resetEnvironment(environment).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);
