// Prerendered pages: the story is in the first response, readers without JavaScript get a real
// page, and the app takes over the same page without moving anything.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { DEVICES, SEED_PATH, SEED_TITLE, launch, newContext, newPage, appReady, noPageErrors } from "./support.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

describe("prerendered pages", () => {
  it("serve the seed article's text, title and tags in the first response", async () => {
    const context = await newContext(browser, DEVICES[0], { javaScriptEnabled: false });
    const page = await newPage(context);
    const response = await page.goto(SEED_PATH, { appReady: false });
    assert.equal(response.status(), 200);
    const html = await response.text();
    assert.ok(html.includes(`<h1 class="article__title">${SEED_TITLE}</h1>`));
    assert.match(await page.title(), /^Đại hội đại biểu quận Đống Đa/);
    assert.match(await page.locator("[data-testid=meta-line]").textContent(), /^Ngày đăng 19\/07\/2020 \| 18:40 \| Lượt xem: 174$/);
    assert.ok(await page.locator(".article-body p").first().isVisible());
    // The sample manifest names no public address, so there is no (necessarily absolute) canonical.
    assert.equal(await page.locator("link[rel=canonical]").count(), 0);
    assert.equal(await page.locator("meta[property='og:title']").getAttribute("content"), SEED_TITLE);
    assert.equal(await page.locator("meta[property='og:type']").getAttribute("content"), "article");
    const ld = JSON.parse(await page.locator("script[type='application/ld+json']").textContent());
    assert.equal(ld["@type"], "NewsArticle");
    assert.equal(ld.headline, SEED_TITLE);
    assert.equal(ld.datePublished, "2020-07-19T18:40:00+07:00");
    // Without JavaScript the links are plain links to other prerendered pages.
    await page.getByRole("link", { name: "Kinh tế", exact: true }).first().click();
    await page.waitForURL("**/kinh-te");
    assert.equal((await page.locator("h1").textContent()).trim(), "Kinh tế");
    assert.equal(await page.locator(".section-page .article-item").count(), 8);
    await context.close();
  });

  it("have the content the app starts with fetched beside the app, each file once", async () => {
    const context = await newContext(browser, DEVICES[1]);
    const page = await newPage(context);
    const expected = {
      "/": ["site.json", "home.json"],
      [SEED_PATH]: ["site.json", `articles/${SEED_PATH.split("/").pop()}.json`, "sections/tin-tuc-su-kien/1.json"],
      "/kinh-te/trang/2": ["site.json", "sections/kinh-te/2.json"],
    };
    for (const [path, files] of Object.entries(expected)) {
      const requested = [];
      const record = (request) => { if (request.url().includes("/content/")) requested.push(request.url().split("/content/")[1]); };
      page.on("request", record);
      const warnings = [];
      const warn = (message) => { if (/preload/i.test(message.text())) warnings.push(message.text()); };
      page.on("console", warn);
      await page.goto(path);
      await appReady(page);
      // Chrome warns about a preload left unused a few seconds after the load event.
      await page.waitForTimeout(3500);
      page.off("request", record);
      page.off("console", warn);
      assert.deepEqual(requested.sort(), [...files].sort(), path);
      assert.deepEqual(warnings, [], path);
      // Requested by the preload links, and the app's own fetches answered from them.
      const initiators = await page.evaluate(() => performance.getEntriesByType("resource")
        .filter((entry) => entry.name.includes("/content/")).map((entry) => entry.initiatorType));
      assert.deepEqual(initiators, files.map(() => "link"), path);
    }
    noPageErrors(context);
    await context.close();
  });

  for (const device of DEVICES) {
    it(`are taken over by the app without a layout shift on ${device.name}`, async () => {
      const context = await newContext(browser, device);
      await context.addInitScript(() => {
        window.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
      });
      const page = await newPage(context);
      for (const path of ["/", SEED_PATH, "/kinh-te/trang/2"]) {
        const prerendered = await (await page.request.get(path)).text();
        await page.goto(path);
        await appReady(page);
        await page.waitForTimeout(300);
        const shift = await page.evaluate(() => window.__shift);
        assert.ok(shift < 0.01, `${path}: layout shifted by ${shift}`);
        const [before, after] = await page.evaluate((html) => {
          const doc = new DOMParser().parseFromString(html, "text/html");
          const text = (root) => root.querySelector("main h1").textContent + "|" + (root.querySelector(".article-body, .article-list")?.textContent ?? "") +
            "|" + (root.querySelector("[data-testid=lead-story]")?.textContent ?? "");
          return [text(doc), text(document)];
        }, prerendered);
        assert.equal(after, before, `${path}: the app shows what the prerendered page showed`);
      }
      noPageErrors(context);
      await context.close();
    });
  }
});
