// The feeds, the sitemap and robots.txt of the release, as feed readers and search engines meet
// them on the two hosting set-ups: every page names its feeds, every feed parses in the
// browser's own XML parser, and every address in a feed or a sitemap answers with its page.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, SUB_URL, SITE_URL, SEED_PATH, SEED_TITLE, DEVICES, launch, newContext, newPage, heading, noPageErrors } from "./support.mjs";

const SETUPS = [
  { name: "at the root", origin: BASE_URL, prefix: "/" },
  { name: "under /tin/", origin: new URL(SUB_URL).origin, prefix: new URL(SUB_URL).pathname },
];
const SECTIONS = ["tin-tuc-su-kien", "chinh-tri", "kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh", "thong-bao"];
const KINDS = [
  { file: "feed.xml", type: "application/rss+xml" },
  { file: "atom.xml", type: "application/atom+xml" },
  { file: "feed.json", type: "application/feed+json" },
];

/** A rendered page's heading, and its text (the renderer ends a text with a `<!>` marker). */
const HEADING = /<h1[^>]*>([^<]+)(?:<!>)?<\/h1>/;

/** `text` (a feed) read by the browser's parsers: its title and its items' titles and links. */
async function readFeed(page, text, json) {
  if (json) {
    const feed = JSON.parse(text);
    assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
    return { title: feed.title, self: feed.feed_url, items: feed.items.map((i) => ({ title: i.title, link: i.url, date: i.date_published })) };
  }
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.querySelector("parsererror")) return { error: doc.querySelector("parsererror").textContent };
    const rss = doc.documentElement.nodeName === "rss";
    const own = (el, name) => [...el.children].find((c) => c.localName === name);
    const entries = [...doc.documentElement.getElementsByTagName(rss ? "item" : "entry")];
    const channel = rss ? own(doc.documentElement, "channel") : doc.documentElement;
    return {
      title: own(channel, "title").textContent,
      self: rss ? [...channel.children].find((c) => c.localName === "link" && c.getAttribute("rel") === "self").getAttribute("href") : own(channel, "link").getAttribute("href"),
      items: entries.map((e) => ({
        title: own(e, "title").textContent,
        link: rss ? own(e, "link").textContent : own(e, "link").getAttribute("href"),
        date: own(e, rss ? "pubDate" : "published").textContent,
      })),
    };
  }, text);
}

for (const setup of SETUPS) {
  describe(`feeds and the sitemap ${setup.name}`, () => {
    let browser;
    before(async () => { browser = await launch(); });
    after(async () => { await browser?.close(); });
    // An address the release writes in full (from the manifest's url), on this test's server.
    const local = (absolute) => {
      assert.ok(absolute.startsWith(SITE_URL + setup.prefix), `${absolute} is under ${SITE_URL}${setup.prefix}`);
      return setup.origin + absolute.slice(SITE_URL.length);
    };
    const get = async (url) => {
      const response = await fetch(url);
      assert.equal(response.status, 200, url);
      return response;
    };

    it("names the site's feeds on every page, and the section's on its pages and articles", async () => {
      const context = await newContext(browser, DEVICES[0], { baseURL: undefined });
      const page = await newPage(context);
      const feedsOf = async (path) => {
        await page.goto(setup.origin + setup.prefix + path.replace(/^\//, ""));
        return page.locator("head link[rel=alternate][type$='xml'], head link[rel=alternate][type$='json']").evaluateAll((links) =>
          links.map((l) => `${l.type} ${l.getAttribute("href")} ${l.title}`));
      };
      const site = KINDS.map((k) => `${k.type} ${setup.prefix}${k.file} Cổng thông tin quận Đống Đa`);
      const news = KINDS.map((k) => `${k.type} ${setup.prefix}tin-tuc-su-kien/${k.file} Tin tức sự kiện – Cổng thông tin quận Đống Đa`);
      assert.deepEqual(await feedsOf("/"), site);
      assert.deepEqual(await feedsOf("/tin-tuc-su-kien/trang/2"), [...site, ...news]);
      assert.deepEqual(await feedsOf(SEED_PATH), [...site, ...news]);
      // Each is there, of the type the link says.
      for (const link of [...site, ...news]) {
        const [type, href] = link.split(" ");
        const response = await get(setup.origin + href);
        const served = response.headers.get("content-type");
        assert.match(served, type.endsWith("json") ? /json/ : /xml/, `${href}: ${served}`);
      }
      noPageErrors(context);
      await context.close();
    });

    it("writes feeds that parse, newest first, whose every item answers with its article", async () => {
      const context = await newContext(browser, DEVICES[0], { baseURL: undefined });
      const page = await newPage(context);
      await page.goto(setup.origin + setup.prefix);
      const items = new Map();
      for (const scope of ["", ...SECTIONS.map((s) => `${s}/`)]) {
        for (const kind of KINDS) {
          const url = `${setup.origin}${setup.prefix}${scope}${kind.file}`;
          const feed = await readFeed(page, await (await get(url)).text(), kind.file.endsWith(".json"));
          assert.equal(feed.error, undefined, `${url}: ${feed.error}`);
          assert.equal(local(feed.self), url, `${url} names itself`);
          assert.ok(feed.items.length > 0 && feed.items.length <= 20, `${url}: ${feed.items.length} items`);
          const times = feed.items.map((i) => Date.parse(i.date));
          assert.ok(times.every((t, i) => !Number.isNaN(t) && (i === 0 || times[i - 1] >= t)), `${url}: dates newest first: ${feed.items.map((i) => i.date)}`);
          for (const item of feed.items) items.set(local(item.link), item.title);
        }
      }
      assert.equal([...items.values()][0], SEED_TITLE, "the site's newest article leads its feeds");
      for (const [url, title] of items) {
        const html = await (await get(url)).text();
        const shown = html.match(HEADING)?.[1];
        assert.equal(shown?.replaceAll("&amp;", "&"), title, `${url} shows its article`);
      }
      await context.close();
    });

    for (const device of DEVICES) {
      it(`takes a reader from a feed's item to the article on a ${device.name}`, async () => {
        const context = await newContext(browser, device, { baseURL: undefined });
        const page = await newPage(context);
        await page.goto(`${setup.origin}${setup.prefix}kinh-te`);
        const feed = await readFeed(page, await (await get(`${setup.origin}${setup.prefix}kinh-te/feed.xml`)).text(), false);
        await page.goto(local(feed.items[1].link));
        assert.equal(await heading(page), feed.items[1].title);
        await page.getByRole("navigation", { name: "Vị trí trang" }).getByRole("link", { name: "Kinh tế" }).click();
        await page.waitForURL(`${setup.origin}${setup.prefix}kinh-te`);
        noPageErrors(context);
        await context.close();
      });
    }

    it("names its sitemaps in robots.txt, and every address they list answers", async () => {
      const robots = await (await get(`${setup.origin}${setup.prefix}robots.txt`)).text();
      const sitemaps = [...robots.matchAll(/^Sitemap: (.+)$/gm)].map((m) => m[1]);
      assert.deepEqual(sitemaps, [`${SITE_URL}${setup.prefix}sitemap.xml`, `${SITE_URL}${setup.prefix}en/sitemap.xml`]);
      const pages = [];
      for (const sitemap of sitemaps) {
        const xml = await (await get(local(sitemap))).text();
        assert.match(xml, /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
        const entries = [...xml.matchAll(/<url><loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod><\/url>/g)];
        assert.equal(entries.length, (xml.match(/<url>/g) ?? []).length, "every address has its lastmod");
        for (const [, loc, lastmod] of entries) {
          assert.ok(!Number.isNaN(Date.parse(lastmod)), lastmod);
          pages.push(local(loc));
        }
      }
      assert.equal(new Set(pages).size, pages.length, "no address twice");
      assert.ok(pages.includes(`${setup.origin}${setup.prefix}`));
      assert.ok(pages.includes(`${setup.origin}${setup.prefix}kinh-te/trang/2`));
      assert.ok(pages.includes(`${setup.origin}${setup.prefix.replace(/\/$/, "")}${SEED_PATH}`));
      assert.ok(pages.includes(`${setup.origin}${setup.prefix}en/news-events/dong-da-district-party-congress-xxviii-2020-2025`));
      for (const url of pages) {
        const html = await (await get(url)).text();
        assert.match(html, HEADING, `${url} is a rendered page`);
        assert.doesNotMatch(html, /data-testid="not-found"/, `${url} is not "not found"`);
      }
    });
  });
}
