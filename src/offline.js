// The browser's side of reading offline, for src/offline.rs: the service worker that the release
// build generates with Workbox (scripts/offline.mjs), its updates, and the copies it keeps.
// scripts/offline.mjs imports the names below, so that each has one home.

/** The service worker's file, at the site's base path; it controls the base path only. */
export const WORKER_FILE = "sw.js";

/** The caches of content files, search index files and pictures; `clearCopies` empties them.
 * The app itself (Workbox's precache) is kept, so the site still opens offline after they are
 * cleared. */
export const COPY_CACHES = {
  content: "tintuc-content",
  search: "tintuc-search",
  images: "tintuc-images",
};
/** How the name of Workbox's precache starts. */
const PRECACHE = "workbox-precache";

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
  const workers = navigator.serviceWorker;
  if (!document.querySelector('link[rel="manifest"]')) {
    // A build without a worker (`make serve`, or a site that dropped it) must not stay under
    // one an earlier build left at this very scope.
    const old = await workers.getRegistration(base).catch(() => undefined);
    if (old?.scope === new URL(base, location.href).href) await old.unregister().catch(() => {});
    return false;
  }
  let controlled = Boolean(workers.controller);
  workers.addEventListener("controllerchange", () => {
    if (!controlled) {
      controlled = true;
      keep([...carried, ...fetchedBefore(base)]);
    }
    offerIfOld(onUpdate);
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
  if (controlled) {
    keep(carried);
    // A newer release may have taken over while this page loaded, before it listened.
    offerIfOld(onUpdate);
  }
  return true;
}

/** Calls `onUpdate` if this page runs an older release than the worker in control. A page opened
 * just after a deploy runs the new release while the old worker still serves it: the new worker,
 * installing behind the page (or found now), is waited for before the page is judged. */
async function offerIfOld(onUpdate) {
  if (await runsCurrentRelease()) return;
  if (registration) {
    await registration.update().catch(() => {});
    const pending = registration.installing ?? registration.waiting;
    if (pending) await settled(pending);
  }
  if (!(await runsCurrentRelease())) onUpdate();
}

/** Resolves once `worker` is activated, or replaced. */
function settled(worker) {
  return new Promise((done) => {
    const check = () => (worker.state === "activated" || worker.state === "redundant") && done();
    worker.addEventListener("statechange", check);
    check();
  });
}

/** Whether the release now in control precaches this page's own app (its script, wasm and
 * styles): a page opened after a deploy already runs the new app while the new worker installs
 * behind it. */
async function runsCurrentRelease() {
  // The new worker takes control while it activates, and drops the old release's files from its
  // precache only once it has activated.
  const worker = navigator.serviceWorker.controller;
  if (worker) await settled(worker);
  const own = [
    ...performance.getEntriesByType("resource").map((e) => e.name).filter((url) => /\.(wasm|js)$/.test(url)),
    ...[...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.href),
  ];
  try {
    // This scope's own: the site's editions in other languages each have a worker and a precache.
    const scope = (await navigator.serviceWorker.ready).scope;
    const name = (await caches.keys()).find((n) => n.startsWith(PRECACHE) && n.endsWith(scope));
    if (!name || own.length === 0) return false;
    const precache = await caches.open(name);
    const found = await Promise.all(own.map((url) => precache.match(url, { ignoreSearch: true })));
    return found.every(Boolean);
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
