// Serves the built app as `next start` does, on PORT (default 3000) and ROLLCALL_HOST, with
// X-Forwarded-For taken from the connection (see forwarded-for.mjs): Next.js itself
// passes on a client's own X-Forwarded-For, which would let anyone pick their rate-limit key.
import { createServer } from "node:http";
import next from "next";
import { forwardedFor } from "./forwarded-for.mjs";
import { accessLog, tagRequest } from "./request-log.mjs";

const port = Number(process.env.PORT || 3000);
// Not HOSTNAME: shells and containers set that to the machine's name.
const hostname = process.env.ROLLCALL_HOST || "0.0.0.0";
const behindProxies = Boolean(process.env.ROLLCALL_TRUSTED_PROXIES?.trim());
/**
 * A server action's body: 1 MB, answered here with a 413 (Next.js would answer a 500), except
 * on the import wizard's Upload page, which takes a spreadsheet of up to 20 MB (the 21 MB of
 * serverActions.bodySizeLimit in next.config.ts).
 */
const ACTION_BODY_LIMIT = 1024 * 1024;
const UPLOAD_BODY_LIMIT = 21 * 1024 * 1024;
const UPLOAD_PAGE = /^\/companies\/[^/?]+(\/projects\/[^/?]+)?\/directory\/import\/?(\?|$)/;

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((request, response) => {
  tagRequest(request, response, behindProxies);
  const limit = UPLOAD_PAGE.test(request.url ?? "") ? UPLOAD_BODY_LIMIT : ACTION_BODY_LIMIT;
  if (request.headers["next-action"] && Number(request.headers["content-length"] ?? 0) > limit) {
    // Answered once the body is read, so the client is not cut off mid-send.
    request
      .resume()
      .on("end", () =>
        response.writeHead(413, { "content-type": "text/plain; charset=utf-8" }).end("Request body too large."),
      );
    return;
  }
  const value = forwardedFor(request.headers["x-forwarded-for"], request.socket.remoteAddress, behindProxies);
  if (value) request.headers["x-forwarded-for"] = value;
  else delete request.headers["x-forwarded-for"];
  // Any client can send this one: the limit never reads it.
  delete request.headers["x-real-ip"];
  handle(request, response);
}).listen(port, hostname, () =>
  accessLog.info({ url: `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}` }, "Rollcall is listening"),
);
