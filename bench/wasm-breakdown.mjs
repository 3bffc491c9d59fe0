// What each crate costs in the app's WebAssembly: the code bytes of every function, summed by the
// crate its (mangled) name starts with, read from the name section of cargo's own output (before
// wasm-bindgen and wasm-opt, which drop the names). The app's own code is split by module.
// Usage: node bench/wasm-breakdown.mjs target/wasm32-unknown-unknown/release/tintuc.wasm [N]
import { readFileSync } from "node:fs";

/** Per-crate sizes of `bytes`, a wasm module with a name section. */
export function breakdown(bytes) {
  let at = 8;
  const leb = () => {
    let result = 0, shift = 0, byte;
    do { byte = bytes[at++]; result += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return result;
  };
  const text = () => { const n = leb(); const s = Buffer.from(bytes.subarray(at, at + n)).toString("utf8"); at += n; return s; };
  let imported = 0;
  const bodies = [];
  const names = new Map();
  let data = 0;
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 2) {
      for (let i = leb(); i > 0; i--) {
        text(); text();
        const kind = bytes[at++];
        if (kind === 0) { leb(); imported++; }
        else if (kind === 1) { at++; const flags = leb(); leb(); if (flags & 1) leb(); }
        else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); }
        else if (kind === 3) { at += 2; }
        else if (kind === 4) { at++; leb(); }
      }
    } else if (id === 10) {
      for (let i = 0, n = leb(); i < n; i++) { const len = leb(); bodies.push(len + 1); at += len; }
    } else if (id === 11) {
      data = size;
    } else if (id === 0 && text() === "name") {
      while (at < end) {
        const sub = bytes[at++];
        const len = leb();
        const subEnd = at + len;
        if (sub === 1) for (let n = leb(); n > 0; n--) { const index = leb(); names.set(index, text()); }
        at = subEnd;
      }
    }
    at = end;
  }
  const totals = new Map();
  const add = (key, n) => totals.set(key, (totals.get(key) ?? 0) + n);
  let code = 0;
  bodies.forEach((size, i) => {
    const name = names.get(imported + i) ?? "";
    // wasm-bindgen's type descriptions run at build time and are dropped from the release.
    if (name.startsWith("__wbindgen_describe")) return;
    add(owner(name), size);
    code += size;
  });
  add("(data: strings and tables)", data);
  return { total: bytes.length, code, data, named: names.size, byOwner: [...totals].sort((a, b) => b[1] - a[1]) };
}

/** The crate a function belongs to, from its legacy-mangled name (`_ZN4core3fmt…`,
 *  `_ZN…_$LT$tachys..html..…$u20$as$u20$…$GT$…`); for the app, its module too. */
function owner(name) {
  const mangled = /^_ZN(\d+)(.*)$/.exec(name);
  if (!mangled) {
    // Rust's v0 mangling (`_R…`): the crate is the first identifier after its hash (`Cs…_5crate`).
    const v0 = /^_R.*?C[sh][0-9A-Za-z_]*?_(\d+)([a-z_][a-z0-9_]*)/.exec(name);
    if (v0) return v0[2].slice(0, Number(v0[1]));
    return "(runtime and unnamed)";
  }
  const first = mangled[2].slice(0, Number(mangled[1]));
  const rest = mangled[2].slice(Number(mangled[1]));
  let krate = first;
  const impl = /^_?\$LT\$(?:\$RF\$|\$BP\$|mut\$u20\$)*([A-Za-z0-9_]+)/.exec(first);
  if (impl) krate = impl[1];
  // An impl for a generic or foreign-looking type (`<T as tachys::…>`, `<(A, B) as …>`): the trait's crate.
  if (!impl || /^[A-Z]/.test(krate)) krate = /\$u20\$as\$u20\$([a-z_][a-z0-9_]*)\.\./.exec(first)?.[1] ?? krate;
  if (krate === "tintuc") {
    const module = impl ? /tintuc\.\.([a-z_]+)/.exec(first)?.[1] : /^(\d+)([a-z_]+)/.exec(rest)?.[2];
    return `tintuc::${module ?? "(root)"}`;
  }
  return krate;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, top = "25"] = process.argv.slice(2);
  const result = breakdown(readFileSync(path));
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`${path}: ${kib(result.total)}, code ${kib(result.code)}, data ${kib(result.data)}, ${result.named} named functions`);
  for (const [name, size] of result.byOwner.slice(0, Number(top))) console.log(`${kib(size).padStart(10)}  ${(100 * size / (result.code + result.data)).toFixed(1).padStart(5)}%  ${name}`);
}
