/**
 * Runs once when a server process starts, before it serves. The check lives in a module
 * of its own so that only the Node.js server (not the edge bundle) loads it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { exitOnBadSettings } = await import("@/server/config/check-settings");
  exitOnBadSettings();
}
