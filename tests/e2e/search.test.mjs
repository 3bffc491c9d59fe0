// Searching the archive as a reader does: from the header, typed with and without marks, the
// results' address shared and reloaded, back and forward, at the root and under /tin/, on a
// phone and a desktop; and what a reader may type or paste into the address.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { DEVICES, SUB_URL, SEED_PATH, SEED_TITLE, launch, newContext, newPage, heading, openSection, noPageErrors, watchedPage, appReady, axeViolations } from "./support.mjs";

const SITES = [
  { name: "root", url: (path) => path, home: "/" },
  { name: "/tin/", url: (path) => new URL(path.replace(/^\//, ""), SUB_URL).href, home: SUB_URL },
];

/** The summary line once the results are in (not while searching); with `asked`, once they
 *  are the results for it. */
async function summary(page, asked) {
  const line = page.getByTestId("search-summary");
  await page.waitForFunction((asked) => {
    const text = document.querySelector("[data-testid=search-summary]")?.textContent ?? "";
    const done = text && text !== "Đang tìm…" && text !== "Searching…";
    return done && (asked === undefined || text.includes(`“${asked}”`));
  }, asked);
  return (await line.textContent()).trim();
}

async function resultTitles(page) {
  return (await page.locator(".search-result__title").allTextContents()).map((t) => t.trim());
}

/** Types into the header's search field, opening the phone menu first when it is folded. */
async function searchFromHeader(page, text) {
  const toggle = page.getByRole("button", { name: "Chuyên mục" });
  if (await toggle.isVisible()) await toggle.click();
  const field = page.getByRole("search", { name: "Tìm kiếm" }).getByRole("searchbox");
  await field.fill(text);
  await field.press("Enter");
}

for (const device of DEVICES) {
  for (const site of SITES) {
    describe(`search on ${device.name} at ${site.name}`, () => {
      let browser;
      before(async () => { browser = await launch(); });
      after(async () => { await browser?.close(); });

      it("finds the seed typed without marks, opens it, and comes back by back and forward", async () => {
        const context = await newContext(browser, device);
        const page = await newPage(context);
        await page.goto(site.home);
        await searchFromHeader(page, "dai hoi dong da");
        await page.waitForURL(/\/tim-kiem\?q=dai\+hoi\+dong\+da$/);
        assert.equal(await heading(page), "Tìm kiếm");
        assert.match(await summary(page), /^\d+ kết quả cho “dai hoi dong da”$/);
        assert.equal((await resultTitles(page))[0], SEED_TITLE);
        // The matched words are marked, in the title and the excerpt.
        const first = page.locator(".search-result").first();
        assert.deepEqual(await first.locator(".search-result__title mark").allTextContents(), ["Đại", "hội", "đại", "Đống", "Đa"]);
        assert.ok((await first.locator(".search-result__excerpt mark").count()) > 0);
        assert.match(await first.locator(".search-result__meta").textContent(), /Tin tức sự kiện · 19\/07\/2020 \| 18:40/);
        assert.equal(await page.getByRole("searchbox").inputValue(), "dai hoi dong da");
        assert.match(await page.title(), /^Tìm kiếm: dai hoi dong da – /);

        await first.getByRole("link").click();
        await page.waitForURL(`**${SEED_PATH}`);
        assert.equal(await heading(page), SEED_TITLE);
        await page.goBack();
        await page.waitForURL(/\/tim-kiem\?q=dai\+hoi\+dong\+da$/);
        assert.equal(await page.getByRole("searchbox").inputValue(), "dai hoi dong da");
        assert.equal((await resultTitles(page))[0], SEED_TITLE);
        await page.goForward();
        await page.waitForURL(`**${SEED_PATH}`);
        assert.equal(await heading(page), SEED_TITLE);
        noPageErrors(context);
        await context.close();
      });

      it("answers as the reader types with marks, and takes focus to the results on Enter", async () => {
        const context = await newContext(browser, device);
        const page = await newPage(context);
        await page.goto(site.url("/tim-kiem"));
        assert.match(await summary(page), /có dấu hay không dấu/);
        const field = page.getByRole("searchbox");
        await field.pressSequentially("Đống Đa", { delay: 30 });
        // Typing alone brings the results, and the address follows without a new history entry.
        await page.waitForURL(/\?q=%C4%90%E1%BB%91ng\+%C4%90a$/);
        assert.match(await summary(page), /kết quả cho “Đống Đa”/);
        assert.equal((await resultTitles(page))[0], SEED_TITLE);
        assert.equal(await field.evaluate((f) => f === document.activeElement), true);
        await field.press("Enter");
        await page.waitForFunction(() => document.activeElement?.id === "search-summary");

        // Decomposed input (as some keyboards write it) finds the same.
        await field.fill("\u0110o\u0302\u0301ng \u0110a");
        await field.press("Enter");
        await page.waitForFunction(() => document.activeElement?.id === "search-summary");
        assert.equal((await resultTitles(page))[0], SEED_TITLE);

        // The address, shared: opened afresh, it shows the same results.
        const shared = page.url();
        const other = await newPage(context);
        await other.goto(shared);
        assert.match(await summary(other), /kết quả cho “Đống Đa”/);
        assert.equal((await resultTitles(other))[0], SEED_TITLE);
        await other.reload();
        await summary(other);
        assert.equal((await resultTitles(other))[0], SEED_TITLE);
        noPageErrors(context);
        await context.close();
      });

      it("pages with “more” and says when nothing matches", async () => {
        const context = await newContext(browser, device);
        const page = await newPage(context);
        await page.goto(site.url("/tim-kiem?q=quan"));
        const total = Number((await summary(page)).match(/^([\d.]+) kết quả/)[1].replace(/\./g, ""));
        assert.ok(total > 10, `${total} results`);
        assert.equal((await resultTitles(page)).length, 10);
        await page.getByRole("button", { name: "Xem thêm kết quả" }).click();
        await page.waitForFunction(() => document.querySelectorAll(".search-result").length === 20);
        await page.getByRole("searchbox").fill("khongcobaonaonhuthe");
        assert.equal(await summary(page, "khongcobaonaonhuthe"), "Không có bài nào khớp với “khongcobaonaonhuthe”. Hãy thử bớt từ, hoặc viết khác đi.");
        assert.equal(await page.locator(".search-result").count(), 0);
        noPageErrors(context);
        await context.close();
      });
    });
  }

  describe(`search input on ${device.name}`, () => {
    let browser;
    before(async () => { browser = await launch(); });
    after(async () => { await browser?.close(); });

    it("takes anything in the address: a clear message or results, no error", async () => {
      const context = await newContext(browser, device);
      const page = await watchedPage(context);
      let dialogs = 0;
      page.on("dialog", (d) => { dialogs += 1; d.dismiss(); });
      const cases = [
        ["", /có dấu hay không dấu/],
        ["?q=", /có dấu hay không dấu/],
        ["?q=%3F%21%E2%80%A6", /^“\?!…” không có chữ hay số nào để tìm\.$/],
        [`?q=${encodeURIComponent("<script>alert(1)</script>\"'")}`, /^Không có bài nào khớp với “<script>alert\(1\)<\/script>"'”/],
        ["?q=%E0%A4%A", /./],
        ["?q=%ZZ%", /./],
        [`?q=${"dai+".repeat(500)}`, /kết quả cho “dai dai/],
        [`?q=${"x".repeat(2000)}`, /^Không có bài nào khớp với “x{80}…”/],
      ];
      for (const [query, expected] of cases) {
        await page.goto(`/tim-kiem${query}`);
        await appReady(page);
        assert.match(await summary(page), expected, query);
      }
      // Many words: the reader is told only the first ones were used.
      await page.goto(`/tim-kiem?q=${"dai+".repeat(500)}`);
      await appReady(page);
      await summary(page);
      assert.match(await page.locator(".search-note").textContent(), /Chỉ 8 từ đầu tiên/);
      assert.equal(dialogs, 0);
      assert.deepEqual(page.problems, []);
      await context.close();
    });

    it("goes back and forward between two searches, and keeps focus in the field after an empty Enter", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await page.goto("/tim-kiem?q=cap+nuoc");
      assert.match(await summary(page, "cap nuoc"), /kết quả/);
      const field = page.getByRole("searchbox");
      await field.fill("tiem chung");
      await field.press("Enter");
      await page.waitForURL(/\?q=tiem\+chung$/);
      assert.match(await summary(page, "tiem chung"), /kết quả/);
      await page.goBack();
      await page.waitForURL(/\?q=cap\+nuoc$/);
      assert.match(await summary(page, "cap nuoc"), /kết quả/);
      assert.equal(await field.inputValue(), "cap nuoc");
      await page.goForward();
      await page.waitForURL(/\?q=tiem\+chung$/);
      assert.match(await summary(page, "tiem chung"), /kết quả/);
      // Back again, then a link: the new page opens at its top, as after any link.
      await page.goBack();
      await summary(page, "cap nuoc");
      await page.mouse.wheel(0, 600);
      await page.locator(".search-result a").nth(3).click();
      await page.waitForURL(/\/[a-z-]+\/[a-z0-9-]+$/);
      await page.waitForFunction(() => window.scrollY === 0 && document.activeElement?.tagName === "H1");

      // Enter with nothing to search for leaves focus in the field, and typing goes on there.
      await page.goto("/tim-kiem");
      await field.press("Enter");
      await field.pressSequentially("dong da", { delay: 40 });
      await summary(page, "dong da");
      assert.equal(await field.evaluate((f) => f === document.activeElement), true);
      assert.equal(await field.inputValue(), "dong da");
      noPageErrors(context);
      await context.close();
    });

    it("leaves out an article that is gone, and lets the reader leave a search under way", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await context.route(`**/content/articles/${SEED_PATH.split("/").pop()}.json`, (route) => route.fulfill({ status: 404, body: "" }));
      await page.goto("/tim-kiem?q=xxviii");
      assert.equal(await summary(page, "xxviii"), "1 kết quả cho “xxviii”");
      assert.equal(await page.locator(".search-result").count(), 0);
      await context.unroute("**/content/articles/**");

      // A slow network: the reader leaves while the results are still coming.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await context.route("**/content/search/**", async (route) => { await held; await route.continue(); });
      await page.goto("/tim-kiem");
      await page.getByRole("searchbox").fill("cap nuoc");
      await page.locator(".site-name").click();
      await page.getByTestId("lead-story").waitFor();
      release();
      await page.waitForTimeout(300);
      await context.unroute("**/content/search/**");
      await openSection(page, "Tin tức sự kiện");
      assert.equal(await heading(page), "Tin tức sự kiện");
      assert.ok(!page.url().includes("tim-kiem"), page.url());
      noPageErrors(context);
      await context.close();
    });

    it("says when the index cannot be had, and retries", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await context.route("**/content/search/**", (route) => route.fulfill({ status: 503, body: "busy" }));
      await page.goto("/tim-kiem?q=dong+da");
      const alert = page.getByRole("alert");
      await alert.waitFor();
      assert.match(await alert.textContent(), /HTTP 503.*content\/search\/index\.json/);
      await context.unroute("**/content/search/**");
      await page.getByRole("button", { name: "Thử lại" }).click();
      assert.match(await summary(page), /kết quả cho “dong da”/);
      assert.equal((await resultTitles(page))[0], SEED_TITLE);
      noPageErrors(context);
      await context.close();
    });

    it("passes axe with results, light and dark, and in English", async () => {
      const found = [];
      for (const colorScheme of ["light", "dark"]) {
        const context = await newContext(browser, device, { colorScheme });
        const page = await newPage(context);
        for (const path of ["/tim-kiem", "/tim-kiem?q=dai+hoi", "/tim-kiem?q=khongco", "/en/tim-kiem?q=district"]) {
          await page.goto(path);
          await summary(page);
          for (const v of await axeViolations(page)) found.push(`${colorScheme} ${path}: ${v}`);
        }
        // The header's field on another page, the phone menu open.
        await page.goto("/");
        const toggle = page.getByRole("button", { name: "Chuyên mục" });
        if (await toggle.isVisible()) await toggle.click();
        for (const v of await axeViolations(page)) found.push(`${colorScheme} home: ${v}`);
        await context.close();
      }
      assert.deepEqual(found, []);
    });

    it("searches the English edition in English", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await page.goto("/en/tim-kiem?q=congress+dong+da");
      assert.match(await summary(page), /^\d+ results? for “congress dong da”$/);
      assert.equal((await resultTitles(page))[0], "Dong Da district's 28th Party Congress, term 2020–2025");
      await page.locator(".search-result a").first().click();
      await page.waitForURL(/\/en\/news-events\/dong-da-district-party-congress-xxviii-2020-2025$/);
      noPageErrors(context);
      await context.close();
    });
  });
}
