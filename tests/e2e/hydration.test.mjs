// Rendered pages: the story is in the first response, readers without JavaScript get a real
// page, and the browser hydrates that page: it adopts the DOM the publisher wrote, with the
// content the page carries, instead of fetching it and building the page again. A hydration
// mismatch stops the app while the page still reads fine, so these tests use the page.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, SUB_URL, DEVICES, SEED_PATH, SITE_URL, SEED_TITLE, launch, newContext, newPage, appReady, noPageErrors } from "./support.mjs";

const SITES = [
  { name: "at the root", url: (path) => new URL(path.replace(/^\//, ""), `${BASE_URL}/`).href },
  { name: "under /tin/", url: (path) => new URL(path.replace(/^\//, ""), SUB_URL).href },
];
const PAGES = ["/", "/kinh-te/trang/2", SEED_PATH];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Records, from the first byte, layout shifts and every node removed from inside the app's
 *  element until the app says it runs (hydration is over by then). */
async function watchHydration(context) {
  await context.addInitScript(() => {
    window.__shift = 0;
    window.__removedDuringHydration = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
    let hydrating = true;
    new MutationObserver((records) => {
      for (const record of records) {
        if (!hydrating) return;
        if (record.type === "attributes" && record.target.id === "app" && record.attributeName === "data-running") {
          hydrating = false;
          return;
        }
        if (record.type === "childList" && record.target.closest?.("#app")) {
          for (const node of record.removedNodes) window.__removedDuringHydration.push(node.nodeName + ": " + (node.textContent ?? "").slice(0, 40));
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-running"] });
  });
}

function consoleErrors(page) {
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  return errors;
}

describe("rendered pages", () => {
  it("serve the seed article's text, title and tags in the first response", async () => {
    const context = await newContext(browser, DEVICES[0], { javaScriptEnabled: false });
    const page = await newPage(context);
    const response = await page.goto(SEED_PATH, { appReady: false });
    assert.equal(response.status(), 200);
    assert.equal((await page.locator("h1.article__title").textContent()).trim(), SEED_TITLE);
    assert.match(await page.title(), /^Đại hội đại biểu quận Đống Đa/);
    assert.match(await page.locator("[data-testid=meta-line]").textContent(), /^Ngày đăng 19\/07\/2020 \| 18:40 \| Lượt xem: 174$/);
    assert.ok(await page.locator(".article-body p").first().isVisible());
    // Absolute, from the manifest's public address.
    assert.equal(await page.locator("link[rel=canonical]").getAttribute("href"), SITE_URL + SEED_PATH);
    assert.equal(await page.locator("meta[property='og:title']").getAttribute("content"), SEED_TITLE);
    assert.equal(await page.locator("meta[property='og:type']").getAttribute("content"), "article");
    const ld = JSON.parse(await page.locator("script[type='application/ld+json']").textContent());
    assert.equal(ld["@type"], "NewsArticle");
    assert.equal(ld.headline, SEED_TITLE);
    assert.equal(ld.datePublished, "2020-07-19T18:40:00+07:00");
    // Without JavaScript the links are plain links to other rendered pages.
    await page.getByRole("link", { name: "Kinh tế", exact: true }).first().click();
    await page.waitForURL("**/kinh-te");
    assert.equal((await page.locator("h1").textContent()).trim(), "Kinh tế");
    assert.equal(await page.locator(".section-page .article-item").count(), 8);
    await context.close();
  });

  it("carry the content they show: opening one requests none of its own files again", async () => {
    const context = await newContext(browser, DEVICES[1]);
    const page = await newPage(context);
    const own = {
      "/": ["site.json", "home.json"],
      "/kinh-te/trang/2": ["site.json", "sections/kinh-te/2.json"],
      [SEED_PATH]: ["site.json", `articles/${SEED_PATH.split("/").pop()}.json`, "sections/tin-tuc-su-kien/1.json"],
    };
    for (const [path, files] of Object.entries(own)) {
      const requested = [];
      const record = (request) => { if (request.url().includes("/content/")) requested.push(request.url().split("/content/")[1]); };
      page.on("request", record);
      await page.goto(path);
      await page.waitForTimeout(500);
      page.off("request", record);
      assert.deepEqual(requested.filter((file) => files.includes(file)), [], `${path} asked again for what it carries`);
    }
    noPageErrors(context);
    await context.close();
  });

  it("show their own address when a host served them under another (/index.html)", async () => {
    const context = await newContext(browser, DEVICES[0]);
    const page = await newPage(context);
    const errors = consoleErrors(page);
    await page.goto("/index.html");
    assert.equal(new URL(page.url()).pathname, "/");
    await page.getByTestId("lead-story").getByRole("link").first().click();
    await page.locator("h1.article__title").waitFor();
    assert.deepEqual(errors, [], "console errors");
    noPageErrors(context);
    await context.close();
  });

  for (const site of SITES) {
    for (const device of DEVICES) {
      it(`are hydrated ${site.name} on ${device.name}: nothing replaced or moved, every control works`, async () => {
        const context = await newContext(browser, device, { baseURL: undefined });
        await watchHydration(context);
        const page = await newPage(context);
        const errors = consoleErrors(page);
        for (const path of PAGES) {
          const rendered = await (await page.request.get(site.url(path))).text();
          await page.goto(site.url(path));
          await appReady(page);
          await page.waitForTimeout(300);
          assert.deepEqual(await page.evaluate(() => window.__removedDuringHydration), [], `${path}: hydration replaced rendered content`);
          const shift = await page.evaluate(() => window.__shift);
          assert.ok(shift < 0.01, `${path}: layout shifted by ${shift}`);
          const [before, now] = await page.evaluate((html) => {
            const doc = new DOMParser().parseFromString(html, "text/html");
            const text = (root) => root.querySelector("main h1").textContent + "|" + (root.querySelector(".article-body, .article-list")?.textContent ?? "") +
              "|" + (root.querySelector("[data-testid=lead-story]")?.textContent ?? "");
            return [text(doc), text(document)];
          }, rendered);
          assert.equal(now, before, `${path}: the app shows what the rendered page showed`);

          // The menu button (folded on a phone), the text size, and a link: each answers.
          const toggle = page.getByRole("button", { name: "Chuyên mục" });
          if (await toggle.isVisible()) {
            await toggle.click();
            assert.equal(await toggle.getAttribute("aria-expanded"), "true", `${path}: the menu opens`);
            await toggle.click();
            assert.equal(await toggle.getAttribute("aria-expanded"), "false", `${path}: the menu closes`);
          }
          await page.getByRole("button", { name: "Tăng cỡ chữ" }).first().click();
          assert.equal(await page.evaluate(() => document.documentElement.style.getPropertyValue("--text-scale")), "1.125", `${path}: text size`);
          await page.getByRole("button", { name: "Cỡ chữ mặc định" }).first().click();
          await page.evaluate(() => { window.__samePage = true; });
          const link = page.locator("main .article-item__title a").first();
          const title = (await link.textContent()).trim();
          await link.click();
          await page.locator("h1.article__title").filter({ hasText: title }).waitFor();
          assert.equal(await page.evaluate(() => window.__samePage), true, `${path}: the link was followed by the app, not by a page load`);
        }
        assert.deepEqual(errors, [], "console errors");
        noPageErrors(context);
        await context.close();
      });
    }
  }
});
