// Offline and installable, with the service worker the release build generates: what a reader
// opened stays readable without a network, an open tab is offered the next release, and the
// web app manifest passes Chromium's own installability checks.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync, rmSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BASE_URL, SUB_URL, DEVICES, SEED_PATH, SEED_TITLE, axeViolations, launch, launchProfile, newContext, watchedPage, appReady, heading, openSection } from "./support.mjs";
import { HASHED, writeWorker } from "../../scripts/offline.mjs";
import { COPY_CACHES } from "../../src/offline.js";

const [desktop, phone] = DEVICES;
const SITES = [
  { name: "at the root on a desktop", base: `${BASE_URL}/`, device: desktop, documentIs404: false },
  { name: "under /tin/ on a phone", base: SUB_URL, device: phone, documentIs404: true },
];
// Copies of both releases that the update test deploys a second release into (scripts/e2e.sh).
const DEPLOYS = [
  { name: "at the root on a desktop", base: process.env.DEPLOY_URL && `${process.env.DEPLOY_URL}/`, dir: process.env.DEPLOY_DIR, device: desktop },
  { name: "under /tin/ on a phone", base: process.env.DEPLOY_SUB_URL, dir: process.env.DEPLOY_SUB_DIR, device: phone },
];
const SECTION_TITLE = "Tin tức sự kiện";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A watched page of `context` at `path`, once the service worker controls it and keeps
 *  copies. */
async function controlledPage(context, path, documentIs404) {
  const page = await watchedPage(context, documentIs404);
  await page.goto(path);
  await appReady(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller);
  await page.getByRole("button", { name: "Xóa các trang đã lưu" }).waitFor();
  return page;
}

/** controlledPage in a fresh context for `device` at `base`, the service worker allowed. */
async function openControlled(base, device, path, documentIs404 = false) {
  const context = await newContext(browser, device, { baseURL: base, serviceWorkers: "allow" });
  return { context, page: await controlledPage(context, path, documentIs404) };
}

/** Whether the worker keeps a copy of `path` (relative to the site's base). */
async function kept(page, path) {
  return page.evaluate(async (p) => Boolean(await caches.match(new URL(p, document.baseURI).href)), path);
}

async function waitUntilKept(page, path) {
  for (let i = 0; i < 100 && !(await kept(page, path)); i++) await page.waitForTimeout(50);
  assert.ok(await kept(page, path), `no copy of ${path}`);
}

/** The text of `locator` that a reader sees (hidden lines left out). */
async function shown(locator) {
  return (await locator.evaluate((e) => e.innerText)).trim();
}

/** Goes offline with the browser's HTTP cache emptied: what opens then is what the service
 *  worker kept, not a file the browser happened to keep. */
async function goOffline(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.clearBrowserCache");
  await cdp.detach();
  await context.setOffline(true);
}

/** What went wrong besides the network being off: requests fail while offline, by design. */
function problemsOnline(page) {
  return page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|ERR_FAILED/.test(p));
}

for (const site of SITES) {
  describe(`offline ${site.name}`, () => {
    it("opens again every page the reader opened, says it is offline, and retries what it never had", async () => {
      const { context, page } = await openControlled(site.base, site.device, "", site.documentIs404);
      // The worker controls the site's base path and nothing else on the host.
      const scopes = await page.evaluate(async () => ({
        site: (await navigator.serviceWorker.getRegistration()).scope,
        elsewhere: (await navigator.serviceWorker.getRegistration(`${location.origin}/elsewhere/`))?.scope ?? null,
      }));
      assert.deepEqual(scopes, { site: site.base, elsewhere: site.base === `${new URL(site.base).origin}/` ? site.base : null });
      // The home page came with its files in its HTML; the worker is asked to keep them too.
      await waitUntilKept(page, "content/home.json");
      await openSection(page, SECTION_TITLE);
      assert.equal(await heading(page), SECTION_TITLE);
      await page.getByRole("link", { name: SEED_TITLE }).first().click();
      assert.equal(await heading(page), SEED_TITLE);
      const seedSlug = SEED_PATH.split("/").pop();
      await waitUntilKept(page, `content/articles/${seedSlug}.json`);
      // An article of another section, whose files this browser never fetched.
      const notices = await (await fetch(new URL("content/sections/thong-bao/1.json", site.base))).json();
      let never;
      for (const article of notices.articles) {
        if (!(await kept(page, `content/articles/${article.slug}.json`))) { never = article; break; }
      }
      assert.ok(never, "every notice was fetched already");

      await goOffline(context, page);
      const connection = page.getByTestId("connection");
      await connection.getByText(/Bạn đang ngoại tuyến: đây là bản lưu lúc \d\d\/\d\d\/\d{4} \| \d\d:\d\d/).waitFor();
      await page.reload();
      assert.equal(await heading(page), SEED_TITLE);
      await connection.getByText(/bản lưu lúc/).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      // Between the pages, as a reader would.
      await page.locator(".site-name").click();
      await page.getByTestId("lead-story").waitFor();
      await openSection(page, SECTION_TITLE);
      assert.equal(await heading(page), SECTION_TITLE);
      await page.reload();
      assert.equal(await heading(page), SECTION_TITLE);
      await page.getByRole("link", { name: SEED_TITLE }).first().click();
      assert.equal(await heading(page), SEED_TITLE);
      await page.goto("");
      await page.getByTestId("lead-story").waitFor();
      await page.reload();
      await page.getByTestId("lead-story").waitFor();

      // Never opened: the app opens, says why there is nothing to show, and retries.
      await page.goto(`thong-bao/${never.slug}`);
      const error = page.getByTestId("error");
      await error.getByText(/Không kết nối được để tải/).waitFor();
      await context.setOffline(false);
      await error.getByRole("button", { name: "Thử lại" }).click();
      assert.equal(await heading(page), never.title);
      assert.equal(await shown(connection), "");
      assert.deepEqual(problemsOnline(page), []);
      await context.close();
    });

    it("clears the copies from the footer; the app itself still opens offline", async () => {
      const { context, page } = await openControlled(site.base, site.device, SEED_PATH.slice(1), site.documentIs404);
      const seedSlug = SEED_PATH.split("/").pop();
      await waitUntilKept(page, `content/articles/${seedSlug}.json`);
      const clear = page.getByRole("button", { name: "Xóa các trang đã lưu" });
      const box = await clear.boundingBox();
      assert.ok(box.width >= 44 && box.height >= 44, `the button is ${box.width}x${box.height}`);
      await clear.click();
      await page.getByText("Đã xóa các trang đã lưu.").waitFor();
      assert.deepEqual(await axeViolations(page), []);
      // The content kept is gone (a picture on screen may be kept again at once).
      assert.equal((await page.evaluate(() => caches.keys())).includes(COPY_CACHES.content), false);
      assert.equal(await kept(page, `content/articles/${seedSlug}.json`), false);
      await goOffline(context, page);
      await page.reload();
      await page.getByTestId("error").getByText(/Không kết nối được để tải/).waitFor();
      assert.deepEqual(problemsOnline(page), []);
      await context.close();
    });
  });
}

describe("the English edition offline", () => {
  const EN_SEED_SLUG = "dong-da-district-party-congress-xxviii-2020-2025";
  const EN_SEED_TITLE = "Dong Da district's 28th Party Congress, term 2020–2025";

  it("keeps its own worker and copies when the main site's worker takes over, and reads offline in English", async () => {
    const context = await newContext(browser, phone, { serviceWorkers: "allow" });
    const page = await watchedPage(context);
    await page.goto("/en/");
    await appReady(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller);
    await page.getByRole("button", { name: "Delete saved pages" }).waitFor();
    const origin = new URL(BASE_URL).origin;
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope), `${origin}/en/`);
    await page.getByRole("link", { name: EN_SEED_TITLE }).first().click();
    assert.equal(await heading(page), EN_SEED_TITLE);
    await waitUntilKept(page, `content/articles/${EN_SEED_SLUG}.json`);

    // The main site's worker installs and activates; the edition's precache must outlive it.
    await page.goto("/");
    await appReady(page);
    await page.waitForFunction((root) => navigator.serviceWorker.controller?.scriptURL === `${root}/sw.js`, origin);
    await page.getByRole("button", { name: "Xóa các trang đã lưu" }).waitFor();
    const precaches = await page.evaluate(async () => (await caches.keys()).filter((n) => n.includes("-precache-")));
    assert.ok(precaches.some((n) => n.endsWith(`${origin}/en/`)), `the edition's precache is gone: ${precaches}`);

    await page.goto(`/en/news-events/${EN_SEED_SLUG}`);
    await appReady(page);
    await goOffline(context, page);
    await page.reload();
    assert.equal(await heading(page), EN_SEED_TITLE);
    await page.getByTestId("connection").getByText(/^You are offline: this is the copy saved at \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d/).waitFor();
    // A page of the edition never opened: its own shell, which says why, in English.
    await page.goto("/en/economy/trang/2");
    await page.getByRole("alert").getByText(/^Could not connect to load content\/sections\/economy\/2\.json/).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    assert.equal(await page.getByText("A new version of the site is available.").isVisible(), false);
    await context.setOffline(false);
    // The test leaves each page as soon as it has what it checks: a stylesheet still loading is
    // cut short then.
    assert.deepEqual(problemsOnline(page).filter((p) => !p.endsWith("net::ERR_ABORTED")), []);
    await context.close();
  });
});

describe("installable", () => {
  for (const site of SITES) {
    it(`passes Chromium's installability checks ${site.name}`, async () => {
      const profile = mkdtempSync(join(tmpdir(), "tintuc-profile-"));
      const context = await launchProfile(profile, site.device, { baseURL: site.base });
      const page = await controlledPage(context, "", site.documentIs404);
      const cdp = await context.newCDPSession(page);
      const { url, errors, data } = await cdp.send("Page.getAppManifest");
      assert.deepEqual(errors, []);
      assert.equal(url, new URL("app.webmanifest", site.base).href);
      const manifest = JSON.parse(data);
      const scope = new URL(site.base).pathname;
      assert.equal(manifest.start_url, scope);
      assert.equal(manifest.scope, scope);
      assert.equal(manifest.name, "Cổng thông tin quận Đống Đa");
      assert.equal(manifest.short_name, "Tin Đống Đa");
      assert.deepEqual((await cdp.send("Page.getInstallabilityErrors")).installabilityErrors, []);
      // Every icon is a PNG of the size it claims (width and height from its IHDR chunk).
      const appleIcon = new URL(await page.getAttribute('link[rel="apple-touch-icon"]', "href"), site.base).href;
      const icons = [...manifest.icons, { src: appleIcon, sizes: "180x180" }];
      for (const icon of icons) {
        const response = await fetch(new URL(icon.src, url));
        assert.equal(response.status, 200, icon.src);
        const png = Buffer.from(await response.arrayBuffer());
        assert.equal(png.subarray(1, 4).toString(), "PNG", icon.src);
        assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes, icon.src);
      }
      assert.deepEqual(page.problems, []);
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    });
  }
});

/**
 * Deploys release number `release` into `dir`, as a publisher copying a new build over the old
 * one would: a changed stylesheet under a new hashed name (its integrity updated in every page)
 * and the service worker written again for it. Returns the new stylesheet's name.
 */
function deployRelease(dir, release) {
  const old = readdirSync(dir).find((f) => HASHED.test(f) && f.endsWith(".css"));
  const before = readFileSync(join(dir, old), "utf8");
  const css = `${before}\n:root { --release: ${release}; }\n`;
  const renamed = `main-${randomBytes(8).toString("hex")}.css`;
  writeFileSync(join(dir, renamed), css);
  // The new build has no file of that name, so its service worker does not precache it.
  for (const stale of [old, `${old}.gz`, `${old}.br`]) rmSync(join(dir, stale), { force: true });
  const integrity = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;
  const oldIntegrity = integrity(before);

  const pages = (folder) => readdirSync(folder).flatMap((f) => {
    const path = join(folder, f);
    return statSync(path).isDirectory() ? pages(path) : f.endsWith(".html") ? [path] : [];
  });
  for (const path of pages(dir)) {
    const html = readFileSync(path, "utf8").replaceAll(old, renamed).replaceAll(oldIntegrity, integrity(css));
    writeFileSync(path, html);
    // The precompressed copies are of the old page: a host would be given new ones.
    for (const copy of [`${path}.gz`, `${path}.br`]) if (existsSync(copy)) rmSync(copy);
  }
  return renamed;
}

/** Deploys release `release` into `dir` with its service worker (see deployRelease). */
async function deploy(dir, release) {
  const css = deployRelease(dir, release);
  await writeWorker(dir);
  for (const copy of ["sw.js.gz", "sw.js.br"]) rmSync(join(dir, copy), { force: true });
  return css;
}

describe("a second release", () => {
  for (const site of DEPLOYS) {
    it(`is offered to a tab left open, and runs after its reload ${site.name}`, { skip: !site.dir && "no deploy copy (DEPLOY_DIR)" }, async () => {
      const { context, page } = await openControlled(site.base, site.device, SEED_PATH.slice(1), site.base.includes("/tin/"));
      const seedSlug = SEED_PATH.split("/").pop();
      await waitUntilKept(page, `content/articles/${seedSlug}.json`);
      const css = await deploy(site.dir, 2);
      // The reader comes back to the tab, which asks the host for a newer release (nothing else
      // navigates meanwhile, which would make the browser ask by itself).
      await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange", { bubbles: true })));
      const offer = page.getByTestId("connection");
      await offer.getByText("Có phiên bản mới của trang.").waitFor();
      assert.deepEqual(await axeViolations(page), []);
      // A tab opened now runs the new release: it is offered nothing.
      const fresh = await context.newPage();
      await fresh.goto("");
      await appReady(fresh);
      await fresh.waitForTimeout(1000);
      assert.equal(await shown(fresh.getByTestId("connection")), "", "the new tab was offered its own release");
      await fresh.close();
      const reloaded = page.waitForEvent("load");
      await offer.getByRole("button", { name: "Tải lại" }).click();
      await reloaded;
      await appReady(page);
      assert.equal(await heading(page), SEED_TITLE);
      const running = (tab = page) => tab.evaluate(() => ({
        release: getComputedStyle(document.documentElement).getPropertyValue("--release").trim(),
        stylesheet: document.querySelector('link[rel="stylesheet"]').getAttribute("href"),
      }));
      const next = { release: "2", stylesheet: `${new URL(site.base).pathname}${css}` };
      assert.deepEqual(await running(), next);
      assert.equal(await shown(offer), "");
      // A tab opened right after a third deploy runs it while the old worker still serves it:
      // it waits for the new worker and is offered nothing.
      const third = await deploy(site.dir, 3);
      const early = await watchedPage(context, site.base.includes("/tin/"));
      await early.goto("");
      await appReady(early);
      await early.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.active === navigator.serviceWorker.controller && !(await navigator.serviceWorker.getRegistration()).installing);
      await early.waitForTimeout(1000);
      assert.equal(await shown(early.getByTestId("connection")), "", "a tab running the newest release was offered a reload");
      assert.deepEqual(await running(early), { release: "3", stylesheet: `${new URL(site.base).pathname}${third}` });
      assert.deepEqual(early.problems, []);
      await early.close();
      // Offline, the article opened under the first release opens in the newest.
      await goOffline(context, page);
      await page.reload();
      assert.equal(await heading(page), SEED_TITLE);
      assert.equal((await running()).release, "3");
      assert.deepEqual(problemsOnline(page), []);
      await context.close();
    });
  }
});
