// The search benchmark, tintuc's index and Pagefind side by side on one rendered release folder
// with a large generated archive (scripts/bench-search.sh makes it): the bytes a query downloads
// with a cold cache, the time from Enter to the results on screen (unthrottled and with the CPU
// slowed 4×), whether the expected article comes first, each index's size, and the time from a
// key to its results while typing. Writes OUT/search.json and OUT/search.md.
// Usage: node bench/search/run.mjs TREE OUT
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { indexWithPagefind, pagefindQuery } from "./pagefind.mjs";
import { measureQuery } from "./measure.mjs";
import { serveWithNginx } from "./serve.mjs";

const [tree, out = "bench/out"] = process.argv.slice(2);
// How long scripts/bench-search.sh's `tintuc-content index` took, if it says.
const indexMs = Number(process.env.INDEX_MS ?? 0);
const RUNS = Number(process.env.RUNS ?? 3);
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
  "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"];
const SEED = "Đại hội đại biểu quận Đống Đa lần thứ XXVIII, nhiệm kỳ 2020- 2025";

// The test queries, each with what its first result must be: the seed article by its title, or
// a title holding these words (compared folded, so "lang ha" accepts "Láng Hạ").
const QUERIES = [
  { query: "dai hoi dong da", first: { title: SEED } },
  { query: "Đại hội đại biểu quận Đống Đa", first: { title: SEED } },
  { query: "dong da xxviii", first: { title: SEED } },
  { query: "cap nuoc", first: { has: "cấp nước" } },
  { query: "lang ha", first: { has: "Láng Hạ" } },
  { query: "tiêm chủng", first: { has: "tiêm chủng" } },
  { query: "đường", first: { has: "đường" } },
  { query: "duong", first: { has: "đường" } },
];
// A reader's second search, in the page of the first.
const WARM = ["dai hoi dong da", "tiêm chủng"];
// Typed key by key on a page just opened, for the time from each key to its results.
const TYPED = ["dai hoi dong da", "tiêm chủng mở rộng"];

const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
const firstIsRight = (titles, first) => titles.length > 0 &&
  (first.title ? titles[0] === first.title : fold(titles[0]).includes(fold(first.has)));
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const files = (dir) => readdirSync(dir, { recursive: true }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());

/** Waits until tintuc's app runs on the page (src/lib.rs, RUNNING). */
const appRunning = (page) => page.waitForFunction(() => document.getElementById("app")?.hasAttribute("data-running"));

/** One query on tintuc's search page, already open in `page`: typed (pasted whole, as `fill`
 *  does) and Enter pressed. Timed from the text's input, which starts the search (the page
 *  answers as the reader types, before Enter), to the first frame with its results in the DOM. */
async function tintucQuery(page, query) {
  await appRunning(page);
  await page.evaluate(() => {
    window.__asked = undefined;
    window.addEventListener("input", () => { window.__asked = performance.now(); }, { capture: true, once: true });
  });
  const field = page.locator("#search-field");
  await field.fill(query);
  await field.press("Enter");
  const ms = await page.waitForFunction((q) => {
    const summary = document.querySelector("[data-testid=search-summary]")?.textContent ?? "";
    return summary.includes(`“${q}”`) && performance.now() - window.__asked;
  }, query, { polling: "raf" }).then((h) => h.jsonValue());
  return page.evaluate((ms) => ({
    ms,
    titles: [...document.querySelectorAll(".search-result__title")].map((h) => h.textContent.trim()),
    total: Number((/^([\d.]+) kết quả/.exec(document.querySelector("[data-testid=search-summary]").textContent)?.[1] ?? "0").replace(/\./g, "")),
  }), ms);
}

/** Types `text` key by key (150 ms apart, as a quick typist) into the search page's field and
 *  returns, for each text that got its results, the time from its key to the results in the DOM. */
async function typeKeyByKey(page, text) {
  await appRunning(page);
  await page.evaluate(() => {
    window.__keyAt = {};
    window.__answered = {};
    const field = document.getElementById("search-field");
    // On the window, capturing: before the page's own handler, whose results can be on screen
    // before a later listener would run when every file they need is already fetched.
    window.addEventListener("input", () => { window.__keyAt[field.value.normalize("NFC").trim()] = performance.now(); }, true);
    const summary = document.querySelector("[data-testid=search-summary]");
    new MutationObserver(() => {
      const asked = /“(.*)”/.exec(summary.textContent)?.[1];
      if (asked in window.__keyAt && !(asked in window.__answered)) window.__answered[asked] = performance.now() - window.__keyAt[asked];
    }).observe(summary, { childList: true, characterData: true, subtree: true });
  });
  await page.locator("#search-field").pressSequentially(text, { delay: 150 });
  await page.waitForFunction((t) => t in window.__answered, text.normalize("NFC"));
  // Texts typed whose answer never showed: a later key's came first.
  return page.evaluate(() => ({ answered: window.__answered, typed: Object.keys(window.__keyAt) }));
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

const tintucIndex = files(join(tree, "content/search"));
const ours = {
  files: tintucIndex.length,
  bytes: tintucIndex.reduce((n, f) => n + statSync(f).size, 0),
  gzip: tintucIndex.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 6 }).length, 0),
};
const articles = readdirSync(join(tree, "content/articles")).filter((f) => f.endsWith(".json")).length;
process.stderr.write(`indexing ${articles} articles with Pagefind…\n`);
const pagefind = await indexWithPagefind(tree);

const server = await serveWithNginx(tree);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: FLAGS });
const rows = [];
const typing = [];
const warm = [];
try {
  for (const cpu of [1, 4]) {
    for (const { query, first } of QUERIES) {
      for (const engine of ["tintuc", "Pagefind"]) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) {
          runs.push(engine === "tintuc"
            ? await measureQuery(browser, { url: `${server.url}tim-kiem`, cpu, ready: appRunning, act: (page) => tintucQuery(page, query) })
            // Pagefind searches in a web worker, which CPU throttling does not reach: slowed, it
            // runs on the page's thread, as tintuc's search does.
            : await measureQuery(browser, {
              url: `${server.url}pagefind.html${cpu === 1 ? "" : "?noWorker=1"}`, cpu,
              act: (page) => pagefindQuery(page, server.url, query, { noWorker: cpu !== 1 }),
            }));
        }
        const last = runs.at(-1);
        const row = {
          engine, cpu, query, ms: median(runs.map((r) => r.ms)), msRuns: runs.map((r) => Math.round(r.ms)),
          bytes: last.bytes, requests: last.requests, total: last.total, titles: last.titles.slice(0, 3),
          right: firstIsRight(last.titles, first), files: last.files.map((f) => `${f.url.replace(server.url, "")} ${f.bytes}`),
        };
        rows.push(row);
        process.stderr.write(`${engine} ${cpu}× "${query}": ${Math.round(row.ms)} ms, ${kib(row.bytes)} in ${row.requests}, ${row.total} results, first ${row.right ? "right" : "WRONG"}\n`);
      }
    }
  }
  // A second query in the same page, after a first: what a reader's next search costs.
  for (const engine of ["tintuc", "Pagefind"]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(engine === "tintuc"
        ? await measureQuery(browser, {
          url: `${server.url}tim-kiem`, ready: appRunning,
          before: (page) => tintucQuery(page, WARM[0]), act: (page) => tintucQuery(page, WARM[1]),
        })
        : await measureQuery(browser, {
          url: `${server.url}pagefind.html`,
          before: (page) => pagefindQuery(page, server.url, WARM[0]), act: (page) => pagefindQuery(page, server.url, WARM[1]),
        }));
    }
    warm.push({ engine, ms: median(runs.map((r) => r.ms)), bytes: runs.at(-1).bytes, requests: runs.at(-1).requests });
  }
  for (const text of TYPED) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(`${server.url}tim-kiem`);
    typing.push({ text, ...(await typeKeyByKey(page, text)) });
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

const result = { articles, ours, indexMs, pagefind, rows, warm, typing, runs: RUNS };
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "search.json"), JSON.stringify(result, null, 2));

const cell = (engine, cpu, query, f) => f(rows.find((r) => r.engine === engine && r.cpu === cpu && r.query === query));
const perQuery = (cpu) => QUERIES.map(({ query }) => `| ${query} | ${["tintuc", "Pagefind"].map((e) => cell(e, cpu, query, (r) =>
  `${kib(r.bytes)} in ${r.requests} | ${Math.round(r.ms)} ms | ${r.total} | ${r.right ? "yes" : "**no**"}`)).join(" | ")} |`);
const keyTimes = typing.flatMap((t) => Object.entries(t.answered).map(([, ms]) => ms));
const sum = (engine, cpu, f) => rows.filter((r) => r.engine === engine && r.cpu === cpu).map(f);
const lines = [
  `Search on ${articles.toLocaleString("en")} articles (\`make bench-search\`, ${new Date().toISOString().slice(0, 10)}): tintuc's own index and Pagefind ${JSON.parse(readFileSync(new URL("../node_modules/pagefind/package.json", import.meta.url))).version} over the same rendered release, served by the benchmark's nginx (gzip level 6 on the fly, as each file is not precompressed). Each query in a new browser context (cold cache), the page already open: bytes over the wire (compressed, headers included) for the query, median time of ${RUNS} runs from the query (tintuc: the text's input, which starts its search; Pagefind: Enter) to the first frame with the results in the DOM, the number of results, and whether the expected article comes first.`,
  "",
  `Index: tintuc ${ours.files.toLocaleString("en")} files, ${kib(ours.bytes)} of JSON, ${kib(ours.gzip)} gzipped${indexMs ? `; \`tintuc-content index\` (sections, home and search) took ${(indexMs / 1000).toFixed(1)} s` : ""}. Pagefind ${pagefind.files.toLocaleString("en")} files, ${kib(pagefind.bytes)}, which it stores gzipped (its index ${kib(pagefind.byKind.index.bytes)}, a fragment per article ${kib(pagefind.byKind.fragment.bytes)}, page list ${kib(pagefind.byKind.meta.bytes)}, script and wasm ${kib(pagefind.byKind.runtime.bytes)}), written in ${pagefind.seconds.toFixed(1)} s.`,
  "",
  "tintuc's search code is in the app's wasm, which every page has already loaded; Pagefind's script, worker and wasm come with the first search, and are counted in its bytes.",
  "",
  ...[1, 4].flatMap((cpu) => [
    `CPU ${cpu === 1 ? "unthrottled" : "slowed 4× (Pagefind on the page's thread: throttling does not reach its worker)"}:`,
    "",
    "| query | tintuc bytes | time | results | first right | Pagefind bytes | time | results | first right |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...perQuery(cpu),
    "",
  ]),
  `Median bytes per query: tintuc ${kib(median(sum("tintuc", 1, (r) => r.bytes)))}, Pagefind ${kib(median(sum("Pagefind", 1, (r) => r.bytes)))}; largest: tintuc ${kib(Math.max(...sum("tintuc", 1, (r) => r.bytes)))}, Pagefind ${kib(Math.max(...sum("Pagefind", 1, (r) => r.bytes)))}. Slowest unthrottled: tintuc ${Math.round(Math.max(...sum("tintuc", 1, (r) => r.ms)))} ms, Pagefind ${Math.round(Math.max(...sum("Pagefind", 1, (r) => r.ms)))} ms. First result right: tintuc ${sum("tintuc", 1, (r) => r.right).filter(Boolean).length} of ${QUERIES.length}, Pagefind ${sum("Pagefind", 1, (r) => r.right).filter(Boolean).length} of ${QUERIES.length}.`,
  "",
  `A second search in the same page (${WARM.map((q) => `"${q}"`).join(", then ")}), the second measured: tintuc ${warm.filter((w) => w.engine === "tintuc").map((w) => `${kib(w.bytes)} in ${w.requests}, ${Math.round(w.ms)} ms`)}; Pagefind ${warm.filter((w) => w.engine === "Pagefind").map((w) => `${kib(w.bytes)} in ${w.requests}, ${Math.round(w.ms)} ms`)}.`,
  "",
  `Typing on tintuc's search page, key by key 150 ms apart (${TYPED.map((t) => `"${t}"`).join(", ")}), the page just opened: time from each key to its results in the DOM, median ${Math.round(median(keyTimes))} ms, slowest ${Math.round(Math.max(...keyTimes))} ms; ${keyTimes.filter((ms) => ms <= 50).length} of ${keyTimes.length} answered keys within 50 ms; ${typing.reduce((n, t) => n + t.typed.length, 0) - keyTimes.length} of ${typing.reduce((n, t) => n + t.typed.length, 0)} keys typed never showed their own answer, a later key's coming first. Per key: ${typing.map((t) => Object.entries(t.answered).map(([text, ms]) => `"${text}" ${Math.round(ms)}`).join(", ")).join("; ")} (ms). A key that starts a word's terms files, or brings new articles into the first ten, waits for the network; the others read what the page has fetched.`,
  "",
];
writeFileSync(join(out, "search.md"), lines.join("\n"));
console.log(lines.join("\n"));
