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
  // The list is the statement with the most rows; the total the one that counted.
  const rows = results.reduce((a, b) => (b.length > a.length ? b : a), []);
  const total = results.find((r) => r.length === 1 && Object.keys(r[0]!).some((k) => /count/i.test(k)))?.[0];
  if (plan.target.kind === "json") {
    return {
      type: "application/json",
      body: JSON.stringify({ data: rows, page: 1, perPage: rows.length, total: Number(Object.values(total ?? {})[0]) }),
    };
  }
  return { type: "text/html; charset=utf-8", body: "<!DOCTYPE html>" + renderToString(<Page rows={rows} />) };
}

function Page({ rows }: { rows: Row[] }) {
  const columns = Object.keys(rows[0] ?? {});
  return (
    <html lang="en">
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
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
