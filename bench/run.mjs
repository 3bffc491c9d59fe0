// Runs the measurements against the servers scripts/bench.sh started and writes
// OUT/results.json and OUT/table.md. Usage: node bench/run.mjs OUT
import { writeFileSync, readFileSync, readdirSync } from "node:fs";
import { cpus } from "node:os";
import { execFileSync } from "node:child_process";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { chromium } from "playwright-core";
import { breakdown } from "./wasm-breakdown.mjs";
import { runRepeatVisit, repeatVisitRows } from "./repeat-visit.mjs";

const [out = "bench/out"] = process.argv.slice(2);
const BASE = process.env.BASE_URL;
const BIG = process.env.BIG_URL;
const FIFTY = process.env.FIFTY_URL;
const WASM_NAMED = process.env.WASM_NAMED ?? "target/wasm32-unknown-unknown/release/tintuc.wasm";
const DIST = process.env.DIST ?? "dist";
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
  "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"];
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const REAL_RUNS = Number(process.env.LIGHTHOUSE_REAL_RUNS ?? 3);
const LIST_RUNS = Number(process.env.LIST_RUNS ?? 5);
const SEED = "/tin-tuc-su-kien/dai-hoi-dai-bieu-quan-dong-da-lan-thu-xxviii-nhiem-ky-2020-2025";
const PAGES = { home: "/", section: "/kinh-te", article: SEED, "static article": "/bench/seed-static.html" };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Lighthouse mobile on every page: simulated throttling (the scores), or with `real` the
 *  browser's own throttling (devtools), which times what this machine really does. */
async function runLighthouse({ real = false } = {}) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  const results = {};
  const pages = real ? Object.fromEntries(Object.entries(PAGES).filter(([name]) => name !== "static article")) : PAGES;
  try {
    for (const [name, path] of Object.entries(pages)) {
      const runs = [];
      for (let i = 0; i < (real ? REAL_RUNS : RUNS); i++) {
        const { lhr } = await lighthouse(`${BASE}${path}`, {
          port: chrome.port, output: "json", logLevel: "error",
          onlyCategories: real ? ["performance"] : ["performance", "accessibility", "best-practices", "seo"],
        }, real ? { extends: "lighthouse:default", settings: { throttlingMethod: "devtools" } } : undefined);
        const audit = (id) => lhr.audits[id]?.numericValue;
        runs.push(real ? {
          performance: lhr.categories.performance.score * 100,
          fcp: audit("first-contentful-paint"), lcp: audit("largest-contentful-paint"),
          tti: audit("interactive"), tbt: audit("total-blocking-time"), bytes: audit("total-byte-weight"),
        } : {
          performance: lhr.categories.performance.score * 100,
          accessibility: lhr.categories.accessibility.score * 100,
          bestPractices: lhr.categories["best-practices"].score * 100,
          seo: lhr.categories.seo.score * 100,
          fcp: audit("first-contentful-paint"), lcp: audit("largest-contentful-paint"),
          tbt: audit("total-blocking-time"), cls: audit("cumulative-layout-shift"), speedIndex: audit("speed-index"),
        });
      }
      const keys = Object.keys(runs[0]);
      results[name] = { runs, median: Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])) };
      process.stderr.write(`lighthouse${real ? " (devtools throttling)" : ""} ${name}: ${JSON.stringify(results[name].median)}\n`);
    }
  } finally {
    await chrome.kill();
  }
  return results;
}

function size(path) {
  const data = readFileSync(path);
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function sizes() {
  const files = readdirSync(DIST);
  const wasm = files.find((f) => f.endsWith("_bg.wasm"));
  const js = files.find((f) => /^tintuc-[0-9a-f]+\.js$/.test(f));
  const css = files.find((f) => f.endsWith(".css"));
  const seedHtml = `${SEED.slice(1)}.html`;
  const result = { wasm: size(`${DIST}/${wasm}`), js: size(`${DIST}/${js}`), css: size(`${DIST}/${css}`), seedHtml: size(`${DIST}/${seedHtml}`) };
  // The rendered page shows its text with the HTML and the stylesheet alone; the app then
  // needs its script, wasm, the manifest, the article and the section page for "Các tin khác".
  const json = ["content/site.json", `content/articles/${SEED.split("/").pop()}.json`, "content/sections/tin-tuc-su-kien/1.json"].map((f) => size(`${DIST}/${f}`));
  // Each rendered page as served, the content it carries included, and that content alone.
  result.pages = Object.fromEntries([["home", "index.html"], ["section", "kinh-te.html"], ["article", seedHtml]].map(([name, file]) => {
    const html = readFileSync(`${DIST}/${file}`, "utf8");
    const carried = /<script type="application\/json" id="tintuc-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    return [name, { html: size(`${DIST}/${file}`), carriedRaw: Buffer.byteLength(carried) }];
  }));
  result.beforeTextBrotli = result.seedHtml.brotli + result.css.brotli;
  result.beforeTextGzip = result.seedHtml.gzip + result.css.gzip;
  result.wholeArticlePageBrotli = result.beforeTextBrotli + result.js.brotli + result.wasm.brotli + json.reduce((s, x) => s + x.brotli, 0);
  return result;
}

/** From a click on a section link: when its JSON had arrived, the first frame that starts with
 *  some of its items in the DOM, the first that starts with all 1,000, and the longest task on
 *  the main thread meanwhile. Checked at the start of each frame, so that frame's own layout and
 *  paint are not included (a MutationObserver querying the list on every insertion would itself
 *  cost more than the rendering it measures). */
async function timeSectionClick(page, title, count = 1000) {
  return page.evaluate(([title, count]) => new Promise((resolve) => {
    const link = [...document.querySelectorAll(".section-nav a")].find((a) => a.textContent.trim() === title);
    const target = link.getAttribute("href");
    const file = `/content/sections/${target.split("/").pop()}/1.json`;
    performance.setResourceTimingBufferSize(10000);
    performance.clearResourceTimings();
    let longestTask = 0;
    const tasks = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration);
    });
    tasks.observe({ type: "longtask" });
    const start = performance.now();
    let firstItems = null;
    const check = () => {
      const list = document.querySelector(".section-page .article-list");
      const here = location.pathname === target;
      if (firstItems === null && here && list?.children.length > 0) firstItems = performance.now() - start;
      if (here && list?.children.length === count) {
        const all = performance.now() - start;
        const json = performance.getEntriesByType("resource").find((e) => e.name.endsWith(file));
        // Long tasks are reported after they end: give the last one a moment to arrive.
        setTimeout(() => {
          tasks.disconnect();
          resolve({ requestSent: json ? json.startTime - start : null, responseEnd: json ? json.responseEnd - start : null, firstItems, all, longestTask });
        }, 50);
      } else {
        requestAnimationFrame(check);
      }
    };
    link.click();
    requestAnimationFrame(check);
  }), [title, count]);
}

// A file loaded ahead (by a link in view, before the click) has no timing of its own: null.
const summarise = (runs) => Object.fromEntries(Object.keys(runs[0]).map((k) => {
  const values = runs.map((r) => r[k]).filter((v) => v !== null);
  return [k, values.length === runs.length ? median(values) : null];
}));

/** Section switches on `site` (a list of `count` items a page), unthrottled and at 4× CPU. */
async function runList(site, count) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.filter((f) => !f.startsWith("--headless")) });
  const result = {};
  try {
    for (const [label, rate] of [["unthrottled", 1], ["cpu4x", 4]]) {
      const render = [];
      const switchTimes = [];
      for (let i = 0; i < LIST_RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await page.goto(`${site}/`);
        // The clicks are the app's: wait until it has hydrated the rendered home page.
        await page.waitForFunction(() => document.getElementById("app")?.hasAttribute("data-running"));
        if (rate !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate });
        render.push(await timeSectionClick(page, "Kinh tế", count));
        switchTimes.push(await timeSectionClick(page, "Chính trị", count));
        await context.close();
      }
      result[label] = { render: summarise(render), switch: summarise(switchTimes), renderRuns: render, switchRuns: switchTimes };
      process.stderr.write(`list of ${count} ${label}: ${JSON.stringify({ render: result[label].render, switch: result[label].switch })}\n`);
    }
  } finally {
    await browser.close();
  }
  return result;
}

/** Client-side navigation from the home page, click to the new page's h1 on screen (the first
 *  frame that starts with it), as a reader does it: the home page has been open a second. */
async function runNavigation() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.filter((f) => !f.startsWith("--headless")) });
  const result = {};
  const targets = {
    section: { link: (d) => [...d.querySelectorAll(".section-nav a")].find((a) => a.textContent.trim() === "Kinh tế"), h1: "main h1.page-title" },
    article: { link: (d) => d.querySelector("[data-testid=lead-story] h2 a"), h1: "main h1.article__title" },
  };
  try {
    for (const [label, rate] of [["unthrottled", 1], ["cpu4x", 4]]) {
      for (const [name, target] of Object.entries(targets)) {
        const runs = [];
        for (let i = 0; i < LIST_RUNS; i++) {
          const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await page.goto(`${BASE}/`);
          await page.waitForFunction(() => document.getElementById("app")?.hasAttribute("data-running"));
          await page.waitForTimeout(1000);
          if (rate !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate });
          runs.push(await page.evaluate(([find, h1]) => new Promise((resolve) => {
            const link = new Function("d", `return (${find})(d)`)(document);
            const start = performance.now();
            const check = () => (document.querySelector(h1) ? resolve(performance.now() - start) : requestAnimationFrame(check));
            link.click();
            requestAnimationFrame(check);
          }), [target.link.toString(), target.h1]));
          await context.close();
        }
        result[`${label} ${name}`] = { median: median(runs), runs };
        process.stderr.write(`navigation ${label} home → ${name}: ${median(runs)} ms\n`);
      }
    }
  } finally {
    await browser.close();
  }
  return result;
}

const chromiumVersion = execFileSync(CHROMIUM, ["--version"]).toString().trim();
const lh = await runLighthouse();
const lhReal = await runLighthouse({ real: true });
const list = await runList(BIG, 1000);
const served = { 8: await runList(BASE, 8), 50: await runList(FIFTY, 50) };
const navigation = await runNavigation();
const repeatVisit = await runRepeatVisit({ base: BASE, log: process.env.ACCESS_LOG, seed: SEED, chromiumPath: CHROMIUM, flags: FLAGS });
const wasmParts = breakdown(readFileSync(WASM_NAMED));
// The first section's page as readers download it (uncompressed: the server's compression is
// not what the app parses).
list.jsonBytes = (await fetch(`${BIG}/content/sections/kinh-te/1.json`, { headers: { "accept-encoding": "identity" } }).then((r) => r.arrayBuffer())).byteLength;
const bytes = sizes();
const results = {
  date: new Date().toISOString(),
  machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, chromium: chromiumVersion, lighthouse: "12.2.3", lighthouseRuns: RUNS, listRuns: LIST_RUNS },
  lighthouse: lh,
  lighthouseReal: lhReal,
  ratio: {
    fcp: lh.article.median.fcp / lh["static article"].median.fcp,
    lcp: lh.article.median.lcp / lh["static article"].median.lcp,
  },
  sizes: bytes,
  wasmParts: { code: wasmParts.code, data: wasmParts.data, byOwner: wasmParts.byOwner.slice(0, 20) },
  list,
  served,
  navigation,
  repeatVisit,
};
writeFileSync(`${out}/results.json`, JSON.stringify(results, null, 2) + "\n");

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => (n === null ? "loaded ahead" : `${Math.round(n)} ms`);
const range = (runs, key, format = (x) => x) => `${format(Math.min(...runs.map((r) => r[key])))}–${format(Math.max(...runs.map((r) => r[key])))}`;
const rows = Object.entries(lh).map(([name, { median: m, runs }]) =>
  `| ${name} | ${m.performance} (${range(runs, "performance")}) | ${m.accessibility} | ${m.bestPractices} | ${m.seo} | ${ms(m.fcp)} | ${ms(m.lcp)} | ${ms(m.tbt)} (${range(runs, "tbt", ms)}) | ${m.cls.toFixed(3)} | ${ms(m.speedIndex)} |`);
const servedRows = Object.entries(served).flatMap(([count, byCpu]) =>
  [["unthrottled", "unthrottled"], ["cpu4x", "4× slowdown"]].map(([key, cpu]) => {
    const m = byCpu[key].switch;
    return `| ${count} | ${cpu} | ${ms(m.responseEnd)} | ${ms(m.firstItems)} | ${ms(m.all)} | ${m.longestTask > 0 ? ms(m.longestTask) : "none over 50 ms"} |`;
  }));
const table = [
  `Lighthouse ${results.machine.lighthouse}, mobile, simulated throttling; median of ${RUNS} runs (${results.date.slice(0, 10)}, ${results.machine.cores} cores, ${chromiumVersion}).`,
  "",
  "Performance and TBT: the median, and the lowest and highest of the runs (every run is in results.json).",
  "",
  "| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | Speed Index |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ...rows,
  "",
  `Seed article against its static HTML: FCP ×${results.ratio.fcp.toFixed(2)}, LCP ×${results.ratio.lcp.toFixed(2)}.`,
  "",
  `Lighthouse with the browser's own (devtools) throttling instead of simulation, median of ${REAL_RUNS} runs: what this machine really does on a throttled connection and CPU; bytes are everything a first visit transfers.`,
  "",
  "| page | performance | FCP | LCP | time to interactive | TBT | bytes transferred |",
  "| --- | --- | --- | --- | --- | --- | --- |",
  ...Object.entries(lhReal).map(([name, { median: m }]) => `| ${name} | ${m.performance} | ${ms(m.fcp)} | ${ms(m.lcp)} | ${ms(m.tti)} | ${ms(m.tbt)} | ${kib(m.bytes)} |`),
  "",
  "| asset | raw | gzip | brotli |",
  "| --- | --- | --- | --- |",
  ...["wasm", "js", "css", "seedHtml"].map((k) => `| ${k} | ${kib(bytes[k].raw)} | ${kib(bytes[k].gzip)} | ${kib(bytes[k].brotli)} |`),
  "",
  `Bytes the seed article needs before its text shows (rendered HTML + CSS): ${kib(bytes.beforeTextBrotli)} brotli, ${kib(bytes.beforeTextGzip)} gzip; the whole page with the app and its JSON: ${kib(bytes.wholeArticlePageBrotli)} brotli.`,
  "",
  "Each rendered page as served, with the content it carries for hydration (that content's raw size apart):",
  "",
  "| page | raw | gzip | brotli | carried content, raw |",
  "| --- | --- | --- | --- | --- |",
  ...Object.entries(bytes.pages).map(([name, p]) => `| ${name} | ${kib(p.html.raw)} | ${kib(p.html.gzip)} | ${kib(p.html.brotli)} | ${kib(p.carriedRaw)} |`),
  "",
  `What the wasm is made of: code bytes per crate (the app by module), from the names in cargo's output before wasm-bindgen and wasm-opt (${kib(wasmParts.code + wasmParts.data)} of code and data there; the release file is smaller, in about these shares).`,
  "",
  "| crate or module | bytes | share |",
  "| --- | --- | --- |",
  ...wasmParts.byOwner.slice(0, 15).map(([name, n]) => `| ${name} | ${kib(n)} | ${(100 * n / (wasmParts.code + wasmParts.data)).toFixed(1)}% |`),
  "",
  `Section switches at the page sizes the site serves (the sample's 8, and 50), median of ${LIST_RUNS} runs, in ms from the click: the JSON in ("loaded ahead" when the first links in view of the page before had loaded it before the click), the first frame with the top of the list, the first with all of it, the longest task.`,
  "",
  "| items | CPU | JSON in | first items | all items | longest task |",
  "| --- | --- | --- | --- | --- | --- |",
  ...servedRows,
  "",
  `Client-side navigation from the home page on a phone (375 px), the home page open a second, click to the new page's h1 on screen, median of ${LIST_RUNS} runs:`,
  "",
  "| CPU | home → section | home → article |",
  "| --- | --- | --- |",
  ...["unthrottled", "cpu4x"].map((cpu) => `| ${cpu === "cpu4x" ? "4× slowdown" : cpu} | ${ms(navigation[`${cpu} section`].median)} | ${ms(navigation[`${cpu} article`].median)} |`),
  "",
  "A first and a repeat visit on a phone with the service worker: a new tab in the same browser opens the home page, then the seed article (the repeat minutes after the first); body bytes the server sent, from its access log, with what the worker fetched for itself:",
  "",
  ...repeatVisitRows(repeatVisit),
  "",
  `Scale figure, no target: a 1,000-article section list (${kib(list.jsonBytes)} of JSON from local nginx), median of ${LIST_RUNS} runs, in ms from the click: when the request for its JSON was sent and when the JSON had arrived; the first frame that starts with the top of the list in the DOM; the first that starts with all 1,000 items (each frame's own layout and paint not included); the longest main-thread task meanwhile.`,
  "",
  "| CPU | page | request sent | JSON in | first items | all 1,000 | longest task |",
  "| --- | --- | --- | --- | --- | --- | --- |",
  ...[["unthrottled", "unthrottled"], ["cpu4x", "4× slowdown"]].flatMap(([key, cpu]) =>
    [["render", "first section"], ["switch", "switch to another"]].map(([kind, label]) => {
      const m = list[key][kind];
      // The Long Tasks API reports only tasks over 50 ms.
      const longest = m.longestTask > 0 ? ms(m.longestTask) : "none over 50 ms";
      return `| ${cpu} | ${label} | ${ms(m.requestSent)} | ${ms(m.responseEnd)} | ${ms(m.firstItems)} | ${ms(m.all)} | ${longest} |`;
    })),
].join("\n");
writeFileSync(`${out}/table.md`, table + "\n");
console.log(table);
