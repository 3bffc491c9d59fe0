// Writes .gz and .br copies beside every text and wasm file of a release folder, for hosts that
// serve precompressed files (nginx gzip_static/brotli_static, S3 with Content-Encoding).
// With a CACHE folder, the copies are kept there by a hash of the file's content (and of the
// settings), and a file
// compressed by an earlier build is not compressed again: Brotli at its best quality is slow,
// and after an edit nearly every file of a large site is what it was.
// Usage: node scripts/compress.mjs DIST [CACHE]
import { readFileSync, writeFileSync, readdirSync, statSync, copyFileSync, mkdirSync, existsSync, renameSync, rmSync } from "node:fs";
import { join, extname } from "node:path";
import { createHash } from "node:crypto";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const [dist = "dist", cache] = process.argv.slice(2);
const COMPRESSIBLE = new Set([".wasm", ".js", ".css", ".html", ".json", ".svg", ".txt", ".xml", ".webmanifest"]);
const GZIP_LEVEL = 9;
const BROTLI_QUALITY = 11;
const ENCODINGS = {
  gz: (data) => gzipSync(data, { level: GZIP_LEVEL }),
  br: (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
};
// Part of every cached copy's name: other settings, or another zlib or Brotli, compress anew.
const SETTINGS = JSON.stringify({ GZIP_LEVEL, BROTLI_QUALITY, zlib: process.versions.zlib, brotli: process.versions.brotli });
// The cache's copies this run used: the others are removed at the end.
const used = new Set();
let count = 0;
let reused = 0;

function compressAll(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { compressAll(path); continue; }
    if (!COMPRESSIBLE.has(extname(name))) continue;
    const data = readFileSync(path);
    const hash = cache && createHash("sha256").update(SETTINGS).update(data).digest("hex");
    let fresh = false;
    for (const [encoding, compress] of Object.entries(ENCODINGS)) {
      const target = `${path}.${encoding}`;
      if (!cache) {
        writeFileSync(target, compress(data));
        fresh = true;
        continue;
      }
      const kept = join(cache, `${hash}.${encoding}`);
      used.add(kept);
      if (!existsSync(kept)) {
        // Written under another name, then renamed: a build stopped half way leaves no half copy.
        writeFileSync(`${kept}.partial`, compress(data));
        renameSync(`${kept}.partial`, kept);
        fresh = true;
      }
      copyFileSync(kept, target);
    }
    count += 1;
    if (!fresh) reused += 1;
  }
}

if (cache) mkdirSync(cache, { recursive: true });
compressAll(dist);
if (cache) {
  for (const name of readdirSync(cache)) if (!used.has(join(cache, name))) rmSync(join(cache, name), { recursive: true, force: true });
}
console.log(`${dist}: ${count} files precompressed${cache ? ` (${reused} of them from ${cache})` : ""}`);
