// Writes .gz and .br copies beside every text and wasm file of a release folder, for hosts that
// serve precompressed files (nginx gzip_static/brotli_static, S3 with Content-Encoding).
// Usage: node scripts/compress.mjs DIST
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const [dist = "dist"] = process.argv.slice(2);
let count = 0;
const COMPRESSIBLE = new Set([".wasm", ".js", ".css", ".html", ".json", ".svg", ".txt", ".xml", ".webmanifest"]);
function compressAll(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { compressAll(path); continue; }
    if (!COMPRESSIBLE.has(extname(name))) continue;
    const data = readFileSync(path);
    writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
    count += 1;
    writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
  }
}
compressAll(dist);
console.log(`${dist}: ${count} files precompressed`);
