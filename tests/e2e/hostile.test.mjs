// Hostile content and failures, as a reader meets them: the hostile files of
// tintuc_publisher::hostile served anyway (check refuses them all), a panic, storage that is full
// and a network that half-works. Each must end in a safe page or a clear message with a way on.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, SUB_URL, DEVICES, SEED_PATH, launch, newContext, newPage, appReady, heading, metaViews, openSection, noPageErrors, watchedPage } from "./support.mjs";

const HOSTILE_URL = process.env.HOSTILE_URL ?? "http://127.0.0.1:18082";
const HOSTILE_SUB_URL = process.env.HOSTILE_SUB_URL ?? "http://127.0.0.1:18083/tin/";
const [desktop, phone] = DEVICES;
// Each site once, each on one of the two devices; the root copy is the release as shipped, the
// /tin/ copy the test build.
const SITES = [
  { name: "at the root on a desktop", base: `${HOSTILE_URL}/`, device: desktop, documentIs404: false },
  { name: "under /tin/ on a phone", base: HOSTILE_SUB_URL, device: phone, documentIs404: true },
];
const SECTION = "tin-tuc-su-kien";
const SCRIPT_SCHEMES = /^(javascript|data|vbscript):/i;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A watched page (see support.mjs) on `site` that also records dialogs: `alert(1)` running. */
async function open(site, path) {
  const context = await newContext(browser, site.device, { baseURL: site.base });
  const page = await watchedPage(context, site.documentIs404);
  page.on("dialog", async (dialog) => { page.problems.push(`dialog: ${dialog.message()}`); await dialog.dismiss(); });
  await page.goto(path);
  await appReady(page);
  return { context, page };
}

/** The reader can still leave: the home link in the header opens the home page. */
async function leaveForHome(page) {
  await page.locator(".site-name").click();
  await page.getByTestId("lead-story").waitFor();
}

for (const site of SITES) {
  describe(`hostile articles served ${site.name}`, () => {
    it("shows links to script or data as plain text, and runs nothing", async () => {
      const { context, page } = await open(site, `${SECTION}/lien-ket-doc`);
      const body = page.getByTestId("article-body");
      await body.waitFor();
      assert.equal((await body.textContent()).match(/liên kết "/g)?.length, 9);
      const targets = await page.evaluate(() => [...document.querySelectorAll("#app [href], #app [src]")].map((e) => e.href ?? e.src));
      assert.deepEqual(targets.filter((t) => SCRIPT_SCHEMES.test(t)), []);
      assert.equal(await body.locator("a, img").count(), 0, "no link, and no picture from a script source");
      await leaveForHome(page);
      assert.deepEqual(page.problems, []);
      await context.close();
    });

    it("wraps a 10,000-character title: the page scrolls down, never sideways", async () => {
      const { context, page } = await open(site, `${SECTION}/tieu-de-rat-dai`);
      assert.equal((await heading(page)).length, 10_000);
      const { sideways, scrolled } = await page.evaluate(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        return { sideways: document.documentElement.scrollWidth - window.innerWidth, scrolled: window.scrollY };
      });
      assert.ok(sideways <= 0, `scrolls ${sideways} px sideways`);
      assert.ok(scrolled > 0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await leaveForHome(page);
      assert.deepEqual(page.problems, []);
      await context.close();
    });

    it("shows all 20,000 blocks of an article and stays usable", async () => {
      const { context, page } = await open(site, `${SECTION}/hai-muoi-nghin-doan`);
      await page.getByText("Đoạn 20000.", { exact: true }).waitFor({ state: "attached" });
      assert.equal(await page.getByTestId("article-body").locator("p").count(), 20_000);
      await leaveForHome(page);
      assert.deepEqual(page.problems, []);
      await context.close();
    });

    it("shows text that reorders itself as text, inside its own element", async () => {
      const { context, page } = await open(site, `${SECTION}/chu-dao-chieu`);
      assert.equal(await heading(page), "Tin \u202Egnóm\u202C gốc");
      assert.equal(await page.locator("h1").evaluate((h1) => getComputedStyle(h1).unicodeBidi), "isolate");
      assert.equal(await page.title(), `Tin gnóm gốc – ${await page.locator(".site-name").textContent()}`);
      await leaveForHome(page);
      assert.deepEqual(page.problems, []);
      await context.close();
    });

    it("reads a file with a byte-order mark, and one with bytes that are not UTF-8", async () => {
      const { context, page } = await open(site, `${SECTION}/co-bom`);
      assert.equal(await heading(page), "Bài lưu kèm BOM");
      await page.goto(`${SECTION}/khong-phai-utf8`);
      assert.match(await heading(page), /^Tiêu đề \uFFFD/);
      await leaveForHome(page);
      assert.deepEqual(page.problems, []);
      await context.close();
    });

    it("refuses a list nested 1,000 deep and a 20 MB file with a message and a retry", async () => {
      const { context, page } = await open(site, `${SECTION}/danh-sach-long-1000-tang`);
      const alert = page.getByRole("alert");
      await alert.waitFor();
      assert.match(await alert.textContent(), /danh-sach-long-1000-tang\.json.*items/s);
      await page.goto(`${SECTION}/qua-lon`);
      await alert.waitFor();
      assert.match(await alert.textContent(), /qua-lon\.json quá lớn \(19,1 MB\)/);
      await page.getByRole("button", { name: "Thử lại" }).waitFor();
      await leaveForHome(page);
      assert.deepEqual(page.problems, []);
      await context.close();
    });

    it("never opens a file outside its folder, or an article at another section's address", async () => {
      const { context, page } = await open(site, `${SECTION}/..%2Fsite`);
      const asked = [];
      page.on("request", (r) => { if (r.url().includes("/content/articles/")) asked.push(r.url().split("/content/")[1]); });
      for (const path of [`${SECTION}/..%2Fsite`, `${SECTION}/%2E%2E%2Fsite`, `${SECTION}/chuyen-muc-khong-co`, `khong-co/chuyen-muc-khong-co`]) {
        await page.goto(path);
        await page.getByTestId("not-found").waitFor();
      }
      // The one article file asked for is the one whose section is not its address's.
      assert.deepEqual(asked, ["articles/chuyen-muc-khong-co.json"]);
      // The browser itself resolves a dotted segment, to the page above: the home page here.
      await page.goto(`${SECTION}/%2e%2e`);
      await page.getByTestId("lead-story").waitFor();
      // A rendered page loads the app after its first paint; leaving sooner would cut that off.
      await appReady(page);
      await page.goto(`${SECTION}/..%2Fsite`);
      await leaveForHome(page);
      assert.deepEqual(page.problems, []);
      await context.close();
    });

    it("lists a page that claims four billion pages, with repeated and climbing entries", async () => {
      const { context, page } = await open(site, `${SECTION}/trang/99`);
      const items = page.locator(".article-item");
      await items.first().waitFor();
      assert.equal(await items.count(), 6);
      assert.ok(await page.locator(".pagination a").count() <= 9);
      // Entries whose slug is no address are listed without a link, and a script source shows
      // no picture.
      assert.equal(await items.filter({ hasText: "Leo thư mục" }).locator("a").count(), 0);
      assert.equal(await items.filter({ hasText: "Ảnh độc" }).locator("img").count(), 0);
      await leaveForHome(page);
      assert.deepEqual(page.problems, []);
      await context.close();
    });
  });
}

describe("after a panic (the /tin/ test build)", () => {
  it("tells the reader the page stopped, logs the panic, and reloads", async () => {
    const context = await newContext(browser, phone, { baseURL: SUB_URL });
    const page = await newPage(context);
    const errors = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(SEED_PATH.slice(1));
    await page.evaluate(() => window.dispatchEvent(new Event("tintuc-test-panic")));
    const notice = page.getByRole("alert");
    await notice.waitFor();
    assert.match(await notice.textContent(), /Trang gặp lỗi và đã ngừng phản hồi/);
    assert.ok(errors.some((e) => e.includes("tintuc-test-panic: a panic on demand")), errors.join("\n"));
    const reload = page.getByRole("link", { name: "Tải lại trang" });
    assert.equal(await reload.evaluate((a) => a === document.activeElement), true);
    await Promise.all([page.waitForEvent("load"), reload.click()]);
    await appReady(page);
    assert.equal(await page.locator("#crash-notice").count(), 0);
    assert.equal(await metaViews(page), "175");
    await context.close();
  });
});

describe("storage that is full", () => {
  for (const device of DEVICES) {
    it(`keeps counting views and changing text size in memory on ${device.name}, without alarm`, async () => {
      const context = await newContext(browser, device);
      await context.addInitScript(() => {
        Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };
      });
      const page = await newPage(context);
      await page.goto(SEED_PATH);
      assert.equal(await metaViews(page), "175");
      assert.match(await page.locator(".views-note").textContent(), /chỉ được tính trong lượt truy cập này/);
      const body = page.getByTestId("article-body");
      const before = await body.evaluate((b) => getComputedStyle(b).fontSize);
      await page.getByRole("button", { name: /Tăng cỡ chữ/ }).first().click();
      await page.waitForFunction((b) => getComputedStyle(document.querySelector("[data-testid=article-body]")).fontSize !== b, before);
      assert.equal(await page.getByRole("alert").count(), 0);
      noPageErrors(context);
      await context.close();
    });
  }
});

describe("a network that half-works", () => {
  /** Opens the home page from a section, with `respond` answering home.json; returns the alert. */
  async function homeWith(base, respond) {
    const context = await newContext(browser, desktop, { baseURL: base });
    const page = await newPage(context);
    await page.goto("kinh-te");
    await page.route("**/content/home.json", respond);
    await openSection(page, "Trang chủ");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    return { context, page, alert: await alert.textContent() };
  }

  /** The retry, with the network mended, shows the page. */
  async function retryWorks(page, context) {
    await page.unroute("**/content/home.json");
    await page.getByRole("button", { name: "Thử lại" }).click();
    await page.getByTestId("lead-story").waitFor();
    noPageErrors(context);
    await context.close();
  }

  it("says a file arrived cut short", async () => {
    const whole = await (await fetch(`${BASE_URL}/content/home.json`)).text();
    const { context, page, alert } = await homeWith(`${BASE_URL}/`, (route) => route.fulfill({ status: 200, contentType: "application/json", body: whole.slice(0, whole.length / 2) }));
    assert.match(alert, /home\.json bị cắt ngang/);
    await retryWorks(page, context);
  });

  it("says a host sent a web page instead of the file", async () => {
    const { context, page, alert } = await homeWith(`${BASE_URL}/`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Đăng nhập Wi-Fi</title><h1>Đăng nhập</h1>" }));
    assert.match(alert, /trang web thay cho dữ liệu content\/home\.json/);
    await retryWorks(page, context);
  });

  it("asks for content same-origin only, and does not follow a content file redirected to another site", async () => {
    // The page's CSP (connect-src 'self') would stop the redirect too; the request's own mode
    // is what holds on a host that serves no CSP.
    const modes = new Set();
    const probe = await newContext(browser, desktop);
    const probePage = await newPage(probe);
    const reading = [];
    probePage.on("request", (r) => {
      // A request made as the context closes has no headers to read; it is not counted.
      if (r.url().includes("/content/")) reading.push(r.allHeaders().then((h) => modes.add(h["sec-fetch-mode"]), () => {}));
    });
    await probePage.goto("kinh-te");
    await openSection(probePage, "Trang chủ");
    await probePage.getByTestId("lead-story").waitFor();
    await Promise.all(reading);
    await probe.close();
    assert.deepEqual([...modes], ["same-origin"]);
    const elsewhere = `${new URL(SUB_URL).origin}/tin/content/home.json`;
    const { context, page, alert } = await homeWith(`${BASE_URL}/`, (route) => route.fulfill({ status: 302, headers: { location: elsewhere } }));
    assert.match(alert, /content\/home\.json: máy chủ không trả lời, hoặc chuyển yêu cầu sang một trang khác/);
    await retryWorks(page, context);
  });

  it("stops waiting for a file that never comes, and says so (the /tin/ test build, which waits less)", async () => {
    const { context, page, alert } = await homeWith(SUB_URL, () => { /* never answered */ });
    assert.match(alert, /Tải content\/home\.json quá lâu nên đã dừng/);
    await retryWorks(page, context);
  });
});
