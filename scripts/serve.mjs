// Serves the built app as `next start` does, on PORT (default 3000) and HOSTNAME, with
// X-Forwarded-For taken from the connection (see forwarded-for.mjs): Next.js itself
// passes on a client's own X-Forwarded-For, which would let anyone pick their rate-limit key.
import { createServer } from "node:http";
import next from "next";
import { forwardedFor } from "./forwarded-for.mjs";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";
const behindProxies = Boolean(process.env.ROLLCALL_TRUSTED_PROXIES?.trim());

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((request, response) => {
  const value = forwardedFor(request.headers["x-forwarded-for"], request.socket.remoteAddress, behindProxies);
  if (value) request.headers["x-forwarded-for"] = value;
  else delete request.headers["x-forwarded-for"];
  // Any client can send this one: the limit never reads it.
  delete request.headers["x-real-ip"];
  handle(request, response);
}).listen(port, hostname, () => console.log(`Rollcall on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));
