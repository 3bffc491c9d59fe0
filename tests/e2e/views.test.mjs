// View counting in the reader's browser: baseline plus this browser's views, once per window.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { DEVICES, SEED_PATH, SEED_TITLE, appReady, launch, newContext, newPage, heading, metaViews, noPageErrors } from "./support.mjs";

const T0 = new Date("2026-03-01T09:00:00+07:00");
const MINUTE = 60_000;

for (const device of DEVICES) {
  describe(`view counter on ${device.name}`, () => {
    let browser;
    before(async () => { browser = await launch(); });
    after(async () => { await browser?.close(); });

    it("counts the first view, not a reload, and again after the window", async () => {
      const context = await newContext(browser, device);
      await context.clock.install({ time: T0 });
      const page = await newPage(context);
      await page.goto(SEED_PATH);
      assert.equal(await metaViews(page), "175");
      await page.reload();
      assert.equal(await metaViews(page), "175");
      // Back to the section and forward again, within the window.
      await page.goto("/tin-tuc-su-kien");
      await appReady(page);
      await page.getByRole("link", { name: SEED_TITLE }).first().click();
      assert.equal(await heading(page), SEED_TITLE);
      assert.equal(await metaViews(page), "175");

      await context.clock.setSystemTime(new Date(T0.getTime() + 31 * MINUTE));
      await page.reload();
      assert.equal(await metaViews(page), "176");
      noPageErrors(context);
      await context.close();
    });

    it("starts from the baseline in a new browser context", async () => {
      const first = await newContext(browser, device);
      const page = await newPage(first);
      await page.goto(SEED_PATH);
      assert.equal(await metaViews(page), "175");
      await first.close();
      const second = await newContext(browser, device);
      const again = await newPage(second);
      await again.goto(SEED_PATH);
      assert.equal(await metaViews(again), "175");
      await second.close();
    });

    it("updates another open tab and does not count a second tab again", async () => {
      const context = await newContext(browser, device);
      const list = await newPage(context);
      await list.goto("/tin-tuc-su-kien");
      await appReady(list);
      const seedItem = list.locator(".article-item", { hasText: SEED_TITLE }).locator(".view-count");
      await seedItem.waitFor();
      assert.equal(await seedItem.textContent(), "174");

      const reader = await newPage(context);
      await reader.goto(SEED_PATH);
      assert.equal(await metaViews(reader), "175");
      await list.waitForFunction(
        (title) => [...document.querySelectorAll(".article-item")].find((li) => li.textContent.includes(title))?.querySelector(".view-count")?.textContent === "175",
        SEED_TITLE,
      );
      const secondTab = await newPage(context);
      await secondTab.goto(SEED_PATH);
      assert.equal(await metaViews(secondTab), "175");
      noPageErrors(context);
      await context.close();
    });

    it("keeps working in memory when storage throws", async () => {
      const context = await newContext(browser, device);
      await context.addInitScript(() => {
        Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
      });
      const page = await newPage(context);
      await page.goto(SEED_PATH);
      assert.equal(await heading(page), SEED_TITLE);
      assert.equal(await metaViews(page), "175");
      assert.match(await page.locator(".views-note").textContent(), /chỉ được tính trong lượt truy cập này/);
      noPageErrors(context);
      await context.close();
    });

    it("replaces corrupt stored data and lets the reader clear the history", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await page.goto("/");
      // Let the app finish loading first: leaving mid-load would abort its wasm download.
      await page.getByTestId("lead-story").waitFor();
      await page.evaluate(() => localStorage.setItem("tintuc:views:v1", "{not json"));
      await page.goto(SEED_PATH);
      assert.equal(await metaViews(page), "175");
      const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("tintuc:views:v1")));
      assert.equal(stored.v, 1);
      await page.getByRole("button", { name: "Xóa lịch sử đọc trên trình duyệt này" }).click();
      await page.getByText("Đã xóa lịch sử đọc.").waitFor();
      assert.equal(await metaViews(page), "174");
      noPageErrors(context);
      await context.close();
    });
  });
}
