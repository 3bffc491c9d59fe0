// Prints N distinct ports free on 127.0.0.1 (default 1), space-separated: all are held open
// until every one is chosen, so none is given twice. For the test and benchmark servers, so that
// a server already running on the machine never gets in their way.
// Usage: node scripts/free-ports.mjs [N]
import { createServer } from "node:net";

const count = Number(process.argv[2] ?? 1);
const servers = await Promise.all(Array.from({ length: count }, () => new Promise((chosen) => {
  const server = createServer().listen(0, "127.0.0.1", () => chosen(server));
})));
console.log(servers.map((s) => s.address().port).join(" "));
for (const server of servers) server.close();
