/** Runs once when a server starts, before it answers any request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { seedDemoDataOnFirstStart } = await import("@/server/demo/seed-on-first-start");
  await seedDemoDataOnFirstStart();
}
