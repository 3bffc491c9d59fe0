// Serves a folder with nginx as scripts/bench.sh does: bench/nginx.conf.in (its compression and
// caching) on ports scripts/free-ports.mjs finds free.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../", import.meta.url));

/** Serves `siteDir` (an absolute path) on 127.0.0.1 with nginx. Returns { url, log, stop }: the
 *  site's URL, ending with "/", the access log (`uri status body-bytes` a line) and stop(). */
export async function serveWithNginx(siteDir) {
  const run = mkdtempSync(join(tmpdir(), "search-nginx-"));
  chmodSync(run, 0o755);
  // The template has three servers (the release and bench.sh's two synthetic sites): all three
  // serve siteDir here, on ports of their own; only the first is used, and only it logs.
  const [port, big, fifty] = execFileSync("node", [join(repo, "scripts/free-ports.mjs"), "3"]).toString().trim().split(" ");
  const conf = readFileSync(join(repo, "bench/nginx.conf.in"), "utf8")
    .replaceAll("@DIST@", siteDir).replaceAll("@BIG@", siteDir).replaceAll("@FIFTY@", siteDir)
    .replaceAll("@PORT@", port).replaceAll("@BIG_PORT@", big).replaceAll("@FIFTY_PORT@", fifty)
    .replaceAll("@RUN@", run);
  writeFileSync(join(run, "nginx.conf"), conf);
  const nginx = spawn("nginx", ["-p", run, "-c", join(run, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise((resolve) => nginx.once("exit", resolve));
  // Not left serving if the caller ends on an uncaught error (a leftover was seen once).
  const orphan = () => nginx.kill();
  process.once("exit", orphan);
  const stop = async () => {
    process.off("exit", orphan);
    nginx.kill();
    await exited;
    rmSync(run, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}/`;
  // Up when it answers; a server already on the port would be measured instead, so an nginx
  // that exited (port taken) is an error.
  for (let i = 0; ; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx did not start (ports ${port}, ${big}, ${fifty}): see ${run}/error.log`);
    const answer = await fetch(url).catch(() => null);
    if (answer) {
      // nginx's workers run as another user: a folder they cannot read is a 403 or 500 on every
      // file (mkdtemp makes 0700 folders; scripts/bench.sh makes its own 0755).
      if (answer.status === 403 || answer.status >= 500) {
        await stop();
        throw new Error(`nginx answers ${answer.status}: can its worker user read ${siteDir} and the folders above it?`);
      }
      break;
    }
    if (i > 50) {
      await stop();
      throw new Error("nginx did not answer");
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, log: join(run, "access.log"), stop };
}
