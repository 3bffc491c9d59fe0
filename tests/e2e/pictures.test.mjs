// Pictures on phones and desktops: the release's resized copies reach the page, the browser takes
// the smallest copy that fills the picture's place, in AVIF, the opening picture loads at once,
// the others when near the screen, and the seed's lost pictures keep their placeholder.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, DEVICES, SEED_PATH, launch, newContext, newPage, noPageErrors } from "./support.mjs";

const ILLUSTRATED = "/kinh-te/ubnd-quan-cai-thien-moi-truong-dau-tu-kinh-doanh-1";

/** What the browser made of `img`: the copy it chose, the width it is drawn at, its place. */
const drawn = (img) =>
  img.evaluate(async (img) => {
    await img.decode();
    const box = img.getBoundingClientRect();
    return { src: img.currentSrc, width: box.width, height: box.height, ratio: devicePixelRatio, loading: img.loading, priority: img.getAttribute("fetchpriority") };
  });

/** The width of the copy at `src`, from its name (`…-960.avif`). */
const copyWidth = (src) => Number(src.match(/-(\d+)\.(avif|jpg|png)$/)?.[1]);

describe("pictures", () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  it("come in the rendered page with their copies, before the app runs", async () => {
    const html = await (await fetch(BASE_URL + ILLUSTRATED)).text();
    const figure = html.match(/<figure class="figure">(.*?)<\/figure>/s)[1];
    assert.match(figure, /<source type="image\/avif" srcset="\/media\/_v\/pho-phuong-minh-hoa-\w+-480\.avif 480w, [^"]+-960\.avif 960w, [^"]+-1600\.avif 1600w" sizes="[^"]+">/);
    assert.match(figure, /<img loading="eager" fetchpriority="high"[^>]* srcset="[^"]+-480\.jpg 480w, [^"]+-960\.jpg 960w, [^"]+-1600\.jpg 1600w"/);
    assert.match(figure, / width="1600" height="900"/);
  });

  for (const device of DEVICES) {
    it(`load the copy that fits a ${device.name}, the first at once and the rest when near`, async () => {
      const context = await newContext(browser, device);
      const page = await newPage(context);
      // The section's list first (a browser reuses a larger copy it has already): a thumbnail's
      // copy, not the 1,600-pixel picture.
      await page.goto("/kinh-te");
      const thumbnail = page.locator(".article-item__thumb img").first();
      assert.equal(await thumbnail.getAttribute("loading"), "lazy");
      await thumbnail.scrollIntoViewIfNeeded();
      const small = await drawn(thumbnail);
      assert.equal(copyWidth(small.src), 480, small.src);

      await page.goto(ILLUSTRATED);
      const lead = await drawn(page.locator(".article-body figure img").first());
      assert.equal(lead.loading, "eager");
      assert.equal(lead.priority, "high");
      assert.match(lead.src, /\/media\/_v\/pho-phuong-minh-hoa-\w+-\d+\.avif$/, "an AVIF copy, not the original");
      // The smallest copy at least as wide as the picture's place on this screen.
      const needed = lead.width * lead.ratio;
      const chosen = copyWidth(lead.src);
      assert.ok(chosen >= needed || chosen === 1600, `${chosen}w for ${needed} device pixels`);
      assert.ok([480, 960, 1600].filter((w) => w >= needed).every((w) => w >= chosen), `${chosen}w is the smallest that fits ${needed}`);
      // Its place kept at the picture's own shape.
      assert.ok(Math.abs(lead.height - (lead.width * 900) / 1600) < 1.5, `${lead.width}×${lead.height}`);

      noPageErrors(context);
      await context.close();
    });
  }

  it("keep the seed's honest placeholder for the pictures the original page lost", async () => {
    const context = await newContext(browser, DEVICES[1]);
    const page = await newPage(context);
    await page.goto(SEED_PATH);
    const figures = page.locator(".article-body figure");
    assert.equal(await figures.count(), 2);
    for (const figure of await figures.all()) {
      const img = figure.locator("img");
      assert.equal(await img.getAttribute("src"), "/media/anh-khong-con.svg");
      assert.equal(await img.getAttribute("srcset"), null);
      assert.equal(await img.getAttribute("loading"), "lazy", "neither opens the article");
      assert.equal(await img.getAttribute("alt"), "Ảnh của bài gốc không còn");
      assert.match(await figure.locator("figcaption").textContent(), /đã bị mất/);
    }
    assert.equal(await page.locator(".article-body picture").count(), 0);
    noPageErrors(context);
    await context.close();
  });
});
