// Serves the built app as `next start` does, on PORT (default 3000) and ROLLCALL_HOST, with
// X-Forwarded-For taken from the connection (see forwarded-for.mjs): Next.js itself
// passes on a client's own X-Forwarded-For, which would let anyone pick their rate-limit key.
import { createServer } from "node:http";
import next from "next";
import { forwardedFor } from "./forwarded-for.mjs";

const port = Number(process.env.PORT || 3000);
// Not HOSTNAME: shells and containers set that to the machine's name.
const hostname = process.env.ROLLCALL_HOST || "0.0.0.0";
const behindProxies = Boolean(process.env.ROLLCALL_TRUSTED_PROXIES?.trim());
/** Next.js's own limit on a server action's body (serverActions.bodySizeLimit, 1 MB), which it enforces with a 500. */
const ACTION_BODY_LIMIT = 1024 * 1024;

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((request, response) => {
  if (request.headers["next-action"] && Number(request.headers["content-length"] ?? 0) > ACTION_BODY_LIMIT) {
    // Answered once the body is read, so the client is not cut off mid-send.
    request.resume().on("end", () => response.writeHead(413, { "content-type": "text/plain; charset=utf-8" }).end("Request body too large."));
    return;
  }
  const value = forwardedFor(request.headers["x-forwarded-for"], request.socket.remoteAddress, behindProxies);
  if (value) request.headers["x-forwarded-for"] = value;
  else delete request.headers["x-forwarded-for"];
  // Any client can send this one: the limit never reads it.
  delete request.headers["x-real-ip"];
  handle(request, response);
}).listen(port, hostname, () => console.log(`Rollcall on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));
