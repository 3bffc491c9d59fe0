// The browser's side of reading offline, for src/offline.rs: the service worker that the release
// build generates with Workbox (scripts/offline.mjs), its updates, and the copies it keeps.
// scripts/offline.mjs imports the names below, so that each has one home.

/** The service worker's file, at the site's base path; it controls the base path only. */
export const WORKER_FILE = "sw.js";

/** The caches of pages, content files and pictures; `clearCopies` empties them. The app itself
 * (Workbox's precache) is kept, so the site still opens offline after they are cleared. */
export const COPY_CACHES = {
  pages: "tintuc-pages",
  content: "tintuc-content",
  images: "tintuc-images",
};

let registration = null;
let lastCheck = 0;

/**
 * Registers the service worker of the release at `base`, if this is a release build (it links a
 * web app manifest, which scripts/offline.mjs adds beside the worker) on an origin that may
 * have one. Once the worker serves this page, it is asked for the `carried` files (the content
 * the page came with in its HTML), so that it keeps copies of them; when it takes over a page
 * that loaded without it, for every file the page fetched before, too. `onUpdate()` is called
 * when a newer release takes over this page, whose app is then out of date. Resolves to whether
 * the worker is registered: whether this browser keeps copies to read offline.
 */
export async function register(base, carried, onUpdate) {
  if (!window.isSecureContext || !("serviceWorker" in navigator)) return false;
  if (!document.querySelector('link[rel="manifest"]')) return false;
  const workers = navigator.serviceWorker;
  let controlled = Boolean(workers.controller);
  workers.addEventListener("controllerchange", async () => {
    if (!controlled) {
      controlled = true;
      keep([...carried, ...fetchedBefore(base)]);
    } else if (!(await runsCurrentRelease())) {
      onUpdate();
    }
  });
  try {
    registration = await workers.register(base + WORKER_FILE, { scope: base });
  } catch (error) {
    // Storage blocked, a private window, a host that does not serve the file: the site works
    // as it did without copies, and says nothing about them.
    console.info("tintuc: no offline copies:", error?.message ?? error);
    return false;
  }
  // A browser may decline without an error (an automated one that blocks workers).
  if (!registration) return false;
  lastCheck = Date.now();
  if (controlled) keep(carried);
  return true;
}

/** Whether the release now in control precaches this page's own app (its wasm and styles): a
 * page opened after a deploy already runs the new app while the new worker installs behind it. */
async function runsCurrentRelease() {
  // The new worker takes control while it activates, and drops the old release's files from its
  // precache only once it has activated.
  const worker = navigator.serviceWorker.controller;
  if (worker && worker.state !== "activated") {
    await new Promise((activated) => {
      const check = () => (worker.state === "activated" || worker.state === "redundant") && activated();
      worker.addEventListener("statechange", check);
      check();
    });
  }
  const own = [
    ...performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".wasm")).map((e) => e.name),
    ...[...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.href),
  ];
  try {
    const found = await Promise.all(own.map((url) => caches.match(url, { ignoreSearch: true })));
    return own.length > 0 && found.every(Boolean);
  } catch {
    return false;
  }
}

/** Asks the host whether a newer release is there, at most once every `minSeconds`. */
export function checkForUpdate(minSeconds) {
  if (!registration || Date.now() - lastCheck < minSeconds * 1000) return;
  lastCheck = Date.now();
  registration.update().catch(() => {});
}

/** Fetches `urls` through the worker, which keeps copies of what it fetches. */
async function keep(urls) {
  await Promise.all([...new Set(urls)].map((url) => fetch(url).catch(() => {})));
}

/** The files under `base` that this page fetched (content it loaded or loaded ahead), bar the
 * app's wasm, which the worker precaches. */
function fetchedBefore(base) {
  const scope = new URL(base, location.href).href;
  return performance
    .getEntriesByType("resource")
    .filter((e) => (e.initiatorType === "fetch" || e.initiatorType === "link") && e.name.startsWith(scope))
    .map((e) => e.name)
    .filter((url) => !url.endsWith(".wasm"));
}

/** When the oldest of the copies of `urls` was fetched (milliseconds since the epoch, from
 * the copy's `Date` header), or undefined if any has no copy. */
export async function copyTime(urls) {
  let oldest;
  try {
    for (const url of urls) {
      const copy = await caches.match(url);
      const at = Date.parse(copy?.headers.get("date") ?? "");
      if (Number.isNaN(at)) return undefined;
      if (oldest === undefined || at < oldest) oldest = at;
    }
  } catch {
    return undefined;
  }
  return oldest;
}

/** Deletes the copies kept to read offline. Resolves to whether it could. */
export async function clearCopies() {
  try {
    await Promise.all(Object.values(COPY_CACHES).map((name) => caches.delete(name)));
    return true;
  } catch {
    return false;
  }
}
