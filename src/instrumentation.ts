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
