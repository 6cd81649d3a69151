#!/usr/bin/env node
"use strict";
// Every benchmark of bench/ on an earlier commit and on this working tree, in one run: for each
// benchmark in turn, the earlier commit on the machine's own Node and on this tree's pinned
// Node, then this tree on its pinned Node. Running them back to back, benchmark by benchmark,
// keeps what else the machine is doing about the same for the three, which separate runs on a
// shared machine do not.
//
//   pnpm bench:compare [--base <commit>] [--old-node /usr/bin/node] [--quick] [--only cases,joint]
//
// The earlier commit is checked out as a git worktree in the system's temporary directory,
// installed and built there (its own node_modules; the pnpm store is shared). Each run's whole
// output goes to bench/results/compare-<timestamp>/<bench>.<variant>.log; the lines with the
// headline figures of each benchmark are printed side by side at the end. --quick shortens
// every benchmark (fewer requests, shorter loads) for a look in a few minutes; its figures are
// noisier.
const { execFileSync, spawnSync } = require("node:child_process");
const { existsSync, mkdirSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const root = join(__dirname, "..");

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] && !process.argv[at + 1].startsWith("--") ? process.argv[at + 1] : fallback;
}
const quick = process.argv.includes("--quick");
const base = option("base", "8825aba");
const oldNode = option("old-node", "/usr/bin/node");
const only = option("only", "")
  .split(",")
  .filter(Boolean);

/**
 * Each benchmark: its arguments (full and quick), and the output lines that carry its headline
 * figures. The full arguments are each benchmark's own defaults, bar the two longest loads.
 */
const benchmarks = [
  {
    name: "calendar",
    full: [],
    quick: ["--n", "50000", "--rounds", "3"],
    headline: [/^deadlineOf, no suspensions/, /^timeLimitStatus/, /^addWorkingDays/],
  },
  {
    name: "gateway-auth",
    full: [],
    quick: ["--n", "1000", "--warmup", "100", "--micro", "5000"],
    headline: [/^no token|^one citizen's token|^a token never seen|^access-token verify|^identity (sign|verify)/],
  },
  {
    name: "staffing-authz",
    full: [],
    quick: ["--checks", "5000", "--roster", "200"],
    headline: [/^sequential|^16 concurrent|^veto|^through the gateway|^straight to staffing|^gateway, 8 clients/],
  },
  {
    name: "catalog-search",
    full: ["--duration", "10", "--warmup", "3"],
    quick: ["--duration", "4", "--warmup", "1"],
    headline: [/^(saturated|paced|single)\s+(gateway|direct)/],
  },
  {
    name: "cases-throughput",
    full: ["--duration", "20", "--warmup", "5"],
    quick: ["--duration", "8", "--warmup", "2"],
    headline: [/^complete cases|^MySQL single-row|^CPU, %/],
  },
  {
    name: "fees-bank",
    full: [],
    quick: ["--payments", "1000", "--warmup", "50", "--lines", "20000"],
    headline: [/^payments:|^reconciliation of/],
  },
  {
    name: "joint-saga",
    full: ["--kill"],
    quick: ["--approvals", "200", "--kill"],
    headline: [/^all \d+ joint approvals|^bus:|^exactly once|kill/i],
  },
  {
    name: "gateway-libraries",
    full: [],
    quick: ["--rounds", "2"],
    headline: [/^(typical|page|aliases|field|deep|hostile)|ops\/s|req\/s/i],
  },
  {
    name: "entity-references",
    full: [],
    quick: ["--n", "50"],
    headline: [/workbench|joint/i],
  },
  {
    name: "foundation",
    full: ["--n", "1000"],
    quick: ["--n", "500", "--warmup", "50"],
    headline: [/^(first|warm) start|^all six services|^gateway: one query|^direct sum|^Gateway overhead/],
  },
].filter((b) => only.length === 0 || only.some((o) => b.name.startsWith(o)));

function run(command, args, options = {}) {
  execFileSync(command, args, { stdio: "inherit", ...options });
}

/** The earlier commit, installed and built in a worktree of its own. */
function checkoutBase() {
  const commit = execFileSync("git", ["rev-parse", "--short", base], { cwd: root, encoding: "utf8" }).trim();
  const dir = join(tmpdir(), `onestop-bench-${commit}`);
  if (!existsSync(join(dir, "package.json"))) {
    run("git", ["worktree", "add", "--detach", "--force", dir, commit], { cwd: root });
  }
  run("pnpm", ["install", "--frozen-lockfile", "--silent"], { cwd: dir });
  run(process.execPath, ["scripts/build.js"], { cwd: dir });
  return { commit, dir };
}

function main() {
  const earlier = checkoutBase();
  run(process.execPath, ["scripts/build.js"], { cwd: root });
  const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  const version = (node) => execFileSync(node, ["-p", "process.version"], { encoding: "utf8" }).trim();
  const variants = [
    { label: `${earlier.commit} on ${version(oldNode)}`, key: "base-old", dir: earlier.dir, node: oldNode },
    { label: `${earlier.commit} on ${process.version}`, key: "base-new", dir: earlier.dir, node: process.execPath },
    { label: `${head}+ on ${process.version}`, key: "head", dir: root, node: process.execPath },
  ];
  const out = join(root, "bench", "results", `compare-${new Date().toISOString().replace(/[:.]/g, "-")}`);
  mkdirSync(out, { recursive: true });

  const summary = [];
  for (const bench of benchmarks) {
    for (const variant of variants) {
      const args = [join("bench", `${bench.name}.js`), ...(quick ? bench.quick : bench.full)];
      // A benchmark added since the earlier commit runs on this tree alone.
      if (!existsSync(join(variant.dir, args[0]))) continue;
      console.log(`\n### ${bench.name} · ${variant.label}: node ${args.join(" ")}`);
      const started = Date.now();
      // The benchmarks spawn their services with process.execPath, so the Node that runs the
      // benchmark runs the whole system; PATH is set so any `node` they call is that one too.
      const result = spawnSync(variant.node, args, {
        cwd: variant.dir,
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, PATH: `${join(variant.node, "..")}:${process.env.PATH}` },
      });
      const output = `${result.stdout}\n${result.stderr}`;
      writeFileSync(join(out, `${bench.name}.${variant.key}.log`), output);
      const lines = output.split("\n").filter((line) => bench.headline.some((re) => re.test(line.trim())));
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      summary.push({ bench: bench.name, variant: variant.label, status: result.status, seconds, lines });
      console.log(`exit ${result.status} after ${seconds} s; ${lines.length} headline lines`);
    }
  }

  console.log(`\n===== Side by side (logs in ${out}) =====`);
  for (const bench of benchmarks) {
    console.log(`\n## ${bench.name}`);
    for (const row of summary.filter((s) => s.bench === bench.name)) {
      console.log(`-- ${row.variant} (exit ${row.status}, ${row.seconds} s)`);
      for (const line of row.lines.slice(0, 24)) console.log(`   ${line.trim()}`);
    }
  }
  writeFileSync(join(out, "summary.json"), JSON.stringify({ base, quick, variants, summary }, null, 2));
}

main();
