#!/usr/bin/env node
// Calendar benchmark: how many deadline computations per second the pure time-limit function
// (@onestop/calendar deadlineOf / timeLimitStatus) does on one core, with and without
// suspensions, plus the raw working-day steps underneath.
//
//   node scripts/build.js && node bench/calendar.js [--n 200000] [--rounds 7]
//
// Each scenario computes the deadlines of n different clocks (accepted at random instants in
// 2025-2026, promised limits of 1-60 working days) per round; the median round is reported.
"use strict";

const { existsSync } = require("node:fs");
const { join } = require("node:path");
const os = require("node:os");
const { performance } = require("node:perf_hooks");

const dist = join(__dirname, "..", "packages", "calendar", "dist", "index.js");
if (!existsSync(dist)) {
  console.error("packages/calendar/dist is missing: run `node scripts/build.js` first.");
  process.exit(1);
}
const { WorkingCalendar, deadlineOf, timeLimitStatus, calendarDay, shanghaiDayOf } = require(dist);

function parseArgs(argv) {
  const options = { n: 200_000, rounds: 7 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    if (!(key in options)) throw new Error(`Unknown argument ${argv[i]} (options: --n, --rounds)`);
    options[key] = Number(argv[++i]);
    if (!Number.isInteger(options[key]) || options[key] < 1) throw new Error(`--${key} takes a positive whole number`);
  }
  return options;
}

// A fixed seed, so every run measures the same clocks.
let seed = 42;
function random() {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
const DAY = 86_400_000;
const HOUR = 3_600_000;
const first = Date.parse("2025-01-01T00:00:00+08:00");
const span = Date.parse("2026-12-01T00:00:00+08:00") - first;
const reasons = ["SUPPLEMENTING_MATERIALS", "SITE_INSPECTION", "EXPERT_REVIEW", "HEARING"];

function clocks(n, kind) {
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const startedAt = first + Math.floor(random() * span);
    const limit = { startedAt: new Date(startedAt), workingDays: 1 + Math.floor(random() * 60) };
    if (kind !== "plain") {
      const firstFrom = startedAt + Math.floor(random() * 10 * DAY);
      const firstUntil = firstFrom + Math.floor(random() * 8 * DAY) + HOUR;
      const secondFrom = firstUntil + Math.floor(random() * 10 * DAY);
      limit.suspensions = [
        { reason: reasons[i % 4], from: new Date(firstFrom), until: new Date(firstUntil) },
        { reason: reasons[(i + 1) % 4], from: new Date(secondFrom), until: kind === "open" ? null : new Date(secondFrom + Math.floor(random() * 15 * DAY)) },
      ];
      limit.extensions = [{ workingDays: 1 + Math.floor(random() * 10), approvedAt: new Date(firstUntil) }];
    }
    out[i] = limit;
  }
  return out;
}

// `run` returns a number derived from every result, so no computation can be optimised away.
function measure(label, n, rounds, run) {
  run(); // warm-up round
  const times = [];
  let check = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    check += run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const perSecond = Math.round((n / median) * 1000);
  return { label, perSecond, medianMs: Number(median.toFixed(1)), microsEach: Number(((median * 1000) / n).toFixed(3)), check };
}

function main() {
  const { n, rounds } = parseArgs(process.argv.slice(2));
  const calendar = WorkingCalendar.shipped();
  const plain = clocks(n, "plain");
  const suspended = clocks(n, "closed");
  const open = clocks(n, "open");
  const instants = suspended.map((limit) => new Date(limit.startedAt.getTime() + Math.floor(random() * 40 * DAY)));
  const days = plain.map((limit) => calendarDay(shanghaiDayOf(limit.startedAt)));
  const later = days.map((day, i) => calendar.addWorkingDays(day, plain[i].workingDays));

  const due = (deadline) => (deadline.state === "DUE" ? 1 : 0);
  const results = [
    measure("deadlineOf, no suspensions", n, rounds, () => {
      let c = 0;
      for (let i = 0; i < n; i++) c += due(deadlineOf(calendar, plain[i]));
      return c;
    }),
    measure("deadlineOf, 2 suspensions + 1 extension", n, rounds, () => {
      let c = 0;
      for (let i = 0; i < n; i++) c += due(deadlineOf(calendar, suspended[i]));
      return c;
    }),
    measure("deadlineOf, clock on hold (open suspension)", n, rounds, () => {
      let c = 0;
      for (let i = 0; i < n; i++) c += due(deadlineOf(calendar, open[i]));
      return c;
    }),
    measure("timeLimitStatus (level, remaining) with suspensions", n, rounds, () => {
      let c = 0;
      for (let i = 0; i < n; i++) c += timeLimitStatus(calendar, suspended[i], instants[i]).remainingWorkingDays;
      return c;
    }),
    measure("addWorkingDays (YYYY-MM-DD in and out)", n, rounds, () => {
      let c = 0;
      for (let i = 0; i < n; i++) c += calendar.addWorkingDays(days[i], plain[i].workingDays).length;
      return c;
    }),
    measure("workingDaysBetween (YYYY-MM-DD)", n, rounds, () => {
      let c = 0;
      for (let i = 0; i < n; i++) c += calendar.workingDaysBetween(days[i], later[i]);
      return c;
    }),
  ];

  console.log(`calendar benchmark — node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"} x${os.cpus().length}, one core used`);
  console.log(`${n} different clocks per round, median of ${rounds} rounds\n`);
  const width = Math.max(...results.map((r) => r.label.length));
  for (const r of results) {
    console.log(`${r.label.padEnd(width)}  ${r.perSecond.toLocaleString("en-US").padStart(12)} /s  ${String(r.microsEach).padStart(7)} µs each`);
  }
  console.log(`\n${JSON.stringify({ bench: "calendar", n, rounds, results: results.map(({ check: _check, ...r }) => r) })}`);
}

main();
