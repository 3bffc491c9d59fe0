// What a reader's browser downloads on a first visit and on a repeat visit, with the release's
// service worker: a new tab in the same browser, opening the home page and then the seed
// article. Bytes are the body bytes the server sent, read from its access log (requests the
// worker makes count too), by kind of file.
import { readFileSync, statSync } from "node:fs";
import { chromium } from "playwright-core";

const KINDS = [["wasm", /\.wasm$/], ["JS", /\.js$/], ["CSS", /\.css$/], ["JSON", /\.json$/], ["manifest and icons", /\.(webmanifest|png|svg)$/]];

/** The log lines written since `offset`: `uri status bytes` (bench/nginx.conf.in). */
function linesSince(log, offset) {
  return readFileSync(log).subarray(offset).toString().split("\n").filter(Boolean).map((line) => {
    const [uri, status, bytes] = line.split(" ");
    return { path: uri.split("?")[0], status: Number(status), bytes: Number(bytes) };
  });
}

function tally(lines) {
  const kinds = Object.fromEntries([...KINDS.map(([k]) => [k, 0]), ["HTML and other", 0]]);
  for (const { path, bytes } of lines) {
    const kind = KINDS.find(([, pattern]) => pattern.test(path))?.[0] ?? "HTML and other";
    kinds[kind] += bytes;
  }
  return { kinds, requests: lines.length, notModified: lines.filter((l) => l.status === 304).length, total: lines.reduce((n, l) => n + l.bytes, 0) };
}

/** Opens the home page and then the seed article in a new tab of `context`; resolves once the
 *  page runs and the worker has had a second to finish what it does after a load. */
async function visit(context, base, seed) {
  const page = await context.newPage();
  for (const path of ["/", seed]) {
    await page.goto(`${base}${path}`);
    await page.waitForFunction(() => document.getElementById("app")?.hasAttribute("data-running"));
    await page.waitForFunction(() => navigator.serviceWorker.controller, undefined, { timeout: 10_000 }).catch(() => {});
    await page.waitForTimeout(1000);
  }
  await page.close();
}

/** First and repeat visit to the site at `base`, served with its access log at `log`. */
export async function runRepeatVisit({ base, log, seed, chromiumPath, flags }) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: flags });
  try {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    let offset = statSync(log).size;
    await visit(context, base, seed);
    const first = tally(linesSince(log, offset));
    offset = statSync(log).size;
    await visit(context, base, seed);
    const repeat = tally(linesSince(log, offset));
    const controlled = await (async () => {
      const page = await context.newPage();
      await page.goto(`${base}/`);
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      await page.close();
      return scope;
    })();
    await context.close();
    return { first, repeat, workerScope: controlled };
  } finally {
    await browser.close();
  }
}

/** The table's rows. */
export function repeatVisitRows({ first, repeat }) {
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const row = (name, t) => `| ${name} | ${[...KINDS.map(([k]) => k), "HTML and other"].map((k) => kib(t.kinds[k])).join(" | ")} | ${kib(t.total)} | ${t.requests} (${t.notModified}) |`;
  return [
    `| visit | ${[...KINDS.map(([k]) => k), "HTML and other"].join(" | ")} | all | requests (of them 304) |`,
    `| --- | ${[...KINDS, 0].map(() => "---").join(" | ")} | --- | --- |`,
    row("first", first),
    row("repeat", repeat),
  ];
}
