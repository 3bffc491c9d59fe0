// The release folder on a real static server, in the two set-ups publishers use: the app at the
// root with unknown paths rewritten to it, and the app under /tin/ with GitHub Pages' 404.html.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { BASE_URL, SUB_URL, SEED_PATH, SEED_TITLE, DEVICES, launch, newContext, heading, metaViews, watchedPage } from "./support.mjs";

const SETUPS = [
  { name: "at the root, rewriting unknown paths", origin: BASE_URL, prefix: "/", dist: "dist" },
  { name: "under /tin/, with 404.html", origin: new URL(SUB_URL).origin, prefix: new URL(SUB_URL).pathname, dist: "dist-sub", documentIs404: true },
];

for (const setup of SETUPS) {
  describe(`static hosting ${setup.name}`, () => {
    let browser;
    before(async () => { browser = await launch(); });
    after(async () => { await browser?.close(); });
    const url = (path) => `${setup.origin}${setup.prefix}${path.replace(/^\//, "")}`;

    it("opens a section and the seed article directly and by reload", async () => {
      const context = await newContext(browser, DEVICES[0], { baseURL: undefined });
      const page = await watchedPage(context, setup.documentIs404);
      await page.goto(url("/kinh-te/trang/2"));
      assert.equal(await heading(page), "Kinh tế");
      await page.locator(".section-page .article-item").first().waitFor();
      await page.reload();
      assert.equal(await heading(page), "Kinh tế");
      await page.locator(".section-page .article-item").first().waitFor();

      await page.goto(url(SEED_PATH));
      assert.equal(await heading(page), SEED_TITLE);
      assert.equal(await metaViews(page), "175");
      await page.reload();
      assert.equal(await heading(page), SEED_TITLE);
      await page.locator(".article-body figure img").first().evaluate((img) => img.decode());

      // Links inside the app keep to the deploy's prefix.
      const home = await page.getByRole("link", { name: "Trang chủ" }).first().getAttribute("href");
      assert.equal(home, setup.prefix);
      await page.getByRole("navigation", { name: "Vị trí trang" }).getByRole("link", { name: "Tin tức sự kiện" }).click();
      await page.waitForURL(url("/tin-tuc-su-kien"));
      assert.equal(await heading(page), "Tin tức sự kiện");
      assert.deepEqual(page.problems, []);
      await context.close();
    });

    it("shows the app's not-found page for an unknown path", async () => {
      const context = await newContext(browser, DEVICES[0], { baseURL: undefined });
      const page = await watchedPage(context, setup.documentIs404);
      await page.goto(url("/khong/co/trang/nay"));
      await page.getByTestId("not-found").waitFor();
      assert.equal(await heading(page), "Không tìm thấy trang");
      assert.deepEqual(page.problems, []);
      await context.close();
    });

    it("ships the host files and precompressed copies", async () => {
      for (const file of ["index.html", "404.html", "_redirects", "_headers", "content/site.json.br", "content/site.json.gz"]) {
        assert.ok(existsSync(`${setup.dist}/${file}`), `${setup.dist}/${file}`);
      }
      const headers = readFileSync(`${setup.dist}/_headers`, "utf8");
      assert.match(headers, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      assert.doesNotMatch(headers, /unsafe-eval'(?<!wasm-unsafe-eval')/);
      assert.match(headers, /max-age=31536000, immutable/);
      assert.match(readFileSync(`${setup.dist}/_redirects`, "utf8"), new RegExp(`^${setup.prefix}\\* ${setup.prefix}404.html 200$`, "m"));
      const wasm = await fetch(url("/index.html")).then((r) => r.text()).then((html) => /'([^']+_bg\.wasm)'/.exec(html)[1]);
      const response = await fetch(`${setup.origin}${wasm}`, { headers: { "accept-encoding": "gzip" } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get("content-type"), "application/wasm");
      assert.equal(response.headers.get("content-encoding"), "gzip", "the precompressed copy is served");
    });

    it("serves the content compact, with the same values as the sources and its pictures' copies", async () => {
      // The build adds one thing: the resized copies of each picture (docs/content-format.md).
      let copies = 0;
      const withoutCopies = (value) => JSON.parse(JSON.stringify(value), (key, v) => {
        if (key !== "variants") return v;
        copies += v.length;
        return undefined;
      });
      for (const file of ["content/site.json", "content/home.json", "content/sections/kinh-te/1.json", `content/articles/${SEED_PATH.split("/").pop()}.json`]) {
        const served = await fetch(url(`/${file}`)).then((r) => r.text());
        // A raw newline can only be indentation: inside strings JSON escapes it.
        assert.doesNotMatch(served, /\n/, `${file} has no indentation`);
        assert.deepEqual(withoutCopies(JSON.parse(served)), JSON.parse(readFileSync(`public/${file}`, "utf8")), file);
      }
      assert.ok(copies >= 12, `the illustrated articles' thumbnails list their copies (${copies})`);
    });
  });
}
