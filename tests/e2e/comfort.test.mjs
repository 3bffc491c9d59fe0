// Readers on phones and with assistive technology: accessibility checks (axe-core), layout at
// 320–1280 px, the menu by keyboard, text size and scheme, print, sharing, scroll and focus.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { DEVICES, SEED_PATH, SEED_TITLE, axeViolationsOn, launch, newContext, newPage, heading, noPageErrors, settled } from "./support.mjs";

const PAGES = { home: "/", section: "/kinh-te", article: SEED_PATH, "not found": "/khong-co-trang-nay" };
const WIDTHS = [320, 375, 1280];


let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

describe("accessibility (axe-core, WCAG 2.1 A and AA)", () => {
  for (const device of DEVICES) {
    for (const colorScheme of ["light", "dark"]) {
      it(`has no violations on ${device.name} in ${colorScheme} mode`, async () => {
        const context = await newContext(browser, device, { colorScheme });
        const page = await newPage(context);
        assert.deepEqual(await axeViolationsOn(page, PAGES), []);
        noPageErrors(context);
        await context.close();
      });
    }
  }
});

describe("layout", () => {
  for (const width of WIDTHS) {
    it(`never scrolls sideways at ${width} px`, async () => {
      const context = await newContext(browser, { name: `${width}`, viewport: { width, height: 800 }, isMobile: width < 800, hasTouch: width < 800 });
      const page = await newPage(context);
      for (const [name, path] of Object.entries(PAGES)) {
        await page.goto(path);
        await settled(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${name} overflows by ${overflow}px`);
      }
      await context.close();
    });
  }

  it("gives touch targets at least 44 by 44 px on a phone", async () => {
    const context = await newContext(browser, { ...DEVICES[1], viewport: { width: 320, height: 700 } });
    const page = await newPage(context);
    await page.goto("/kinh-te");
    await settled(page);
    await page.getByRole("button", { name: "Chuyên mục" }).click();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll(".section-nav a, .section-nav button, .pagination a, .site-footer button")]
        // What shows: the offline copies' button is hidden while the browser keeps none.
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => ({ el: el.textContent.trim(), box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(({ el, box }) => `${el}: ${Math.round(box.width)}x${Math.round(box.height)}`),
    );
    assert.deepEqual(small, []);
    await context.close();
  });

  // Where the lead may start at most: the 375 px phone is where the tools took three rows and
  // pushed it to 575 px; a 320 px one wraps the title onto more lines.
  for (const [width, leadBelow] of [[320, 600], [375, 520]]) {
    it(`keeps the article's tools to one row on a ${width} px phone, so the story starts on the first screen`, async () => {
      const context = await newContext(browser, { ...DEVICES[1], viewport: { width, height: 740 } });
      const page = await newPage(context);
      await page.goto(SEED_PATH);
      await settled(page);
      const [rows, leadTop, targets] = await page.evaluate(() => {
        const tools = [...document.querySelectorAll(".article__tools button, .article__tools select")]
          .filter((el) => el.getClientRects().length > 0);
        const tops = new Set(tools.map((el) => Math.round(el.getBoundingClientRect().top)));
        const small = tools.filter((el) => el.getBoundingClientRect().height < 44 || el.getBoundingClientRect().width < 44);
        return [tops.size, document.querySelector(".article__lead").getBoundingClientRect().top, small.length];
      });
      assert.equal(rows, 1, "the tools wrap");
      assert.equal(targets, 0, "a tool is smaller than 44 px");
      assert.ok(leadTop < leadBelow, `the lead starts ${leadTop}px down`);
      // The colour scheme is still at hand, in the footer.
      assert.ok(await page.locator(".site-footer select").isVisible());
      await context.close();
    });
  }
});

describe("the section menu on a phone", () => {
  it("opens, is walked with Tab and closes with Escape, by keyboard alone", async () => {
    const context = await newContext(browser, { ...DEVICES[1], viewport: { width: 320, height: 700 } });
    const page = await newPage(context);
    await page.goto("/");
    await settled(page);
    const toggle = page.getByRole("button", { name: "Chuyên mục" });
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    const nav = page.getByRole("navigation", { name: "Chuyên mục" });
    assert.equal(await nav.locator("a", { hasText: "Kinh tế" }).isVisible(), false);
    await toggle.focus();
    await page.keyboard.press("Enter");
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Tin tức sự kiện");
    await page.keyboard.press("Escape");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    assert.equal(await page.evaluate(() => document.activeElement.className), "section-nav__toggle");
    // Following a link closes the menu.
    await page.keyboard.press("Enter");
    await nav.getByRole("link", { name: "Kinh tế", exact: true }).click();
    await page.waitForURL("**/kinh-te");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    noPageErrors(context);
    await context.close();
  });
});

describe("reading comforts", () => {
  it("remembers text size and colour scheme across a reload, without a flash", async () => {
    const context = await newContext(browser, DEVICES[0]);
    const page = await newPage(context);
    await page.goto(SEED_PATH);
    await settled(page);
    const before = await page.locator(".article-body p").first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    await page.getByRole("button", { name: "Tăng cỡ chữ" }).first().click();
    await page.getByRole("button", { name: "Tăng cỡ chữ" }).first().click();
    await page.getByTestId("theme").first().selectOption("dark");
    const after = await page.locator(".article-body p").first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    assert.ok(after > before * 1.2, `text grew from ${before} to ${after}`);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");

    await page.reload({ waitUntil: "domcontentloaded" });
    // Applied by index.html before the app has even loaded.
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
    assert.equal(await page.evaluate(() => document.documentElement.style.getPropertyValue("--text-scale")), "1.25");
    await settled(page);
    assert.equal(await page.getByTestId("theme").first().inputValue(), "dark");
    await page.getByRole("button", { name: "Cỡ chữ mặc định" }).first().click();
    await page.getByTestId("theme").first().selectOption("system");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
    noPageErrors(context);
    await context.close();
  });

  it("prints the article without navigation, buttons or other news", async () => {
    const context = await newContext(browser, DEVICES[0]);
    const page = await newPage(context);
    await page.goto(SEED_PATH);
    await settled(page);
    await page.getByRole("heading", { name: "Các tin khác" }).waitFor();
    await page.emulateMedia({ media: "print" });
    for (const hidden of [".site-header", ".site-footer", ".other-news", ".article__tools", ".breadcrumb"]) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is printed`);
    }
    for (const shown of ["h1", "[data-testid=meta-line]", ".article__lead", ".article-body", ".print-url"]) {
      assert.ok(await page.locator(shown).first().isVisible(), `${shown} is not printed`);
    }
    assert.match(await page.locator(".print-url").textContent(), new RegExp(SEED_PATH));
    await context.close();
  });

  it("copies the link with a visible confirmation where there is no share sheet", async () => {
    const context = await newContext(browser, DEVICES[0], { permissions: ["clipboard-read", "clipboard-write"] });
    const page = await newPage(context);
    await page.goto(SEED_PATH);
    await settled(page);
    await page.evaluate(() => { delete Navigator.prototype.share; });
    await page.getByRole("button", { name: "Chia sẻ" }).click();
    await page.getByText("Đã chép liên kết.").waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
    await context.close();
  });

  it("shows the reading time", async () => {
    const context = await newContext(browser, DEVICES[0]);
    const page = await newPage(context);
    await page.goto(SEED_PATH);
    await settled(page);
    assert.match(await page.locator(".meta-extra").textContent(), /\d+ phút đọc/);
    await context.close();
  });
});

describe("scroll and focus between pages", () => {
  it("opens new pages at the top with focus on the heading, and back returns to the place", async () => {
    const context = await newContext(browser, DEVICES[1]);
    const page = await newPage(context);
    await page.goto("/kinh-te");
    await settled(page);
    await page.evaluate(() => window.scrollTo(0, 900));
    await page.waitForTimeout(100);
    const link = page.locator(".section-page .article-item__title a").nth(5);
    const title = (await link.textContent()).trim();
    await link.click();
    await page.waitForFunction((t) => document.querySelector("h1")?.textContent === t, title);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.match(await page.locator("#route-announcer").textContent(), new RegExp(title));

    await page.goBack();
    await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Kinh tế");
    await page.waitForFunction(() => Math.abs(window.scrollY - 900) < 2);
    noPageErrors(context);
    await context.close();
  });
});
