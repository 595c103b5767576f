// HTTP load on a running app: the JSON API's Inactive Contacts list (with an API token)
// and the Inactive Contacts page (with a session cookie), 20 connections for 10 s each,
// as the demo admin on the large seeded company.
// Usage: npm run load [-- --url http://localhost:3400 --company-name "Large Co 100,000 contacts"
//                        --connections 20 --duration 10 --token rc_… --json]
//        npm run load -- --create-token   (with the app stopped, on the embedded database)
// The token: --token or ROLLCALL_API_TOKEN; else, on PostgreSQL (DATABASE_URL), one is
// created for the run. The embedded database belongs to the running app, so there create
// one first with --create-token while the app is stopped.
import autocannon from "autocannon";
import { parseArgs } from "node:util";
import { createApiToken } from "@/server/auth/api-tokens";
import { DEMO_USERS } from "@/server/demo/demo-company";
import { largeCompanyName } from "@/server/demo/seed-large-company";
import { openScriptDatabase } from "./open-script-database";

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3400" },
    "company-name": { type: "string", default: largeCompanyName(100_000) },
    connections: { type: "string", default: "20" },
    duration: { type: "string", default: "10" },
    token: { type: "string", default: process.env.ROLLCALL_API_TOKEN },
    "create-token": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const admin = { email: DEMO_USERS[0]!.email, password: "rollcall-demo" };

if (args["create-token"]) {
  console.log(await tokenFromDatabase());
} else {
  const base = new URL(args.url);
  const cookie = await signIn(base);
  const companyId = await companyIdByName(base, cookie, args["company-name"]);
  const token = args.token ?? (process.env.DATABASE_URL ? await tokenFromDatabase() : null);
  if (!token) {
    throw new Error(
      "No API token: pass --token (or ROLLCALL_API_TOKEN), or create one with `npm run load -- --create-token` while the app is stopped.",
    );
  }
  const targets: { name: string; path: string; headers: Record<string, string> }[] = [
    {
      name: "api_inactive_contacts",
      path: `/api/v1/companies/${companyId}/contacts?status=inactive&perPage=50`,
      headers: { authorization: `Bearer ${token}` },
    },
    {
      name: "page_inactive_contacts",
      path: `/companies/${companyId}/directory/inactive-contacts`,
      headers: { cookie },
    },
  ];
  const results = [];
  for (const target of targets) {
    const preflight = await fetch(new URL(target.path, base), { headers: target.headers, redirect: "manual" });
    if (preflight.status !== 200) throw new Error(`${target.name}: ${preflight.status} for ${target.path}`);
    const result = await autocannon({
      url: new URL(target.path, base).href,
      headers: target.headers,
      connections: Number(args.connections),
      duration: Number(args.duration),
    });
    results.push({
      name: target.name,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      rps: Math.round(result.requests.average * 10) / 10,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
    });
  }
  const summary = {
    url: base.origin,
    companyId,
    connections: Number(args.connections),
    durationS: Number(args.duration),
    results,
  };
  if (args.json) console.log(JSON.stringify(summary, null, 2));
  else console.table(results);
}

/** Signs the demo admin in as a browser would and returns the session cookie. */
async function signIn(base: URL): Promise<string> {
  const response = await fetch(new URL("/api/auth/sign-in/email", base), {
    method: "POST",
    headers: { "content-type": "application/json", origin: base.origin },
    body: JSON.stringify(admin),
    redirect: "manual",
  });
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function companyIdByName(base: URL, cookie: string, name: string): Promise<string> {
  const response = await fetch(new URL("/api/v1/companies", base), { headers: { cookie } });
  const { data } = (await response.json()) as { data: { id: string; name: string }[] };
  const company = data.find((c) => c.name === name);
  if (!company)
    throw new Error(
      `${admin.email} sees no company named "${name}": seed it with npm run db:seed -- --contacts 100000 …`,
    );
  return company.id;
}

/** A new API token of the demo admin in the large company, written straight to the database. */
async function tokenFromDatabase(): Promise<string> {
  const { db } = openScriptDatabase();
  try {
    const [company] = await db.sql.query<{ id: string }>(
      `SELECT id FROM "Company" WHERE name = $1 ORDER BY "createdAt" LIMIT 1`,
      [args["company-name"]],
    );
    const user = await db.prisma.user.findUnique({ where: { email: admin.email }, select: { id: true } });
    if (!company || !user)
      throw new Error(`No "${args["company-name"]}" or no ${admin.email} in this database: run npm run db:seed first.`);
    const { token } = await createApiToken(db.prisma, {
      companyId: company.id,
      userId: user.id,
      name: `Load test ${new Date().toISOString()}`,
    });
    return token;
  } finally {
    await db.close();
  }
}
