// Measures one search action in a cold browser context: the bytes it downloads and whatever the
// action itself returns (its timing, its results).
import http from "node:http";
import https from "node:https";

/** The body of `url` as the server sends it to Chromium (compressed, as it accepts). */
function bodyOnWire(url) {
  return new Promise((resolve, reject) => {
    (url.startsWith("https:") ? https : http).get(url, { headers: { "accept-encoding": "gzip, deflate, br, zstd" } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk) => { bytes += chunk.length; });
      res.on("end", () => resolve(bytes));
    }).on("error", reject);
  });
}

/** Opens `url` in a new context of the playwright `browser` (an empty cache), waits for its load,
 *  for `await ready(page)` and for `await before(page)`, then counts what the network delivers while `await act(page)` runs. With `cpu` (e.g. 4) the
 *  page's main thread is slowed that many times (CDP Emulation.setCPUThrottlingRate) for the
 *  action; web workers are not (Chromium throttles pages only), hence `workers`, the number
 *  that started meanwhile. Returns { bytes, requests, workers, files: [{ url, bytes }], ...what
 *  act returned }; bytes are as transferred: compressed, response headers included. */
export async function measureQuery(browser, { url, act, cpu = 1, ready = async () => {}, before = async () => {} }) {
  // No service worker: tintuc's would precache the app's files while the query runs, and those
  // bytes are not the query's.
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    // A page that goes on loading after its load event (tintuc's app: its script and wasm
    // come after the first paint) is counted from when `ready` says it is done.
    await ready(page);
    // What the page has done before the measured action (an earlier query), not counted.
    await before(page);
    const cdp = await context.newCDPSession(page);
    // Each request's bytes are CDP's Network.loadingFinished encodedDataLength, read through
    // Playwright (its sizes() are that number, split into headers and body): Playwright also
    // watches the page's web workers (Pagefind fetches from one), and it holds a new worker
    // until it does; a session of our own attaches too late and misses the worker's first
    // requests (seen: pagefind-entry.json, the .pf_meta and the wasm).
    const started = new Set();
    const sizes = [];
    let workers = 0;
    page.on("request", (request) => started.add(request));
    page.on("requestfinished", (request) => {
      // Only what started while counting (not, say, the favicon the load asked for).
      if (started.has(request)) sizes.push(request.sizes().then((s) => ({ request, ...s })));
    });
    page.on("worker", () => workers++);
    if (cpu !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
    const result = await act(page);
    const files = [];
    for (const { request, responseHeadersSize, responseBodySize } of await Promise.all(sizes)) {
      let bytes = responseHeadersSize + responseBodySize;
      // A worker's own script: Chromium (156) counts its headers only (encodedDataLength 288 for
      // 42 KB of script). Its body is fetched again here, as sent (the server's access log shows
      // the file twice).
      const response = await request.response();
      if (responseBodySize === 0 && response?.status() === 200 && (await response.headerValue("content-length")) !== "0") {
        bytes += await bodyOnWire(request.url());
      }
      files.push({ url: request.url(), bytes });
    }
    return { bytes: files.reduce((n, f) => n + f.bytes, 0), requests: files.length, workers, files, ...result };
  } finally {
    await context.close();
  }
}
