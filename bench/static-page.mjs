// The benchmark's floor: the rendered seed article with every script removed, so it is the
// same page and stylesheet as plain static HTML. Usage: node bench/static-page.mjs DIST OUT
import { readFileSync, writeFileSync } from "node:fs";

const [dist, out] = process.argv.slice(2);
const seed = "tin-tuc-su-kien/dai-hoi-dai-bieu-quan-dong-da-lan-thu-xxviii-nhiem-ky-2020-2025.html";
const html = readFileSync(`${dist}/${seed}`, "utf8")
  .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/g, "")
  .replace(/<link rel="modulepreload"[^>]*>\s*/g, "")
  .replace(/<link rel="preload"[^>]*>\s*/g, "");
writeFileSync(out, html);
