// A reader on the release build: navigating, deep links, paging, unknown URLs, failures.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { DEVICES, SEED_PATH, SEED_TITLE, launch, newContext, newPage, heading, openSection, metaViews, noPageErrors } from "./support.mjs";

for (const device of DEVICES) {
  describe(`reader on ${device.name}`, () => {
    let browser;
    before(async () => { browser = await launch(); });
    after(async () => { await browser?.close(); });

    it("goes home, to a section, to the seed article, and back", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await page.goto("/");
      await page.getByTestId("lead-story").waitFor();
      assert.match(await page.getByTestId("lead-story").textContent(), /Đống Đa lần thứ XXVIII/);
      assert.ok(await page.getByRole("heading", { name: "Xem nhiều" }).isVisible());
      assert.match(await page.locator("[data-testid=demo-notice]").textContent(), /không phải tin thật/);

      await openSection(page, "Tin tức sự kiện");
      await page.waitForURL("**/tin-tuc-su-kien");
      assert.equal(await heading(page), "Tin tức sự kiện");
      const current = page.getByRole("navigation", { name: "Chuyên mục" }).locator("[aria-current=page]");
      assert.equal((await current.textContent()).trim(), "Tin tức sự kiện");

      await page.getByRole("link", { name: SEED_TITLE }).first().click();
      await page.waitForURL(`**${SEED_PATH}`);
      assert.equal(await heading(page), SEED_TITLE);
      assert.match(await page.getByTestId("meta-line").textContent(), /^Ngày đăng 19\/07\/2020 \| 18:40 \| Lượt xem: 175/);
      assert.match(await page.title(), /^Đại hội đại biểu quận Đống Đa/);
      const description = await page.locator("meta[name=description]").getAttribute("content");
      assert.match(description, /^Đại hội đại biểu Đảng bộ quận Đống Đa/);
      assert.equal(await page.getByRole("navigation", { name: "Vị trí trang" }).getByRole("link").count(), 2);
      assert.ok(await page.getByRole("heading", { name: "Các tin khác" }).isVisible());
      assert.doesNotMatch(await page.locator("article").textContent(), /\?\?/);

      await page.goBack();
      await page.waitForURL("**/tin-tuc-su-kien");
      assert.equal(await heading(page), "Tin tức sự kiện");
      await page.goForward();
      await page.waitForURL(`**${SEED_PATH}`);
      assert.equal(await heading(page), SEED_TITLE);
      noPageErrors(context);
      await context.close();
    });

    it("opens the seed article from a copied link", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await page.goto(SEED_PATH);
      assert.equal(await heading(page), SEED_TITLE);
      assert.equal(await metaViews(page), "175");
      assert.equal(await page.locator(".article-body figure img").count(), 2);
      noPageErrors(context);
      await context.close();
    });

    it("pages through a section with the page number in the URL", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await page.goto("/kinh-te");
      assert.equal(await heading(page), "Kinh tế");
      const firstTitles = await page.locator(".section-page .article-item__title").allTextContents();
      assert.equal(firstTitles.length, 8);
      await page.getByRole("link", { name: "Trang sau" }).click();
      await page.waitForURL("**/kinh-te/trang/2");
      await page.locator(".section-page .article-item__title").first().waitFor();
      const secondTitles = await page.locator(".section-page .article-item__title").allTextContents();
      assert.notDeepEqual(secondTitles, firstTitles);
      assert.match(await page.title(), /Trang 2/);
      await page.getByRole("link", { name: "Trang 3" }).click();
      await page.waitForURL("**/kinh-te/trang/3");
      await page.locator(".section-page .article-item__title").first().waitFor();
      assert.equal(await page.getByRole("link", { name: "Trang sau" }).count(), 0);
      await page.reload();
      assert.equal(await heading(page), "Kinh tế");
      assert.equal(await page.locator(".pagination [aria-current=page]").textContent(), "3");
      noPageErrors(context);
      await context.close();
    });

    it("never shows one section's articles under another's heading while it loads", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await page.goto("/kinh-te");
      assert.equal(await heading(page), "Kinh tế");
      const before = await page.locator(".section-page .article-item__title").allTextContents();
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route("**/content/sections/chinh-tri/1.json", async (route) => { await held; await route.continue(); });
      await openSection(page, "Chính trị");
      await page.waitForURL("**/chinh-tri");
      await page.locator(".section-page .loading").waitFor();
      assert.equal((await page.locator("h1").textContent()).trim(), "Chính trị");
      assert.equal(await page.locator(".section-page .article-item").count(), 0);
      release();
      await page.locator(".section-page .article-item__title").first().waitFor();
      const after = await page.locator(".section-page .article-item__title").allTextContents();
      assert.ok(after.length > 0);
      assert.deepEqual(after.filter((title) => before.includes(title)), []);
      noPageErrors(context);
      await context.close();
    });

    it("does not wait for a section the reader has already left", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await page.goto("/kinh-te");
      assert.equal(await heading(page), "Kinh tế");
      // This section's file never comes while the reader is still there.
      let aborted = false;
      await page.route("**/content/sections/chinh-tri/1.json", () => {});
      page.on("requestfailed", (request) => { if (request.url().includes("chinh-tri")) aborted = true; });
      await openSection(page, "Chính trị");
      await page.waitForURL("**/chinh-tri");
      await page.locator(".section-page .loading").waitFor();
      await openSection(page, "Văn hóa – Xã hội");
      await page.waitForURL("**/van-hoa-xa-hoi");
      await page.locator(".section-page .article-item__title").first().waitFor({ timeout: 5000 });
      assert.equal(await heading(page), "Văn hóa – Xã hội");
      assert.ok(aborted, "the request for the section left behind was aborted");
      noPageErrors(context);
      await context.close();
    });

    it("starts loading a page when the reader presses its link, and uses that request", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await page.goto("/kinh-te");
      assert.equal(await heading(page), "Kinh tế");
      const requests = [];
      page.on("request", (request) => { if (request.url().endsWith("/content/sections/chinh-tri/1.json")) requests.push(request); });
      const toggle = page.getByRole("button", { name: "Chuyên mục" });
      if (await toggle.isVisible()) await toggle.click();
      const link = page.getByRole("navigation", { name: "Chuyên mục" }).getByRole("link", { name: "Chính trị", exact: true });
      const box = await link.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const early = page.waitForRequest((request) => request.url().endsWith("/content/sections/chinh-tri/1.json"));
      await page.mouse.down();
      await early;
      // Pressed, not yet released: the file is on its way and the reader is still on the section.
      assert.equal(new URL(page.url()).pathname, "/kinh-te");
      await page.mouse.up();
      await page.waitForURL("**/chinh-tri");
      assert.equal(await heading(page), "Chính trị");
      await page.locator(".section-page .article-item__title").first().waitFor();
      assert.equal(requests.length, 1, "the page used the request its link started");
      noPageErrors(context);
      await context.close();
    });

    it("starts loading an article when the pointer rests on its link, and uses that request", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await page.goto("/kinh-te");
      assert.equal(await heading(page), "Kinh tế");
      const requested = [];
      page.on("request", (request) => { if (request.url().includes("/content/articles/")) requested.push(new URL(request.url()).pathname); });
      // Below the first screen: not among the links in view that load when the page is idle.
      const link = page.locator(".section-page .article-item__title a").nth(6);
      await link.scrollIntoViewIfNeeded();
      const slug = (await link.getAttribute("href")).split("/").pop();
      await link.hover();
      await page.waitForRequest((request) => request.url().endsWith(`/content/articles/${slug}.json`));
      assert.equal(new URL(page.url()).pathname, "/kinh-te", "loaded before any click");
      await page.mouse.down();
      await page.mouse.up();
      await page.waitForURL(`**/${slug}`);
      await page.locator("article h1").waitFor();
      assert.deepEqual(requested.filter((path) => path.endsWith(`/${slug}.json`)), [`/content/articles/${slug}.json`], "the article used the request the hover started");
      noPageErrors(context);
      await context.close();
    });

    it("loads the pages of the first links in view once idle, so a tap finds its article on the way", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      const requested = [];
      page.on("request", (request) => { if (request.url().includes("/content/articles/")) requested.push(new URL(request.url()).pathname); });
      await page.goto("/");
      const link = page.getByTestId("lead-story").getByRole("link").first();
      const slug = (await link.getAttribute("href")).split("/").pop();
      // Requested as soon as the page is idle, perhaps before the page said it runs.
      for (let i = 0; i < 50 && !requested.some((path) => path.endsWith(`/${slug}.json`)); i++) await page.waitForTimeout(100);
      assert.ok(requested.some((path) => path.endsWith(`/${slug}.json`)), "the lead story's article loads ahead");
      assert.ok(requested.length <= 4, `at most four pages load ahead: ${requested.join(", ")}`);
      await link.click();
      await page.locator("article h1").waitFor();
      assert.equal(requested.filter((path) => path.endsWith(`/${slug}.json`)).length, 1, "the article used the request started ahead");
      noPageErrors(context);
      await context.close();
    });

    it("shows not found for unknown paths, sections, articles and pages", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      for (const path of ["/khong-co-trang-nay", "/kinh-te/khong-co-bai-nay", "/kinh-te/trang/99", "/kinh-te/trang/0", "/a/b/c/d"]) {
        await page.goto(path);
        await page.getByTestId("not-found").waitFor();
        assert.equal(await heading(page), "Không tìm thấy trang", path);
      }
      await page.getByRole("link", { name: "Về trang chủ" }).click();
      await page.getByTestId("lead-story").waitFor();
      noPageErrors(context);
      await context.close();
    });

    it("says which file failed on a network error and recovers with retry", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      // A rendered page carries its own content: the failure comes with the next page's.
      await page.goto("/kinh-te");
      await page.route("**/content/home.json", (route) => route.abort("internetdisconnected"));
      await openSection(page, "Trang chủ");
      const alert = page.getByRole("alert");
      await alert.waitFor();
      assert.match(await alert.textContent(), /content\/home\.json/);
      // The navigation still works while the page's own content failed.
      assert.equal(await page.locator(".section-nav a").count(), 7);
      // A retry that fails the same way shows the error anew, so that it is announced again.
      await alert.evaluate((element) => element.setAttribute("data-seen", ""));
      await page.getByRole("button", { name: "Thử lại" }).click();
      await page.locator("[role=alert]:not([data-seen])").waitFor();
      await page.unroute("**/content/home.json");
      await page.getByRole("button", { name: "Thử lại" }).click();
      await page.getByTestId("lead-story").waitFor();
      assert.equal(await page.getByRole("alert").count(), 0);
      noPageErrors(context);
      await context.close();
    });

    it("explains malformed JSON and an HTTP error without breaking the page", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      // Before the page opens: its links' articles start loading as soon as it is idle.
      await page.route("**/content/articles/*.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"slug": "x",\n "title": }' }));
      await page.goto("/kinh-te");
      await page.locator(".section-page .article-item__title a").first().click();
      await page.getByRole("alert").waitFor();
      assert.match(await page.getByRole("alert").textContent(), /dòng 2, cột/);
      await page.unroute("**/content/articles/*.json");
      await page.route("**/content/sections/chinh-tri/1.json", (route) => route.fulfill({ status: 503, body: "busy" }));
      await openSection(page, "Chính trị");
      await page.getByRole("alert").waitFor();
      assert.match(await page.getByRole("alert").textContent(), /HTTP 503/);
      assert.equal(await heading(page), "Chính trị");
      noPageErrors(context);
      await context.close();
    });

    it("refuses a manifest in an unsupported format version with a clear message", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await page.route("**/content/site.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"format": 99}' }));
      // The app shell (an address with no rendered page) is where the app reads the manifest.
      await page.goto("/kinh-te/bai-chua-co");
      await page.getByRole("alert").waitFor();
      assert.match(await page.getByRole("alert").textContent(), /phiên bản 99/);
      noPageErrors(context);
      await context.close();
    });
  });
}
