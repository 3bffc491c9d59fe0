// Shared set-up for the end-to-end tests: the system Chromium driven by playwright-core, the
// two viewports every reader test runs in, and helpers that find things as a reader does.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:18080";
/** The same release built for /tin/, served as GitHub Pages would. */
export const SUB_URL = process.env.SUB_URL ?? "http://127.0.0.1:18081/tin/";
/** The sample site's public address (its manifest's `url`), which canonical links, hreflang,
 *  feeds and the sitemap write in full. */
export const SITE_URL = JSON.parse(readFileSync(new URL("../../public/content/site.json", import.meta.url), "utf8")).url.replace(/\/$/, "");
export const SEED_PATH = "/tin-tuc-su-kien/dai-hoi-dai-bieu-quan-dong-da-lan-thu-xxviii-nhiem-ky-2020-2025";
export const SEED_TITLE = "Đại hội đại biểu quận Đống Đa lần thứ XXVIII, nhiệm kỳ 2020- 2025";

export const DEVICES = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
];

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A browser with a profile in `dir`, for `device`: a persistent context, not the incognito
 *  kind that newContext makes, in which Chromium never offers to install a site. */
export async function launchProfile(dir, device, options = {}) {
  const { name, ...settings } = device;
  return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS, ...settings, locale: "vi-VN", ...options });
}

/** A fresh browser context (empty storage) for `device`, collecting page errors. The release's
 *  service worker is blocked unless `{ serviceWorkers: "allow" }`: Playwright's request
 *  routing, which tests use to break the network, does not see a worker's requests, and a
 *  worker that takes over part-way through a test would change what a test had set up.
 *  offline.test.mjs runs the site with it. */
export async function newContext(browser, device, options = {}) {
  const { name, ...settings } = device;
  const context = await browser.newContext({ ...settings, baseURL: BASE_URL, locale: "vi-VN", timezoneId: "America/New_York", serviceWorkers: "block", ...options });
  context.pageErrors = [];
  context.on("page", (page) => page.on("pageerror", (e) => context.pageErrors.push(String(e))));
  return context;
}

/** A page whose goto and reload also wait for the app to run, as a reader's next click would
 *  otherwise reach a rendered page not yet hydrated; `{ appReady: false }` opts out. */
export async function newPage(context) {
  const page = await context.newPage();
  page.on("pageerror", (e) => context.pageErrors.push(String(e)));
  for (const method of ["goto", "reload"]) {
    const original = page[method].bind(page);
    page[method] = async (...args) => {
      const options = args.find((a) => typeof a === "object") ?? {};
      const response = await original(...args);
      if (options.appReady !== false && options.waitUntil !== "domcontentloaded") await appReady(page);
      return response;
    };
  }
  return page;
}

/** Waits until the app runs: it has hydrated the rendered page, or replaced the loading shell
 *  (src/lib.rs, RUNNING). */
export async function appReady(page) {
  await page.waitForFunction(() => document.getElementById("app")?.hasAttribute("data-running"));
}

/** The text of the page's one `h1`, once the app has put it there. */
export async function heading(page) {
  await appReady(page);
  const h1 = page.locator("h1");
  await h1.first().waitFor({ state: "attached" });
  return (await h1.first().textContent()).trim();
}

/** Clicks a section in the navigation, opening the phone menu first when it is folded. */
export async function openSection(page, title) {
  const toggle = page.getByRole("button", { name: "Chuyên mục" });
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole("navigation", { name: "Chuyên mục" }).getByRole("link", { name: title, exact: true }).click();
}

/** The count in the article's meta line. */
export async function metaViews(page) {
  await appReady(page);
  const meta = page.getByTestId("meta-line");
  await meta.waitFor();
  const match = /Lượt xem: ([\d.]+)/.exec(await meta.textContent());
  return match?.[1];
}

export function noPageErrors(context) {
  assert.deepEqual(context.pageErrors, [], "the page threw");
}

/** A page that records every failed request, console error and CSP violation. */
export async function watchedPage(context, allowDocument404) {
  const page = await context.newPage();
  page.problems = [];
  page.on("requestfailed", (r) => {
    // Content loading ahead for links in view is cut short when the reader leaves the page, and
    // so is a picture (the tab's icon, a list's thumbnail) still loading then (each seen in a
    // busy CI run). A picture that fails otherwise is a network error or an HTTP status, below.
    const cutShort = r.failure()?.errorText === "net::ERR_ABORTED";
    if (cutShort && (r.url().includes("/content/") || r.resourceType() === "image")) return;
    page.problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on("response", (r) => {
    // The document itself is a 404 on GitHub Pages-style hosts; every asset must succeed.
    if (r.status() >= 400 && r.request().resourceType() !== "document") page.problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // With 404.html hosting the document itself comes with status 404, and Chromium logs that;
    // it is the host's doing and the page is whole. Any other resource's 404 still counts.
    const documentStatus = /status of 404/.test(m.text()) && m.location().url === page.url();
    if (!(allowDocument404 && documentStatus)) page.problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => page.problems.push(`page error: ${e}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

/** axe-core's WCAG 2.1 A and AA violations on the page as it is, one line each. axe is
 *  evaluated through the DevTools protocol, which the page's CSP does not govern: a script
 *  element would be refused, as it should be. */
export async function axeViolations(page) {
  await page.evaluate(readFileSync(AXE, "utf8"));
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  return result.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target} ${v.nodes[0]?.failureSummary}`);
}

/** Waits until the page's own content (not the loading placeholder) is in. */
export async function settled(page) {
  await appReady(page);
  await page.locator("h1").first().waitFor({ state: "attached" });
  await page.waitForFunction(() => !document.querySelector("[data-testid=loading]"));
}

/** axe's violations on each of `pages` (name → path), opened in turn, as "name: violation". */
export async function axeViolationsOn(page, pages) {
  const found = [];
  for (const [name, path] of Object.entries(pages)) {
    await page.goto(path);
    await settled(page);
    for (const v of await axeViolations(page)) found.push(`${name}: ${v}`);
  }
  return found;
}
