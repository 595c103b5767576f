/**
 * Runs once when a server process starts, before it serves. What it runs lives in modules
 * of their own so that only the Node.js server (not the edge bundle) loads them.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { exitOnBadSettings } = await import("@/server/config/check-settings");
  exitOnBadSettings();
  const { seedDemoDataOnFirstStart } = await import("@/server/demo/seed-on-first-start");
  await seedDemoDataOnFirstStart();
}

/**
 * A page, route or action that threw: one JSON log line with the request's id and the
 * error's digest — the reference the error page shows — so a quoted reference finds it.
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath: string; routeType: string },
) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("@/server/log/logger");
  log().error(
    {
      requestId: request.headers["x-request-id"],
      digest: (error as { digest?: string } | null)?.digest,
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
      err: error,
    },
    "request failed",
  );
}
