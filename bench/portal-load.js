#!/usr/bin/env node
// Portal load benchmark (issue 17, "Measure and report"): the county web portal as a person's
// browser first meets it, in headless Chromium (Debian's, through playwright-core), served by the
// gateway of the real system on the seeded county's public catalog.
//
//   node scripts/build.js && node bench/portal-load.js [--loads 5] [--queries 50]
//
// Three figures:
//   cold loads   --loads times each, the home page and one item page (普通护照签发), every time in
//                a fresh browser context (empty HTTP cache): bytes on the wire per resource type
//                (CDP Network.loadingFinished encodedDataLength: headers and body as sent, after
//                any content encoding), whether the gateway compressed them, and the time from
//                navigation start (the page's own clock) until the search box answers — the words
//                put in the box, the first matching result rendered — or, on the item page,
//                until the disclosure shows, from marks the page itself takes (marksScript). The
//                harness types once the box is there, late on a loaded machine (it runs the
//                system too); the goal is judged on the answer less that delay, and both are
//                printed. Goals: under 300 KB of JavaScript, under 1.5 s.
//   as-you-type  --queries different keywords typed into the home page's search box at 30 ms
//                a key (pinyin initials and Chinese words): the time from the last key's input
//                event to the results rendered, on the page's clock (the portal waits 250 ms
//                after the last key before it asks, so that is in the figure), and the GraphQL
//                request's own round trip. Each keyword twice: in one context, the gateway's
//                public cache not yet holding it (a miss), then at once in a second context (no
//                client-side cache) whose same query the public cache answers (a hit, as its
//                x-onestop-cache header says). Reported: the p95 through the public cache.
//   build        the portal's JS files in apps/portal/dist/assets, raw and gzipped.
//
// The system runs in this process (six subgraphs and the gateway, as the tests run it), with
// databases and a NATS namespace of its own, dropped at the start; the browser is a process of
// its own. Results are printed and written to bench/results/portal-load-<timestamp>.json.
"use strict";

const { integerOptions } = require("./support/options");
const { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } = require("node:fs");
const os = require("node:os");
const { join } = require("node:path");
const { performance } = require("node:perf_hooks");
const { gzipSync } = require("node:zlib");
const { requireBuilt } = require("./support/require-built");

const root = join(__dirname, "..");
const resultsDir = join(__dirname, "results");
const portalDist = join(root, "apps", "portal", "dist");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const testkit = requireBuilt("packages/testkit/dist/index.js");
const seed = requireBuilt("packages/seed/dist/index.js");
const { openSeedWindowsIfMissing } = requireBuilt("packages/seed/dist/catalog-windows.js");
const { seedItemsStep } = requireBuilt("packages/seed/dist/items.js");
// The portal's own browser driver (its browser tests use it); the bench adds no copy of its own.
const { chromium } = require(require.resolve("playwright-core", { paths: [join(root, "apps", "portal")] }));

const GOALS = { javascriptKB: 300, answerMs: 1500 };
const DEBOUNCE_MS = 250; // apps/portal/src/pages/Home.tsx
const LOAD_QUERY = { words: "护照", expect: "普通护照签发" };

function parseArgs(argv) {
  return integerOptions(argv, { loads: 5, queries: 50 });
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const round = (x) => Math.round(x * 10) / 10;
  return { n: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1]) };
}

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

// ---------------------------------------------------------------------------------------------
// One page in a fresh context, with what crossed the wire

const resourceClass = { Script: "js", Stylesheet: "css", Document: "html", Fetch: "data", XHR: "data" };

/**
 * Runs in the page before its own scripts (Chromium injects it; the portal's CSP does not apply):
 * the page's clock when the search box, the first result for the words typed and an item's
 * disclosure first enter the DOM, when the first and the last input events fire, and when the
 * results last stopped being busy (an answer rendered), so that the harness's
 * own delays (a loaded machine stretches its round trips to the browser) stay out of the figures.
 */
const marksScript = `(() => {
  const marks = (window.__benchMarks = {});
  const expected = ${JSON.stringify(LOAD_QUERY.expect)};
  document.addEventListener("input", () => {
    marks.typedMs ??= performance.now();
    marks.lastInputMs = performance.now();
  }, true);
  new MutationObserver((records) => {
    // The results stop being busy: an answer has been rendered.
    for (const record of records) {
      if (record.type === "attributes" && record.target.dataset.testid === "results" && record.target.getAttribute("aria-busy") === "false") marks.settledMs = performance.now();
    }
    marks.boxMs ??= document.querySelector('[data-testid="search-input"]') ? performance.now() : undefined;
    marks.disclosureMs ??= document.querySelector('[data-testid="disclosure-fees"]') ? performance.now() : undefined;
    if (marks.typedMs !== undefined && marks.answeredMs === undefined) {
      for (const link of document.querySelectorAll('[data-testid="results"] a')) if (link.textContent === expected) marks.answeredMs = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["aria-busy"] });
})();`;

async function openCold(browser) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  await context.addInitScript(marksScript);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  cdp.on("Network.responseReceived", ({ requestId, type, response }) => {
    requests.set(requestId, { url: response.url, type, encoding: response.headers["content-encoding"] ?? response.headers["Content-Encoding"] ?? null, status: response.status });
  });
  cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength }) => {
    const request = requests.get(requestId);
    if (request) request.wire = encodedDataLength;
  });
  await cdp.send("Network.enable");
  // Each page has run its course (lazy chunks, the departments list) before its bytes are counted.
  const wire = async () => {
    await page.waitForLoadState("networkidle");
    const byClass = { js: 0, css: 0, html: 0, data: 0, other: 0 };
    const scripts = [];
    for (const request of requests.values()) {
      if (request.wire === undefined) continue;
      byClass[resourceClass[request.type] ?? "other"] += request.wire;
      if (request.type === "Script") scripts.push({ path: new URL(request.url).pathname, wire: request.wire, encoding: request.encoding });
    }
    return { byClass, total: Object.values(byClass).reduce((a, b) => a + b, 0), scripts, requests: requests.size };
  };
  return { context, page, wire };
}

const marksOf = (page) => page.evaluate("window.__benchMarks");
/** The page's navigation timing: its scripts fetched, parsed and run by DOMContentLoaded (they are modules, so deferred). */
const navigationTiming = (page) =>
  page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0]; return { responseEndMs: n.responseEnd, domContentLoadedMs: n.domContentLoadedEventEnd, loadMs: n.loadEventEnd }; })()");

/** The GraphQL answer to the search for `words`, as the page receives it. */
function searchAnswer(page, words) {
  return page.waitForResponse((response) => {
    if (!response.url().endsWith("/graphql")) return false;
    const body = response.request().postDataJSON();
    return body?.operationName === "SearchItems" && body.variables?.keyword === words;
  });
}

async function coldHome(browser, origin) {
  const { context, page, wire } = await openCold(browser);
  try {
    await page.goto(`${origin}/`, { waitUntil: "commit" });
    const box = page.getByTestId("search-input");
    await box.waitFor();
    const answer = searchAnswer(page, LOAD_QUERY.words);
    await box.fill(LOAD_QUERY.words);
    await answer;
    await page.getByRole("link", { name: LOAD_QUERY.expect }).waitFor();
    const marks = await marksOf(page);
    return { boxShownMs: marks.boxMs, typedMs: marks.typedMs, answeredMs: marks.answeredMs, ...(await wire()), ...(await navigationTiming(page)) };
  } finally {
    await context.close();
  }
}

async function coldItem(browser, origin, itemId) {
  const { context, page, wire } = await openCold(browser);
  try {
    await page.goto(`${origin}/items/${itemId}`, { waitUntil: "commit" });
    await page.getByTestId("disclosure-fees").waitFor();
    const shownMs = (await marksOf(page)).disclosureMs;
    return { shownMs, ...(await wire()), ...(await navigationTiming(page)) };
  } finally {
    await context.close();
  }
}

/** The home page in a context of its own, ready for keywords typed into its box. */
async function searchBox(browser, origin) {
  const { context, page } = await openCold(browser);
  await page.goto(`${origin}/`);
  const box = page.getByTestId("search-input");
  await box.waitFor();
  await page.locator('[data-testid="results"][aria-busy="false"]').waitFor();
  /** Types `words` as a person does; the two times and the public cache's answer. */
  const type = async (words) => {
    // All keys but the last within the debounce (30 ms apart), so only the whole words are asked for.
    await box.fill("");
    const answer = searchAnswer(page, words);
    const chars = [...words];
    if (chars.length > 1) await box.pressSequentially(chars.slice(0, -1).join(""), { delay: 30 });
    await box.pressSequentially(chars[chars.length - 1]);
    const response = await answer;
    await page.locator('[data-testid="results"][aria-busy="false"]').waitFor();
    // The page's clock: from the last key's input event to the answer rendered.
    const marks = await marksOf(page);
    if (!(marks.settledMs > marks.lastInputMs)) throw new Error(`"${words}": no answer rendered after the last key`);
    const updatedMs = marks.settledMs - marks.lastInputMs;
    const timing = response.request().timing();
    return { words, updatedMs, requestMs: timing.responseEnd - timing.requestStart, cache: (await response.allHeaders())["x-onestop-cache"] ?? "none" };
  };
  return { type, close: () => context.close() };
}

// ---------------------------------------------------------------------------------------------

/** The build's JS files, raw and as gzip -9 would send them. */
function buildSizes() {
  const assets = join(portalDist, "assets");
  return readdirSync(assets)
    .filter((name) => name.endsWith(".js"))
    .map((name) => {
      const content = readFileSync(join(assets, name));
      return { name, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
    })
    .sort((a, b) => b.raw - a.raw);
}

/** Distinct keywords a person might type: pinyin initials and the first words of the items' names. */
async function keywordsFrom(gatewayUrl, count) {
  const answer = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "query($c: String!) { searchItems(centerCode: $c, first: 100) { nodes { name } } }", variables: { c: seed.demoCenter.centerCode } }),
  }).then((r) => r.json());
  if (!answer.data) throw new Error(`the items' names: ${JSON.stringify(answer.errors)}`);
  const names = answer.data.searchItems.nodes.map((n) => n.name);
  const words = new Set(["hz", "sb", "jsgc", "xk", "qy", "yyzz", "gjj", "hy", "spjy", "bdc"]);
  for (const name of names) {
    if (words.size >= count) break;
    const head = [...name].slice(0, 2).join("");
    if (head !== LOAD_QUERY.words) words.add(head);
  }
  words.delete(LOAD_QUERY.words);
  return [...words].slice(0, count);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(portalDist, "index.html"))) throw new Error("apps/portal/dist is missing: node scripts/build.js (or pnpm bench:portal)");
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  // Dropped and made again at every start, as the other benches' are.
  const environment = {
    databasePrefix: "onestop_bench_portal",
    namespace: "bench_portal",
    keysDir: join(root, ".local", "test-keys"),
    logLevel: process.env.BENCH_LOG_LEVEL ?? "silent",
  };
  const log = (line) => process.stderr.write(`${line}\n`);
  log(`Portal load bench: starting the system (${environment.databasePrefix}_*)…`);
  await testkit.resetEnvironment(environment);
  const system = await testkit.startSystem(environment);
  let browser;
  try {
    const origin = new URL(system.gatewayUrl).origin;
    const adminToken = await testkit.mintAccessToken(system.keys, { subject: "bench-admin", roles: ["center_admin"], centerCode: seed.demoCenter.centerCode }, { expiresInSeconds: 3600 });
    const seedStarted = performance.now();
    await seed.seedCounty({ gatewayUrl: system.gatewayUrl, adminToken }, [seed.seedSteps.departments, openSeedWindowsIfMissing, seedItemsStep]);
    log(`  seeded the public catalog in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    const item = await fetch(system.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query($c: String!, $k: String) { searchItems(centerCode: $c, keyword: $k, first: 5) { nodes { id name } } }", variables: { c: seed.demoCenter.centerCode, k: LOAD_QUERY.words } }),
    })
      .then((r) => r.json())
      .then((r) => r.data.searchItems.nodes.find((n) => n.name === LOAD_QUERY.expect));
    if (!item) throw new Error(`the seeded catalog has no ${LOAD_QUERY.expect}`);
    const keywords = await keywordsFrom(system.gatewayUrl, options.queries);

    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
    // One load nobody counts: the system's and Chromium's first-request costs (JIT, pools) are not the portal's.
    await coldHome(browser, origin);

    log(`  ${options.loads} cold loads of the home page and of the item page…`);
    const home = [];
    const itemPage = [];
    for (let i = 0; i < options.loads; i++) {
      home.push(await coldHome(browser, origin));
      itemPage.push(await coldItem(browser, origin, item.id));
    }
    log(`  ${keywords.length} keywords typed in one browser, then each again in another through the public cache…`);
    // Each keyword first in one browser (the public cache has not seen it: a miss), then at once in
    // another (no client-side cache there) whose same query the gateway answers from its cache;
    // at once, because the cache keeps an answer only PUBLIC_CACHE_TTL_SECONDS (10 s by default).
    const first = await searchBox(browser, origin);
    const second = await searchBox(browser, origin);
    const cold = [];
    const warm = [];
    for (const words of keywords) {
      cold.push(await first.type(words));
      warm.push(await second.type(words));
    }
    await first.close();
    await second.close();
    const loadAverage = os.loadavg();

    const build = buildSizes();
    const summarizeLoads = (loads) => {
      const first = loads[0];
      return {
        wireKB: Object.fromEntries(Object.entries(first.byClass).map(([k, v]) => [k, kb(v)])),
        totalKB: kb(first.total),
        scripts: first.scripts.map((s) => ({ ...s, wireKB: kb(s.wire), gzipKB: kb(build.find((b) => s.path.endsWith(`/${b.name}`))?.gzip ?? NaN) })),
        jsEncodings: [...new Set(first.scripts.map((s) => s.encoding ?? "identity"))],
        jsWireKBRange: [kb(Math.min(...loads.map((l) => l.byClass.js))), kb(Math.max(...loads.map((l) => l.byClass.js)))],
      };
    };
    const timingOf = (loads) => ({
      htmlReceivedMs: stats(loads.map((l) => l.responseEndMs)),
      domContentLoadedMs: stats(loads.map((l) => l.domContentLoadedMs)),
    });
    const homeSummary = { ...summarizeLoads(home), ...timingOf(home), boxShownMs: stats(home.map((l) => l.boxShownMs)), harnessTypedMs: stats(home.map((l) => l.typedMs - l.boxShownMs)),
      answeredMs: stats(home.map((l) => l.answeredMs)),
      // Had the words gone in the moment the box appeared: the page's figure, not the harness's.
      answeredNetMs: stats(home.map((l) => l.answeredMs - (l.typedMs - l.boxShownMs))),
    };
    const itemSummary = { ...summarizeLoads(itemPage), ...timingOf(itemPage), shownMs: stats(itemPage.map((l) => l.shownMs)) };
    const jsIfGzipped = (summary) => Math.round(summary.scripts.reduce((sum, s) => sum + s.gzipKB, 0) * 10) / 10;
    const typing = {
      gatewayCacheCold: { updatedMs: stats(cold.map((s) => s.updatedMs)), requestMs: stats(cold.map((s) => s.requestMs)), cache: tally(cold) },
      throughPublicCache: { updatedMs: stats(warm.map((s) => s.updatedMs)), requestMs: stats(warm.map((s) => s.requestMs)), cache: tally(warm) },
    };
    const goals = {
      "home JS on the wire < 300 KB": [homeSummary.wireKB.js, homeSummary.wireKB.js < GOALS.javascriptKB],
      "item JS on the wire < 300 KB": [itemSummary.wireKB.js, itemSummary.wireKB.js < GOALS.javascriptKB],
      "home: search box answers < 1.5 s (p95)": [homeSummary.answeredNetMs.p95, homeSummary.answeredNetMs.p95 < GOALS.answerMs],
      "item: disclosure shown < 1.5 s (p95)": [itemSummary.shownMs.p95, itemSummary.shownMs.p95 < GOALS.answerMs],
    };

    const lines = [];
    const say = (line = "") => lines.push(line);
    say();
    say(`Portal load benchmark — ${new Date().toISOString()}`);
    say(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model?.trim()}), Node ${process.version}; load average at the end ${loadAverage.map((x) => x.toFixed(2)).join(" / ")}`);
    say(`Browser: ${browser.version()} headless, 1366×768, fresh context (empty cache) per load; ${options.loads} loads of each page after one uncounted`);
    say();
    say("  cold load          JS KB  CSS KB  HTML KB  data KB  other KB  total KB   JS encoding   JS if gzipped KB");
    for (const [name, s] of [["home /", homeSummary], ["item /items/:id", itemSummary]]) {
      const w = s.wireKB;
      say(
        `  ${name.padEnd(16)} ${String(w.js).padStart(7)} ${String(w.css).padStart(7)} ${String(w.html).padStart(8)} ${String(w.data).padStart(8)} ${String(w.other).padStart(9)} ${String(s.totalKB).padStart(9)}   ${s.jsEncodings.join(",").padEnd(13)} ${String(jsIfGzipped(s)).padStart(16)}`,
      );
    }
    say(`  (bytes on the wire, headers included, from CDP encodedDataLength; JS over the ${options.loads} loads ${homeSummary.jsWireKBRange.join("–")} KB on the home page)`);
    say();
    say(`  time from navigation start (ms)${" ".repeat(45)}p50      p95      max`);
    const row = (label, s) => say(`  ${label.padEnd(70)} ${String(s.p50).padStart(8)} ${String(s.p95).padStart(8)} ${String(s.max).padStart(8)}`);
    row("home: HTML received", homeSummary.htmlReceivedMs);
    row("home: DOMContentLoaded (the scripts fetched and run)", homeSummary.domContentLoadedMs);
    row("home: search box in the DOM", homeSummary.boxShownMs);
    row("  (then the harness typed the words after)", homeSummary.harnessTypedMs);
    row(`home: search box answers ("${LOAD_QUERY.words}" → first result in the DOM, incl. ${DEBOUNCE_MS} ms wait)`, homeSummary.answeredMs);
    row("home: search box answers, less the harness's delay in typing", homeSummary.answeredNetMs);
    row("item: DOMContentLoaded (the scripts fetched and run)", itemSummary.domContentLoadedMs);
    row("item: disclosure in the DOM", itemSummary.shownMs);
    say();
    say(`  search as you type, ${keywords.length} keywords (ms)${" ".repeat(36)}p50      p95      max   x-onestop-cache`);
    for (const [label, t] of [["gateway's public cache cold", typing.gatewayCacheCold], ["through the public cache", typing.throughPublicCache]]) {
      const cache = Object.entries(t.cache).map(([k, v]) => `${k} ${v}`).join(", ");
      say(`  ${`${label}: last key → results rendered`.padEnd(66)} ${String(t.updatedMs.p50).padStart(8)} ${String(t.updatedMs.p95).padStart(8)} ${String(t.updatedMs.max).padStart(8)}   ${cache}`);
      say(`  ${`${label}: the GraphQL request alone`.padEnd(66)} ${String(t.requestMs.p50).padStart(8)} ${String(t.requestMs.p95).padStart(8)} ${String(t.requestMs.max).padStart(8)}`);
    }
    say(`  (keystroke to results includes the portal's ${DEBOUNCE_MS} ms wait after the last key)`);
    say();
    say(`  vite build, JS: ${build.length} files, ${kb(build.reduce((a, b) => a + b.raw, 0))} KB raw, ${kb(build.reduce((a, b) => a + b.gzip, 0))} KB gzipped; largest: ${build.slice(0, 4).map((b) => `${b.name} ${kb(b.raw)}/${kb(b.gzip)}`).join(", ")}`);
    say();
    for (const [goal, [value, met]] of Object.entries(goals)) say(`  Goal ${goal.padEnd(42)} ${String(value).padStart(8)}  ${met ? "met" : "NOT met"}`);
    say(`  Search-as-you-type p95 through the public cache: ${typing.throughPublicCache.updatedMs.p95} ms (keystroke → results), ${typing.throughPublicCache.requestMs.p95} ms (request)`);

    mkdirSync(resultsDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const jsonPath = join(resultsDir, `portal-load-${stamp}.json`);
    writeFileSync(
      jsonPath,
      JSON.stringify({ benchmark: "portal-load", at: new Date().toISOString(), options, loadAverage, browser: browser.version(), home: homeSummary, item: itemSummary, typing, samples: { cold, warm }, build, goals }, null, 2) + "\n",
    );
    say(`Results: ${jsonPath}`);
    process.stdout.write(lines.join("\n") + "\n");
  } finally {
    await browser?.close();
    await system.stop();
  }
}

function tally(samples) {
  const counts = {};
  for (const sample of samples) counts[sample.cache] = (counts[sample.cache] ?? 0) + 1;
  return counts;
}

main().catch((error) => {
  process.stderr.write(`\nBenchmark failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
