// The floor server of `npm run bench -- --http`: node:http and pg, nothing else. For each
// request it runs the statements the app sent for the same request (captured by
// scripts/bench-http.ts: authentication, membership and permission lookups included), in
// the same order on one pooled connection, and answers with the listed rows — as JSON for
// the API, as an HTML table through React's renderToString for a page.
// Usage (started by the bench): DATABASE_URL=… PORT=… node --import tsx scripts/bench-http-floor.tsx plan.json
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import pg from "pg";
import { renderToString } from "react-dom/server";
import type { Plan } from "./bench-http";

const plans = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Plan[];
const byPath = new Map(plans.map((plan) => [plan.target.path, plan]));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

type Row = Record<string, unknown>;

createServer((request, response) => {
  if (request.url === "/health") return void response.end("ok");
  const plan = byPath.get(request.url ?? "");
  if (!plan) return void response.writeHead(404).end();
  answer(plan).then(
    ({ type, body }) => response.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body),
    (error: Error) => response.writeHead(500).end(error.message),
  );
}).listen(Number(process.env.PORT), "127.0.0.1");

async function answer(plan: Plan): Promise<{ type: string; body: string }> {
  const client = await pool.connect();
  const results: Row[][] = [];
  try {
    for (const statement of plan.statements) {
      results.push((await client.query<Row>({ text: statement.sql, values: statement.params })).rows);
    }
  } finally {
    client.release();
  }
  const rows = contactRows(plan, results);
  if (plan.target.kind === "json") {
    const total = plan.statements.findIndex((st) => /^SELECT COUNT\(\*\) AS "_count\$_all" FROM \(/.test(st.sql));
    return {
      type: "application/json",
      body: JSON.stringify({ data: rows, page: 1, perPage: 50, total: Number(results[total]?.[0]?.["_count$_all"]) }),
    };
  }
  return { type: "text/html; charset=utf-8", body: "<!DOCTYPE html>" + renderToString(<Page rows={rows} />) };
}

/** The page's contacts as the app lists them: each with its vendor and its projects' names. */
function contactRows(plan: Plan, results: Row[][]): Row[] {
  const of = (pattern: RegExp) => plan.statements.flatMap((st, i) => (pattern.test(st.sql) ? [results[i]!] : []));
  const [page = []] = of(/^SELECT "public"\."Contact"\./);
  const vendors = new Map(
    of(/^SELECT "public"\."Vendor"\..* IN \(/s)
      .flat()
      .map((v) => [v.id, v]),
  );
  const projects = new Map(
    of(/^SELECT "public"\."Project"\..* IN \(/s)
      .flat()
      .map((p) => [p.id, p.name]),
  );
  const onProjects = new Map<unknown, unknown[]>();
  for (const pc of of(/^SELECT "public"\."ProjectContact"\./).flat()) {
    onProjects.set(pc.contactId, [...(onProjects.get(pc.contactId) ?? []), projects.get(pc.projectId)]);
  }
  return page.map((c) => ({ ...c, vendor: vendors.get(c.vendorId) ?? null, projects: onProjects.get(c.id) ?? [] }));
}

function Page({ rows }: { rows: Row[] }) {
  const columns = Object.keys(rows[0] ?? {}).filter((c) => c !== "companyId");
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- a plain document, rendered outside Next.js */}
      <head>
        <meta charSet="utf-8" />
        <title>Rollcall</title>
      </head>
      <body>
        <main>
          <table>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c}>{cell(row[c])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </main>
      </body>
    </html>
  );
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "object" && "name" in value) return String(value.name);
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
