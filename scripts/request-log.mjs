// One JSON access line per request, with the request's id, from scripts/serve.mjs (pino,
// like the app's own log lines in src/server/log/logger.ts; LOG_LEVEL sets the level).
import { randomUUID } from "node:crypto";
import pino from "pino";

export const accessLog = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { service: "rollcall", pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

const REQUEST_ID = /^[\w.:-]{8,128}$/;

/**
 * The request's id: a trusted proxy's X-Request-Id when it sent a sane one (so the id
 * runs through the load balancer's logs too), else a new one. Set on the request, for the
 * app's log lines and 5xx bodies, and on the response, for the client.
 */
export function tagRequest(request, response, trustProxy) {
  const sent = request.headers["x-request-id"];
  const id = trustProxy && typeof sent === "string" && REQUEST_ID.test(sent) ? sent : randomUUID();
  request.headers["x-request-id"] = id;
  response.setHeader("X-Request-Id", id);
  const started = process.hrtime.bigint();
  response.once("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // The path without its query string: a search can hold a person's name or email.
    const path = (request.url ?? "").split("?")[0];
    const line = { requestId: id, method: request.method, path, status: response.statusCode, ms: Math.round(ms) };
    if (response.statusCode >= 500) accessLog.error(line, "request failed");
    else accessLog.info(line, "request");
  });
  return id;
}
