// The Pagefind half of the search benchmark: index a rendered release folder with the pagefind
// binary from bench/node_modules, and time one query in a browser with bench/search/pagefind.html.
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { brotliCompressSync, constants } from "node:zlib";

// The binary the npm package `pagefind` installs through its optional dependency
// @pagefind/<platform>-<arch>; run directly so that the time is the indexing, not a Node wrapper.
const BINARY = createRequire(import.meta.url).resolve(`@pagefind/${platform()}-${arch()}/bin/pagefind_extended`);

// Inside an article, everything that is not the article's own text. <nav> (breadcrumb, other
// languages), <label>, <form> and <footer> Pagefind already leaves out.
const NOT_THE_ARTICLE = [".article__section", ".sample-badge", ".meta-line", ".meta-extra", ".article__tools", ".print-url"];

const files = (dir) => readdirSync(dir, { recursive: true }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
const brotli = (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** What the files `paths` weigh: raw on disk, and brotli at quality 11. */
function weigh(paths) {
  return paths.reduce((sum, f) => {
    const data = readFileSync(f);
    return { files: sum.files + 1, bytes: sum.bytes + data.length, brotli: sum.brotli + brotli(data) };
  }, { files: 0, bytes: 0, brotli: 0 });
}

/** Indexes the articles of the rendered release folder `siteDir` into `siteDir/pagefind/` and
 *  copies pagefind.html beside it. Returns { seconds, pages, files, bytes, brotli, byKind }:
 *  the binary's wall time, the pages it indexed, and the bundle's files and size (raw, brotli). */
export async function indexWithPagefind(siteDir) {
  // Articles are SECTION/SLUG.html; a section is a top folder with its list page SECTION.html
  // beside it (not en/, content/, media/...). `*` does not cross "/", so SECTION/trang/N.html is
  // not matched either.
  const sections = readdirSync(siteDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(siteDir, `${e.name}.html`))).map((e) => e.name);
  if (sections.length === 0) throw new Error(`no SECTION/ beside a SECTION.html in ${siteDir}`);
  const glob = sections.length === 1 ? `${sections[0]}/*.html` : `{${sections.join(",")}}/*.html`;
  const args = [
    "--site", siteDir, "--glob", glob,
    // Only the article: not the header, the section menu, the footer or "Các tin khác". Pages
    // without it (none, with this glob) would be left out of the index.
    "--root-selector", "article[data-testid=article]",
    ...NOT_THE_ARTICLE.flatMap((s) => ["--exclude-selectors", s]),
    // Pages say lang="vi" already; forced, so the index is one language whatever a page says.
    "--force-language", "vi",
  ];
  // A bundle from an earlier run would stay beside the new one and count in its size.
  rmSync(join(siteDir, "pagefind"), { recursive: true, force: true });
  const start = process.hrtime.bigint();
  const { stdout } = await promisify(execFile)(BINARY, args, { maxBuffer: 16 << 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const pages = Number(/Indexed (\d+) pages?/.exec(stdout)?.[1]);
  copyFileSync(new URL("pagefind.html", import.meta.url), join(siteDir, "pagefind.html"));

  // What a search needs (the script, its worker, the wasm, the entry file, then meta, index
  // chunks and fragments), apart from the UIs Pagefind writes too, which pagefind.html does not use.
  const bundle = files(join(siteDir, "pagefind"));
  const kind = (f) => {
    const name = relative(join(siteDir, "pagefind"), f);
    if (name.endsWith(".pf_fragment")) return "fragment";
    if (name.endsWith(".pf_index")) return "index";
    if (name.endsWith(".pf_meta")) return "meta";
    if (/^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\..*\.pagefind)$/.test(name)) return "runtime";
    return "ui";
  };
  const byKind = Object.fromEntries(["runtime", "meta", "index", "fragment", "ui"].map((k) => [k, weigh(bundle.filter((f) => kind(f) === k))]));
  return { seconds, pages, ...weigh(bundle), byKind };
}

/** One query on pagefind.html at `siteUrl` (which must end with "/") in `page`: types `query`,
 *  presses Enter and returns { ms, titles, total }: from the submit to the first frame with the
 *  results in the DOM, measured in the page, the first 10 titles in order, and the number of
 *  results. `noWorker` runs Pagefind on the page's main thread. */
export async function pagefindQuery(page, siteUrl, query, { noWorker = false } = {}) {
  if (!siteUrl.endsWith("/")) throw new Error(`siteUrl must end with "/": ${siteUrl}`);
  // Opened unless it is open already (measureQuery opens it first, to count only the search).
  const url = `${siteUrl}pagefind.html${noWorker ? "?noWorker=1" : ""}`;
  if (page.url() !== url) await page.goto(url);
  await page.fill("#q", query);
  await page.evaluate(() => delete document.body.dataset.done);
  await page.press("#q", "Enter");
  await page.waitForFunction((q) => document.body.dataset.done === q, query);
  return page.evaluate(() => ({
    ms: Number(document.body.dataset.ms),
    titles: [...document.querySelectorAll("#results li > a")].map((a) => a.textContent),
    total: Number(document.body.dataset.total),
  }));
}
