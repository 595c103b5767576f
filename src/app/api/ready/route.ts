import { RETRY_AFTER_SECONDS } from "@/server/api/errors";
import { checkReadiness } from "@/server/db/check-readiness";
import { getPrisma } from "@/server/db/client";

export const dynamic = "force-dynamic";

/** Readiness: the database answers and every migration is applied (200), or why not (503). */
export async function GET() {
  const readiness = await checkReadiness(getPrisma);
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (readiness.ready) return Response.json({ status: "ready" }, { headers });
  return Response.json(
    { status: "unavailable", reason: readiness.reason, message: readiness.message },
    { status: 503, headers: { ...headers, "retry-after": String(RETRY_AFTER_SECONDS) } },
  );
}
