// Rewrites every .json file under a folder without the whitespace between tokens. The content
// sources stay pretty-printed for readable diffs; readers' browsers should not have to parse
// the indentation. Numbers and strings are copied byte for byte, never re-printed.
// Usage: node scripts/compact-json.mjs DIR
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** `text` without whitespace outside strings; `text` itself must be valid JSON. */
export function compact(text) {
  let out = "";
  let start = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === " " || c === "\n" || c === "\r" || c === "\t") {
      out += text.slice(start, i);
      start = i + 1;
    }
  }
  return out + text.slice(start);
}

function compactAll(dir) {
  let count = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) count += compactAll(path);
    else if (name.endsWith(".json")) {
      const text = readFileSync(path, "utf8");
      // A file that is not JSON is left exactly as it is, for the app to report.
      try { JSON.parse(text); } catch { continue; }
      writeFileSync(path, compact(text));
      count += 1;
    }
  }
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir] = process.argv.slice(2);
  if (!dir) { console.error("usage: node scripts/compact-json.mjs DIR"); process.exit(2); }
  console.log(`${dir}: ${compactAll(dir)} JSON files compacted`);
}
