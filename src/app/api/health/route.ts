// Liveness: the process answers. It asks nothing of the database, so a database outage
// does not get healthy processes restarted; readiness (/api/ready) covers that.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
