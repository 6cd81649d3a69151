#!/usr/bin/env node
// The county's year as a load profile: the seeds' county handled 31,366 cases in its hall and
// 234,246 in its township convenience centers (seeds/004: 县政务服务中心共受理…31366件; 全县乡镇
// 便民中心总计受理业务234246件). This splits that year over the demo county's service centers
// (packages/seed townships.ts: the hall, 20 townships, their village points) and turns it into
// the rates the whole-system benchmark will drive: cases per working day and per opening
// hour, for the hall, each township, the agency cases (代办) a township takes in for county
// departments, and what the village points take in.
//
//   pnpm bench:townships [--year 2026] [--agent-share 0.3] [--village-share 0.15] [--hours 7] [--peak 2.5] [--json]
//
// The seeds give the two totals only. The split between townships follows the seed's weights
// (illustrative), and the shares of agency cases and of village intake are assumptions, given as
// options and printed with the figures. The profile is exported for other benchmarks:
// `require("./townships").townshipProfile(options)`.
"use strict";

const { mkdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { requireBuilt } = require("./support/require-built");

const HALL_YEAR = 31_366;
const TOWNSHIPS_YEAR = 234_246;

const defaults = { year: 2026, agentShare: 0.3, villageShare: 0.15, hours: 7, peak: 2.5, json: false };

function parseArgs(argv) {
  const options = { ...defaults };
  const names = { year: "year", "agent-share": "agentShare", "village-share": "villageShare", hours: "hours", peak: "peak" };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--json") {
      options.json = true;
      continue;
    }
    const key = names[argv[i].replace(/^--/, "")];
    if (!key) throw new Error(`Unknown argument ${argv[i]} (options: --year, --agent-share, --village-share, --hours, --peak, --json)`);
    const value = Number(argv[++i]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${argv[i - 1]} takes a non-negative number`);
    if ((key === "agentShare" || key === "villageShare") && value > 1) throw new Error(`${argv[i - 1]} is a share between 0 and 1`);
    options[key] = value;
  }
  return options;
}

/** Largest-remainder split of `total` by `weights`: whole cases that add up exactly. */
function split(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const whole = exact.map(Math.floor);
  let left = total - whole.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left === 0) break;
    whole[i] += 1;
    left -= 1;
  }
  return whole;
}

function workingDaysOf(year) {
  const { WorkingCalendar, calendarDay } = requireBuilt("packages/calendar/dist/index.js");
  const calendar = WorkingCalendar.shipped();
  let days = 0;
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    if (calendar.isWorkingDay(calendarDay(d.toISOString().slice(0, 10)))) days += 1;
  }
  return days;
}

/** The year of the county, center by center; every count is whole and the totals are the seeds'. */
function townshipProfile(options = {}) {
  const o = { ...defaults, ...options };
  const { seedTownships, demoCenter } = requireBuilt("packages/seed/dist/index.js");
  const workingDays = workingDaysOf(o.year);
  const perTownship = split(TOWNSHIPS_YEAR, seedTownships.map((t) => t.weight));
  const rate = (year) => ({ perWorkingDay: year / workingDays, perHour: year / workingDays / o.hours, peakPerHour: (year / workingDays / o.hours) * o.peak });
  const townships = seedTownships.map((t, i) => {
    const year = perTownship[i];
    const agent = Math.round(year * o.agentShare);
    const villageIntake = Math.round(year * o.villageShare);
    const perVillage = split(villageIntake, t.villages.map(() => 1));
    return {
      code: t.code,
      name: t.name,
      year,
      own: year - agent,
      agentForCounty: agent,
      villageIntake,
      villages: t.villages.map((v, j) => ({ code: v.code, name: v.name, year: perVillage[j], ...rate(perVillage[j]) })),
      ...rate(year),
    };
  });
  const agentTotal = townships.reduce((s, t) => s + t.agentForCounty, 0);
  return {
    year: o.year,
    workingDays,
    assumptions: { agentShare: o.agentShare, villageShare: o.villageShare, openingHours: o.hours, peakFactor: o.peak, townshipWeights: "packages/seed townships.ts (illustrative)" },
    hall: { code: demoCenter.centerCode, name: demoCenter.name, year: HALL_YEAR, ...rate(HALL_YEAR) },
    townshipsTotal: { year: TOWNSHIPS_YEAR, ...rate(TOWNSHIPS_YEAR) },
    county: { year: HALL_YEAR + TOWNSHIPS_YEAR, ...rate(HALL_YEAR + TOWNSHIPS_YEAR) },
    /** Cases the county's departments decide: the hall's own and the townships' agency cases. */
    countyDecides: { year: HALL_YEAR + agentTotal, ...rate(HALL_YEAR + agentTotal) },
    townships,
  };
}

function print(profile) {
  const n = (x, d = 0) => x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
  const p = profile;
  console.log(`The county's year ${p.year} (${p.workingDays} working days, ${p.assumptions.openingHours} opening hours a day, peak ×${p.assumptions.peakFactor})`);
  console.log(`  hall ${p.hall.name}: ${n(p.hall.year)} cases, ${n(p.hall.perWorkingDay, 1)}/working day, ${n(p.hall.perHour, 1)}/h, peak ${n(p.hall.peakPerHour, 1)}/h`);
  console.log(`  townships (${p.townships.length}): ${n(p.townshipsTotal.year)} cases, ${n(p.townshipsTotal.perWorkingDay, 1)}/working day, ${n(p.townshipsTotal.perHour, 1)}/h`);
  console.log(`  split hall/townships: ${n(p.hall.year)} / ${n(p.townshipsTotal.year)} (${n((100 * p.hall.year) / p.county.year, 1)}% / ${n((100 * p.townshipsTotal.year) / p.county.year, 1)}%)`);
  console.log(`  county total: ${n(p.county.year)} cases, ${n(p.county.perWorkingDay, 1)}/working day, peak ${n(p.county.peakPerHour, 1)}/h (${n(p.county.peakPerHour / 3600, 3)}/s)`);
  console.log(`  decided by county departments (hall + agency ${n(p.assumptions.agentShare * 100)}%): ${n(p.countyDecides.year)} cases, ${n(p.countyDecides.perWorkingDay, 1)}/working day`);
  console.log(`\n  ${"code".padEnd(13)}${"township".padEnd(14)}${"year".padStart(8)}${"own".padStart(8)}${"agency".padStart(8)}${"village".padStart(9)}${"/day".padStart(8)}${"peak/h".padStart(8)}  village points (year)`);
  for (const t of p.townships) {
    const villages = t.villages.map((v) => `${v.name} ${n(v.year)}`).join(", ");
    console.log(
      `  ${t.code.padEnd(13)}${t.name.padEnd(14 - (t.name.length))}${"".padEnd(0)}${n(t.year).padStart(8)}${n(t.own).padStart(8)}${n(t.agentForCounty).padStart(8)}${n(t.villageIntake).padStart(9)}${n(t.perWorkingDay, 1).padStart(8)}${n(t.peakPerHour, 1).padStart(8)}  ${villages}`,
    );
  }
}

if (require.main === module) {
  const options = parseArgs(process.argv.slice(2));
  const profile = townshipProfile(options);
  if (options.json) {
    console.log(JSON.stringify(profile, null, 2));
  } else {
    print(profile);
  }
  const dir = join(__dirname, "results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `townships-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ bench: "townships", ...profile }, null, 2));
  if (!options.json) console.log(`\n  written ${file}`);
}

module.exports = { townshipProfile, split, HALL_YEAR, TOWNSHIPS_YEAR };
