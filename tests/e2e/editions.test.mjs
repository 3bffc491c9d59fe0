// The site in two languages from one release folder: the Vietnamese site at the root and its
// English edition under /en/ (public/en/content), each in its own language, linked to each other.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { DEVICES, SEED_PATH, SEED_TITLE, SITE_URL, SUB_URL, launch, newContext, newPage, heading, noPageErrors, axeViolationsOn, appReady, watchedPage } from "./support.mjs";

const EN = "/en/";
const EN_SEED = "/en/news-events/dong-da-district-party-congress-xxviii-2020-2025";
const EN_SEED_TITLE = "Dong Da district's 28th Party Congress, term 2020–2025";
const EN_PAGES = { home: EN, section: "/en/economy", "section page 2": "/en/economy/trang/2", article: EN_SEED, "not found": "/en/no-such-page" };

/** Clicks a section of the English navigation, opening the phone menu first when it is folded. */
async function openEnglishSection(page, title) {
  const toggle = page.getByRole("button", { name: "Sections" });
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: title, exact: true }).click();
}


let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const device of DEVICES) {
  describe(`the English edition on ${device.name}`, () => {
    it("reads home, a section and an article in English, with English dates and counts", async () => {
      const context = await newContext(browser, device);
      const page = await watchedPage(context);
      await page.goto(EN);
      await appReady(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
      assert.equal(await page.title(), "Dong Da District Portal");
      assert.ok(await page.getByRole("heading", { name: "Most read" }).isVisible());
      assert.ok(await page.getByRole("heading", { name: "Latest" }).isVisible());
      assert.match(await page.getByTestId("demo-notice").textContent(), /not real news/);
      assert.equal(await page.locator("meta[property='og:locale']").getAttribute("content"), "en_GB");
      // Counts are written the English way wherever a list shows them.
      const counts = await page.locator("[data-testid=view-count]").allTextContents();
      assert.ok(counts.some((c) => /^\d{1,3},\d{3}$/.test(c)), `no count over 999 written "1,234": ${counts}`);
      assert.ok(counts.every((c) => !c.includes(".")), `${counts}`);

      await openEnglishSection(page, "News and events");
      await page.waitForURL("**/en/news-events");
      assert.equal(await heading(page), "News and events");
      await page.getByRole("link", { name: EN_SEED_TITLE }).first().click();
      await page.waitForURL(`**${EN_SEED}`);
      assert.equal(await heading(page), EN_SEED_TITLE);
      // Hanoi time, whatever the reader's (the context is in New York); the view just counted.
      assert.equal(await page.getByTestId("meta-line").textContent(), "Published 19 July 2020, 18:40 | Views: 1");
      assert.match(await page.locator(".meta-extra__reading").textContent(), /^\d+ min read$/);
      assert.equal(await page.getByRole("navigation", { name: "You are here" }).getByRole("link").count(), 2);
      assert.ok(await page.getByRole("heading", { name: "More news" }).isVisible());
      assert.match(await page.title(), /^Dong Da district's 28th Party Congress/);

      await page.goBack();
      await page.waitForURL("**/en/news-events");
      assert.equal(await heading(page), "News and events");
      assert.deepEqual(page.problems, []);
      noPageErrors(context);
      await context.close();
    });

    it("links the seed article and its translation both ways", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await page.goto(SEED_PATH);
      // Each side names both, in full: search engines read hreflang only as full URLs.
      const hreflang = async () =>
        page.locator("link[rel=alternate][hreflang]").evaluateAll((links) => links.map((l) => `${l.hreflang} ${l.getAttribute("href")}`));
      const both = [`vi ${SITE_URL}${SEED_PATH}`, `en ${SITE_URL}${EN_SEED}`];
      assert.deepEqual(await hreflang(), both);
      const english = page.getByRole("navigation", { name: "Bài này bằng ngôn ngữ khác" }).getByRole("link", { name: "English" });
      assert.equal(await english.getAttribute("lang"), "en");
      await english.click();
      await page.waitForURL(`**${EN_SEED}`);
      assert.equal(await heading(page), EN_SEED_TITLE);
      assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
      // Rendered with the page it was first opened on; the English page's own, on opening it.
      await page.reload();
      assert.deepEqual(await hreflang(), [`en ${SITE_URL}${EN_SEED}`, `vi ${SITE_URL}${SEED_PATH}`]);
      await page.getByRole("navigation", { name: "This article in other languages" }).getByRole("link", { name: "Tiếng Việt" }).click();
      await page.waitForURL(`**${SEED_PATH}`);
      assert.equal(await heading(page), SEED_TITLE);
      assert.equal(await page.evaluate(() => document.documentElement.lang), "vi");
      // Each site's footer leads to the other edition's home page.
      await page.getByRole("navigation", { name: "Trang tin bằng ngôn ngữ khác" }).getByRole("link", { name: "English" }).click();
      await page.waitForURL(`**${EN}`);
      await page.getByTestId("lead-story").waitFor();
      await page.getByRole("navigation", { name: "This site in other languages" }).getByRole("link", { name: "Tiếng Việt" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await page.getByTestId("lead-story").waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), "vi");
      noPageErrors(context);
      await context.close();
    });

    it("says an unknown address is not found, in English, from the edition's own shell", async () => {
      const context = await newContext(browser, device);
      const page = await watchedPage(context);
      await page.goto("/en/no-such-page");
      await appReady(page);
      assert.equal(await heading(page), "Page not found");
      assert.equal(await page.title(), "Page not found – Dong Da District Portal");
      assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
      await page.getByRole("link", { name: "Go to the home page" }).click();
      await page.waitForURL(`**${EN}`);
      await page.getByTestId("lead-story").waitFor();
      assert.deepEqual(page.problems, []);
      noPageErrors(context);
      await context.close();
    });

    it("explains a failure in English and recovers with its retry", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await page.goto("/en/economy");
      await page.route("**/en/content/sections/politics/1.json", (route) => route.fulfill({ status: 503, body: "busy" }));
      await openEnglishSection(page, "Politics");
      const alert = page.getByRole("alert");
      await alert.waitFor();
      assert.equal(await alert.locator("h2").textContent(), "The content could not be loaded");
      assert.match(await alert.textContent(), /The server answered HTTP error 503 when loading content\/sections\/politics\/1\.json\./);
      await page.unroute("**/en/content/sections/politics/1.json");
      await page.getByRole("button", { name: "Try again" }).click();
      await page.locator(".section-page .article-item").first().waitFor();
      assert.equal(await page.getByRole("alert").count(), 0);
      noPageErrors(context);
      await context.close();
    });

    it("pages through a section in English", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await page.goto("/en/economy");
      const pages = page.getByRole("navigation", { name: "Pages" });
      assert.equal(await pages.locator(".visually-hidden").textContent(), "Page 1 of 2");
      await pages.getByRole("link", { name: "Next page" }).click();
      await page.waitForURL("**/en/economy/trang/2");
      assert.equal(await pages.locator(".visually-hidden").textContent(), "Page 2 of 2");
      assert.equal(await page.title(), "Economy – Page 2 – Dong Da District Portal");
      await pages.getByRole("link", { name: "Previous page" }).click();
      await page.waitForURL((url) => url.pathname === "/en/economy");
      assert.equal(await pages.getByRole("link", { name: "Page 2" }).count(), 1);
      noPageErrors(context);
      await context.close();
    });

    it("says in English when the site's manifest cannot be had, from the edition's own shell", async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      await page.route("**/en/content/site.json", (route) => route.fulfill({ status: 503, body: "busy" }));
      await page.goto("/en/economy/not-yet-published");
      const alert = page.getByRole("alert");
      await alert.waitFor();
      assert.match(await alert.textContent(), /The server answered HTTP error 503 when loading content\/site\.json\./);
      assert.equal(await page.locator(".skip-link").textContent(), "Skip to main content");
      assert.equal(await page.locator(".site-header .site-name").textContent(), "Home");
      await page.unroute("**/en/content/site.json");
      await page.getByRole("button", { name: "Try again" }).click();
      assert.equal(await heading(page), "Page not found");
      noPageErrors(context);
      await context.close();
    });

    for (const colorScheme of ["light", "dark"]) {
      it(`has no accessibility violations in ${colorScheme} mode`, async () => {
        const context = await newContext(browser, device, { colorScheme });
        const page = await newPage(context);
        assert.deepEqual(await axeViolationsOn(page, EN_PAGES), []);
        noPageErrors(context);
        await context.close();
      });
    }
  });
}

// The test build (under /tin/, with its switch for a panic on demand) carries the edition too.
describe("the English edition after a crash", () => {
  it("tells the reader in English and offers a reload", async () => {
    const context = await newContext(browser, DEVICES[0], { baseURL: SUB_URL });
    const page = await newPage(context);
    await page.goto("en/economy");
    await page.evaluate(() => window.dispatchEvent(new Event("tintuc-test-panic")));
    const notice = page.getByRole("alert");
    await notice.waitFor();
    assert.match(await notice.textContent(), /^Something went wrong and the page stopped responding/);
    const reload = page.getByRole("link", { name: "Reload the page" });
    await Promise.all([page.waitForEvent("load"), reload.click()]);
    await appReady(page);
    assert.equal(await heading(page), "Economy");
    await context.close();
  });
});

// GitHub Pages serves the main site's 404.html for every unknown address, an edition's too.
describe("an unknown English address on a host with one 404 page", () => {
  it("is told in English, with the way to the English home page", async () => {
    const context = await newContext(browser, DEVICES[1], { baseURL: SUB_URL });
    const page = await newPage(context);
    await page.goto("en/no-such-page");
    assert.equal(await heading(page), "Page not found");
    assert.equal(await page.getByTestId("not-found").getAttribute("lang"), "en");
    await page.getByRole("link", { name: "Go to the home page" }).click();
    await page.waitForURL((url) => url.pathname === "/tin/en/");
    await page.getByTestId("lead-story").waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    noPageErrors(context);
    await context.close();
  });
});
