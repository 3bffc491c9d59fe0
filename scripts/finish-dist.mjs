// Turns trunk's output into the folder a publisher copies to any static host:
//   - a Content-Security-Policy (no 'unsafe-eval'; WebAssembly by 'wasm-unsafe-eval'; trunk's
//     inline loader allowed by its hash) in a <meta> tag and in _headers;
//   - 404.html, the app shell, for hosts that serve it for unknown paths (GitHub Pages) and as the
//     rewrite target of the others;
//   - _redirects, for hosts that rewrite unknown paths to the app (Netlify, Cloudflare Pages);
//   - _headers: hashed assets immutable for a year, the HTML, content and service worker
//     revalidated every visit;
//   - the web app manifest and icons (offline.mjs);
//   - for each edition in another language (a folder of DIST with its own content/site.json,
//     which build.sh copied there): its app shell, the same app under the edition's base, and
//     its own rules ahead of the main site's.
// Usage: node scripts/finish-dist.mjs DIST PUBLIC_URL
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { HASHED, makeInstallable, editionsOf } from "./offline.mjs";
import { WORKER_FILE } from "../src/offline.js";

const [dist = "dist", publicUrl = "/"] = process.argv.slice(2);
const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;

const indexPath = join(dist, "index.html");
let html = readFileSync(indexPath, "utf8");

// On a rendered page the story, and the content files it shows, are already in the HTML: the
// app's script and wasm are fetched only once it has been painted, so that they never stand
// between the reader and the text, and then hydrate the page.
const LOADER_IMPORT = /import init, \* as bindings from '([^']+)';/;
if (!LOADER_IMPORT.test(html)) throw new Error("index.html: trunk's loader has changed shape");
html = html.replace(
  LOADER_IMPORT,
  (_, src) =>
    // The id of the element that carries a rendered page's content (src/fetch/embedded.rs).
    `if (document.getElementById("tintuc-data")) {\n` +
    // Once the page's largest paint has been presented: a request started before then counts, in
    // Lighthouse's model of a slow phone, as something that paint waited for (seen here: requests
    // made one frame after the load event still preceded the presentation). A browser without the
    // API waits one frame; a page whose paint is never reported (a background tab) waits 3 s.
    `  await new Promise((shown) => {\n` +
    `    setTimeout(shown, 3000);\n` +
    `    const type = ["largest-contentful-paint", "paint"].find((t) => PerformanceObserver.supportedEntryTypes?.includes(t));\n` +
    `    if (!type) return requestAnimationFrame(() => setTimeout(shown));\n` +
    `    new PerformanceObserver((_, observer) => { observer.disconnect(); setTimeout(shown); }).observe({ type, buffered: true });\n` +
    `  });\n}\n` +
    `const bindings = await import('${src}');\nconst init = bindings.default;`,
);

const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inlineScripts.map((s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];
// frame-ancestors is only honoured in a header; in a <meta> tag the browser warns about it.
const headerPolicy = [...policy, "frame-ancestors 'none'"].join("; ");
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.join("; ")}" />`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, "");
html = html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    ${meta}`);
writeFileSync(indexPath, html);
writeFileSync(join(dist, "404.html"), html);

// An edition runs the main site's app (the same files, fetched once for both) under its own
// base path, from which the app reads where it is and whose content it shows.
const editions = editionsOf(dist);
// An edition's folder takes a part of the main site's address space: not a section's, nor the
// search page's (src/route.rs, SEARCH), nor one the release folder uses itself.
const taken = [
  ...JSON.parse(readFileSync(join(dist, "content/site.json"), "utf8")).sections.map((s) => s.slug),
  "tim-kiem", "content", "media", "icons", "snippets",
];
const BASE_TAG = `<base href="${base}" />`;
if (editions.length && !html.includes(BASE_TAG)) throw new Error(`index.html: no ${BASE_TAG} to move the editions to their own base`);
for (const name of editions) {
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(name) || taken.includes(name)) {
    throw new Error(`public/${name}/content: an edition is published at <base>${name}/, which must be a lower-case language tag (en, en-gb) and not a section or a folder of the release (${taken.join(", ")})`);
  }
  const shell = html.replace(BASE_TAG, `<base href="${base}${name}/" />`);
  for (const page of ["index.html", "404.html"]) writeFileSync(join(dist, name, page), shell);
}
// Every site's rules, editions first: a host takes the first rule that matches.
const sites = [...editions.map((name) => `${base}${name}/`), base];

// Existing files (the rendered pages among them) win over these rules; a missing content file
// must stay a 404 so that the app shows "not found", and every other path gets the app shell,
// which 404.html is (index.html becomes the rendered home page).
writeFileSync(
  join(dist, "_redirects"),
  sites.map((at) => `${at}content/* ${at}404.html 404\n${at}* ${at}404.html 200\n`).join(""),
);

const hashed = readdirSync(dist).filter((f) => HASHED.test(f));
const headers = [
  `${base}*`,
  `  Content-Security-Policy: ${headerPolicy}`,
  "  X-Content-Type-Options: nosniff",
  "  Referrer-Policy: strict-origin-when-cross-origin",
  ...hashed.flatMap((f) => [`${base}${f}`, "  Cache-Control: public, max-age=31536000, immutable", ...(f.endsWith(".wasm") ? ["  Content-Type: application/wasm"] : [])]),
  ...sites.flatMap((at) => [`${at}`, `${at}index.html`, `${at}404.html`, `${at}content/*`, `${at}${WORKER_FILE}`]).flatMap((p) => [p, "  Cache-Control: no-cache"]),
];
writeFileSync(join(dist, "_headers"), headers.join("\n") + "\n");

await makeInstallable(dist, base);
for (const name of editions) await makeInstallable(join(dist, name), `${base}${name}/`, dist);
console.log(`${dist}: CSP with ${hashes.length} inline script hash(es), 404.html, _redirects, _headers${editions.length ? `; editions: ${editions.join(", ")}` : ""}`);
