// Opens each hostile article (and the seed, for comparison) in a fresh tab of headless Chromium
// and reports the longest main-thread task from the first byte until the page or its message is
// shown, and how long that took; unthrottled and with the CPU slowed 4×. Median of RUNS runs.
// Usage: BASE_URL=http://127.0.0.1:PORT node bench/hostile.mjs   (see scripts/bench-hostile.sh)
import { chromium } from "playwright-core";

const BASE = process.env.BASE_URL;
const RUNS = Number(process.env.RUNS ?? 3);
const SECTION = "tin-tuc-su-kien";
const PAGES = [
  ["the seed article (for comparison)", `${SECTION}/dai-hoi-dai-bieu-quan-dong-da-lan-thu-xxviii-nhiem-ky-2020-2025`],
  ["links to script and data", `${SECTION}/lien-ket-doc`],
  ["a 10,000-character title", `${SECTION}/tieu-de-rat-dai`],
  // Watched until its last block is on the page: the rest comes a frame at a time.
  ["20,000 blocks", `${SECTION}/hai-muoi-nghin-doan`, "Đoạn 20000."],
  ["a list nested 1,000 deep (refused)", `${SECTION}/danh-sach-long-1000-tang`],
  ["text-reordering characters", `${SECTION}/chu-dao-chieu`],
  ["bytes that are not UTF-8", `${SECTION}/khong-phai-utf8`],
  ["a 20 MB file (refused)", `${SECTION}/qua-lon`],
  ["a list claiming 4,294,967,295 pages", `${SECTION}/trang/99`],
];
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
  "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(browser, path, last, rate) {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  await page.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(`${BASE}/${path}`);
  // Shown: the app runs and the page has its heading, a list, or a message.
  await page.waitForFunction(() => document.getElementById("app")?.hasAttribute("data-running")
    && document.querySelector("#app h1, #app [role=alert], #app .article-item"), null, { timeout: 120_000 });
  const shown = await page.evaluate(() => performance.now());
  if (last) await page.getByText(last, { exact: true }).waitFor({ state: "attached", timeout: 120_000 });
  // Whatever the page still does right after showing it counts too.
  await page.waitForTimeout(500);
  const longest = await page.evaluate(() => window.__longest);
  await context.close();
  return { shown, longest };
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: FLAGS });
const rows = [];
for (const [name, path, last] of PAGES) {
  const row = [name];
  for (const rate of [1, 4]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, path, last, rate));
    // The browser reports only tasks of 50 ms and more.
    const longest = Math.round(median(runs.map((r) => r.longest)));
    row.push(longest ? `${longest} ms` : "none over 50 ms", `${Math.round(median(runs.map((r) => r.shown)))} ms`);
  }
  rows.push(row);
}
await browser.close();
console.log(`# Opening hostile content (make bench-hostile, ${new Date().toISOString().slice(0, 10)})`);
console.log("");
console.log(`Phone viewport, median of ${RUNS} fresh tabs each, the release build served by nginx on this machine.`);
console.log("Longest task: the longest main-thread task from the first byte until half a second after the page or its message shows (20,000 blocks: after its last block is on the page). Shown after: the app runs and the page shows its heading, list or message.");
console.log("");
console.log("| served | longest task | shown after | longest task, 4× CPU | shown after, 4× CPU |");
console.log("|---|---:|---:|---:|---:|");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
